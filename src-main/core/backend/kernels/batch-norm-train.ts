// Batch normalisation in training mode as ONE op with its own gradient (wasm and cpu).
//
// tfjs-layers normalises a training batch with tf.moments and tf.batchNormalization, a dozen
// broadcasting ops over the whole activation each way; their gradients (through FusedBatchNorm,
// the moments and the broadcasts) make a batch-norm layer cost several times its convolution.
// Here the forward pass is three passes over the data (sum, squared deviations, scale and
// shift) and the backward pass two, on the channels-last layout (the last axis is normalised).
//   forward   mean, variance (biased, as tf.moments) per channel; y = (x - mean) * gamma /
//             sqrt(variance + epsilon) + beta. Outputs [y, mean, variance].
//   backward  with xhat = (x - mean) / sqrt(variance + epsilon) and M values per channel:
//             dbeta = sum dy, dgamma = sum dy * xhat,
//             dx = gamma / sqrt(variance + epsilon) / M * (M dy - dbeta - xhat dgamma)
//                  + dmean / M + dvariance * 2 (x - mean) / M.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type {
  GradConfig,
  KernelBackend,
  KernelConfig,
  KernelFunc,
  NamedAttrMap,
  Tensor,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { engine, getKernel, util } from '@tensorflow/tfjs-core';
import { cpuF32, cpuOutput, wasmF32 } from './heap';

export const BN_TRAIN = 'LetterLabBatchNormTrain';
export const BN_TRAIN_GRAD = 'LetterLabBatchNormTrainGrad';

/** Per-channel statistics of x (channels last): mean and biased variance, in float64. */
export function channelMoments(
  x: Float32Array,
  channels: number,
): { mean: Float64Array; variance: Float64Array } {
  const count = x.length / channels;
  const mean = new Float64Array(channels);
  for (let p = 0; p < x.length;) for (let c = 0; c < channels; c++, p++) mean[c] += x[p];
  for (let c = 0; c < channels; c++) mean[c] /= count;
  const variance = new Float64Array(channels);
  for (let p = 0; p < x.length;) {
    for (let c = 0; c < channels; c++, p++) {
      const d = x[p] - mean[c];
      variance[c] += d * d;
    }
  }
  for (let c = 0; c < channels; c++) variance[c] /= count;
  return { mean, variance };
}

/** y (overwritten) = batch-normalised x; returns the mean and variance it used. */
export function batchNormTrainInto(
  x: Float32Array,
  gamma: Float32Array,
  beta: Float32Array,
  epsilon: number,
  y: Float32Array,
): { mean: Float64Array; variance: Float64Array } {
  const channels = gamma.length;
  util.assert(x.length % channels === 0 && y.length === x.length, () => 'batch norm: bad sizes');
  const { mean, variance } = channelMoments(x, channels);
  const scale = new Float64Array(channels);
  const shift = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    scale[c] = gamma[c] / Math.sqrt(variance[c] + epsilon);
    shift[c] = beta[c] - mean[c] * scale[c];
  }
  for (let p = 0; p < x.length;)
    for (let c = 0; c < channels; c++, p++) y[p] = x[p] * scale[c] + shift[c];
  return { mean, variance };
}

/** dx (overwritten), dgamma and dbeta (overwritten) of batchNormTrainInto; see the file comment. */
export function batchNormTrainGradInto(
  dy: Float32Array,
  x: Float32Array,
  gamma: Float32Array,
  mean: Float32Array,
  variance: Float32Array,
  dMean: Float32Array | null,
  dVariance: Float32Array | null,
  epsilon: number,
  dx: Float32Array,
  dGamma: Float32Array,
  dBeta: Float32Array,
): void {
  const channels = gamma.length;
  const count = x.length / channels;
  const invStd = new Float64Array(channels);
  for (let c = 0; c < channels; c++) invStd[c] = 1 / Math.sqrt(variance[c] + epsilon);
  const sumDy = new Float64Array(channels);
  const sumDyXhat = new Float64Array(channels);
  for (let p = 0; p < x.length;) {
    for (let c = 0; c < channels; c++, p++) {
      const g = dy[p];
      sumDy[c] += g;
      sumDyXhat[c] += g * (x[p] - mean[c]) * invStd[c];
    }
  }
  // dx = a dy + b (x - mean) + k, per channel.
  const a = new Float64Array(channels);
  const b = new Float64Array(channels);
  const k = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    const s = (gamma[c] * invStd[c]) / count;
    a[c] = s * count;
    b[c] = -s * sumDyXhat[c] * invStd[c] + (dVariance ? (2 * dVariance[c]) / count : 0);
    k[c] = -s * sumDy[c] + (dMean ? dMean[c] / count : 0) - b[c] * mean[c];
  }
  for (let p = 0; p < x.length;) {
    for (let c = 0; c < channels; c++, p++) dx[p] = a[c] * dy[p] + b[c] * x[p] + k[c];
  }
  dGamma.set(sumDyXhat);
  dBeta.set(sumDy);
}

interface Views {
  read(t: TensorInfo): Float32Array;
  out(shape: number[]): { info: () => TensorInfo; values: () => Float32Array };
}

/** Typed-array access on either backend; wasm outputs are made first, views taken after. */
function views(backendName: string, backend: KernelBackend): Views {
  if (backendName === 'wasm') {
    const wasm = backend as unknown as BackendWasm;
    return {
      read: (t) => wasmF32(wasm, t),
      out: (shape) => {
        const info = wasm.makeOutput(shape, 'float32');
        return { info: () => info, values: () => wasmF32(wasm, info) };
      },
    };
  }
  return {
    read: (t) => cpuF32(backend, t),
    out: (shape) => {
      const values = new Float32Array(util.sizeFromShape(shape));
      let info: TensorInfo | null = null;
      return {
        info: () => (info ??= cpuOutput(backend, shape, values)),
        values: () => values,
      };
    },
  };
}

function forwardKernel(backendName: string): KernelFunc {
  return (args) => {
    const { x, gamma, beta } = args.inputs as {
      x: TensorInfo;
      gamma: TensorInfo;
      beta: TensorInfo;
    };
    const channels = gamma.shape[0];
    const v = views(backendName, args.backend as KernelBackend);
    const y = v.out(x.shape);
    const mean = v.out([channels]);
    const variance = v.out([channels]);
    const infos = [y.info(), mean.info(), variance.info()];
    const stats = batchNormTrainInto(
      v.read(x),
      v.read(gamma),
      v.read(beta),
      (args.attrs as NamedAttrMap).epsilon as number,
      y.values(),
    );
    mean.values().set(stats.mean);
    variance.values().set(stats.variance);
    return infos;
  };
}

function gradKernel(backendName: string): KernelFunc {
  return (args) => {
    const inputs = args.inputs as Record<string, TensorInfo | undefined>;
    const x = inputs.x as TensorInfo;
    const channels = (inputs.gamma as TensorInfo).shape[0];
    const v = views(backendName, args.backend as KernelBackend);
    const dx = v.out(x.shape);
    const dGamma = v.out([channels]);
    const dBeta = v.out([channels]);
    const infos = [dx.info(), dGamma.info(), dBeta.info()];
    batchNormTrainGradInto(
      v.read(inputs.dy as TensorInfo),
      v.read(x),
      v.read(inputs.gamma as TensorInfo),
      v.read(inputs.mean as TensorInfo),
      v.read(inputs.variance as TensorInfo),
      inputs.dMean ? v.read(inputs.dMean) : null,
      inputs.dVariance ? v.read(inputs.dVariance) : null,
      (args.attrs as NamedAttrMap).epsilon as number,
      dx.values(),
      dGamma.values(),
      dBeta.values(),
    );
    return infos;
  };
}

export const batchNormTrainConfigs: readonly KernelConfig[] = ['wasm', 'cpu'].flatMap((b) => [
  { kernelName: BN_TRAIN, backendName: b, kernelFunc: forwardKernel(b) },
  { kernelName: BN_TRAIN_GRAD, backendName: b, kernelFunc: gradKernel(b) },
]);

export const batchNormTrainGradConfig: GradConfig = {
  kernelName: BN_TRAIN,
  inputsToSave: ['x', 'gamma'],
  outputsToSave: [false, true, true],
  gradFunc: (dys, saved, attrs) => {
    const [dy, dMean, dVariance] = dys as Tensor[];
    const [x, gamma, mean, variance] = saved;
    const [dx, dGamma, dBeta] = engine().runKernel(
      BN_TRAIN_GRAD,
      { dy, x, gamma, mean, variance, dMean, dVariance },
      attrs as NamedAttrMap,
    ) as Tensor[];
    return { x: () => dx, gamma: () => dGamma, beta: () => dBeta };
  },
};

/** Batch normalisation of x over every axis but the last: [y, batch mean, batch variance]. */
export function batchNormTrain(
  x: Tensor,
  gamma: Tensor,
  beta: Tensor,
  epsilon: number,
): [Tensor, Tensor, Tensor] {
  return engine().runKernel(BN_TRAIN, { x, gamma, beta }, { epsilon }) as [Tensor, Tensor, Tensor];
}

export function hasBatchNormTrain(backendName: string): boolean {
  return getKernel(BN_TRAIN, backendName) != null;
}
