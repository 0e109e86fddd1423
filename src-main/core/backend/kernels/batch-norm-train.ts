// Batch normalisation in training mode, as Keras 2.1.4 does it, as ONE op with its own gradient
// (wasm and cpu), normalising the last axis (channels last).
//
// tfjs-layers normalises a training batch with tf.moments and tf.batchNormalization, a dozen
// broadcasting ops over the whole activation each way; their gradients make a batch-norm layer
// cost several times its convolution. Here the forward pass is three passes over the data (sums,
// squared deviations, scale and shift) and the backward pass two; on wasm they are our SIMD
// kernels (../simd) when the channels come in fours.
//   forward   mean and biased variance per channel over every value of the BATCH;
//             y = (x - mean) * gamma / sqrt(variance + epsilon) + beta. Outputs [y, mean,
//             variance, movingVariance]: the last is what Keras 2.1.4 moves its moving variance
//             towards, variance * m / (m - (1 + epsilon)) with m values per channel (its
//             "sample variance" correction; tfjs-layers moves towards the biased variance).
//   backward  with xhat = (x - mean) / sqrt(variance + epsilon), m values per channel:
//             dbeta = sum dy, dgamma = sum dy * xhat,
//             dx = gamma / sqrt(variance + epsilon) / m * (m dy - dbeta - xhat dgamma)
//                  + dmean / m + dvariance * 2 (x - mean) / m.
//
// Whole-batch statistics when a batch is split between threads (core/training/parallel): each
// thread computes the per-channel sums of its own shard, and `withShardStats` hands the kernels a
// function that gathers every shard's sums (a few hundred numbers) in shard order. Every thread
// then adds them up in the same order, so all of them normalise with the same, whole-batch mean
// and variance, and the sums of the backward pass are whole-batch sums too. dgamma and dbeta stay
// this shard's share: the training loop adds the shards' gradients up. On one thread the gather is
// the shard's own sums, and the result is the same computation.

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
import { HeapScratch, heapPointer, simdKernels, type SimdKernels } from '../simd/module';

export const BN_TRAIN = 'LetterLabBatchNormTrain';
export const BN_TRAIN_GRAD = 'LetterLabBatchNormTrainGrad';

export interface BatchNormAttrs {
  epsilon: number;
  /**
   * x is the output of a relu (a convolution's, fused with this layer): the input gradient comes
   * out already multiplied by the relu's derivative, x > 0, in the same pass, and that layer's
   * own backward pass skips it (conv-train's ConvTrainAttrs.gradMasked). Only for an x that
   * nothing else reads.
   */
  reluInput?: boolean;
}

/**
 * Gathers one Float64Array from every shard of the batch being trained on, in shard order (this
 * shard's own included). Every shard calls it the same number of times per step.
 */
export type ShardGather = (mine: Float64Array) => Float64Array[];

let shardGather: ShardGather | null = null;

/**
 * Runs `f` (synchronously) with batch normalisation taking its statistics over every shard that
 * `gather` reaches; null = this thread has the whole batch.
 */
export function withShardStats<T>(gather: ShardGather | null, f: () => T): T {
  const previous = shardGather;
  shardGather = gather;
  try {
    return f();
  } finally {
    shardGather = previous;
  }
}

function gatherShards(mine: Float64Array): Float64Array[] {
  return shardGather ? shardGather(mine) : [mine];
}

/** Whole-batch moments per channel. */
export interface BatchMoments {
  /** Values per channel over the whole batch. */
  count: number;
  mean: Float64Array;
  /** Biased (divided by count), as tf.moments and Keras normalise with. */
  variance: Float64Array;
}

/**
 * This shard's moments as it sends them to the others: [count, sums..., m2...] with m2 the sum of
 * squared deviations from `center` (any value near the mean; the exact local mean is corrected
 * for here).
 */
export function shardMoments(
  count: number,
  sums: Float64Array,
  centeredSquares: Float64Array,
  center: ArrayLike<number>,
): Float64Array {
  const channels = sums.length;
  const out = new Float64Array(1 + 2 * channels);
  out[0] = count;
  out.set(sums, 1);
  for (let c = 0; c < channels; c++) {
    const shift = count > 0 ? sums[c] / count - center[c] : 0;
    // sum (x - mean)^2 = sum (x - center)^2 - count (mean - center)^2
    out[1 + channels + c] = Math.max(0, centeredSquares[c] - count * shift * shift);
  }
  return out;
}

/** The whole batch's mean and variance from every shard's shardMoments, added up in order. */
export function combineMoments(shards: Float64Array[], channels: number): BatchMoments {
  let count = 0;
  const total = new Float64Array(channels);
  for (const s of shards) {
    count += s[0];
    for (let c = 0; c < channels; c++) total[c] += s[1 + c];
  }
  const mean = total.map((t) => (count > 0 ? t / count : 0));
  const m2 = new Float64Array(channels);
  for (const s of shards) {
    const n = s[0];
    for (let c = 0; c < channels; c++) {
      // Chan et al.: the shards' own spread plus the spread of their means around the mean.
      const d = n > 0 ? s[1 + c] / n - mean[c] : 0;
      m2[c] += s[1 + channels + c] + n * d * d;
    }
  }
  return { count, mean, variance: m2.map((v) => (count > 0 ? v / count : 0)) };
}

/** Keras 2.1.4's target for the moving variance: variance * m / (m - (1 + epsilon)). */
export function kerasMovingVariance(variance: number, count: number, epsilon: number): number {
  return (variance * count) / (count - (1 + epsilon));
}

/** Whole-batch sums of the backward pass from every shard's [count, sum dy..., sum dy xhat...]. */
function combineGradSums(shards: Float64Array[], channels: number) {
  let count = 0;
  const sumDy = new Float64Array(channels);
  const sumDyXhat = new Float64Array(channels);
  for (const s of shards) {
    count += s[0];
    for (let c = 0; c < channels; c++) {
      sumDy[c] += s[1 + c];
      sumDyXhat[c] += s[1 + channels + c];
    }
  }
  return { count, sumDy, sumDyXhat };
}

function gradMessage(count: number, sumDy: Float64Array, sumDyXhat: Float64Array): Float64Array {
  const out = new Float64Array(1 + 2 * sumDy.length);
  out[0] = count;
  out.set(sumDy, 1);
  out.set(sumDyXhat, 1 + sumDy.length);
  return out;
}

/** Per-channel scale and shift of the normalisation: y = x * scale + shift. */
function normaliser(
  moments: BatchMoments,
  gamma: Float32Array,
  beta: Float32Array,
  epsilon: number,
): { scale: Float64Array; shift: Float64Array } {
  const channels = gamma.length;
  const scale = new Float64Array(channels);
  const shift = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    scale[c] = gamma[c] / Math.sqrt(moments.variance[c] + epsilon);
    shift[c] = beta[c] - moments.mean[c] * scale[c];
  }
  return { scale, shift };
}

/** The coefficients of dx = a dy + b x + k per channel (see the file comment). */
function inputGradient(
  sums: { count: number; sumDy: Float64Array; sumDyXhat: Float64Array },
  gamma: Float32Array,
  mean: Float32Array,
  invStd: Float64Array,
  dMean: Float32Array | null,
  dVariance: Float32Array | null,
) {
  const channels = gamma.length;
  const { count } = sums;
  const a = new Float64Array(channels);
  const b = new Float64Array(channels);
  const k = new Float64Array(channels);
  for (let c = 0; c < channels; c++) {
    const s = (gamma[c] * invStd[c]) / count;
    a[c] = s * count;
    b[c] = -s * sums.sumDyXhat[c] * invStd[c] + (dVariance ? (2 * dVariance[c]) / count : 0);
    k[c] = -s * sums.sumDy[c] + (dMean ? dMean[c] / count : 0) - b[c] * mean[c];
  }
  return { a, b, k };
}

function inverseStd(variance: Float32Array, epsilon: number): Float64Array {
  return Float64Array.from(variance, (v) => 1 / Math.sqrt(v + epsilon));
}

/** The forward pass's outputs, written by both implementations. */
interface ForwardOut {
  y: Float32Array;
  mean: Float32Array;
  variance: Float32Array;
  movingVariance: Float32Array;
}

function writeStats(moments: BatchMoments, epsilon: number, out: Omit<ForwardOut, 'y'>): void {
  out.mean.set(moments.mean);
  out.variance.set(moments.variance);
  for (let c = 0; c < out.mean.length; c++) {
    out.movingVariance[c] = kerasMovingVariance(moments.variance[c], moments.count, epsilon);
  }
}

/** The forward pass on plain arrays (cpu, and wasm where the SIMD kernels do not fit). */
export function batchNormTrainInto(
  x: Float32Array,
  gamma: Float32Array,
  beta: Float32Array,
  epsilon: number,
  out: ForwardOut,
): BatchMoments {
  const channels = gamma.length;
  util.assert(x.length % channels === 0 && out.y.length === x.length, () => 'batch norm: sizes');
  const count = x.length / channels;
  const sums = new Float64Array(channels);
  for (let p = 0; p < x.length;) for (let c = 0; c < channels; c++, p++) sums[c] += x[p];
  const center = sums.map((s) => (count > 0 ? s / count : 0));
  const squares = new Float64Array(channels);
  for (let p = 0; p < x.length;) {
    for (let c = 0; c < channels; c++, p++) {
      const d = x[p] - center[c];
      squares[c] += d * d;
    }
  }
  const moments = combineMoments(
    gatherShards(shardMoments(count, sums, squares, center)),
    channels,
  );
  const { scale, shift } = normaliser(moments, gamma, beta, epsilon);
  const y = out.y;
  for (let p = 0; p < x.length;)
    for (let c = 0; c < channels; c++, p++) y[p] = x[p] * scale[c] + shift[c];
  writeStats(moments, epsilon, out);
  return moments;
}

/** The backward pass on plain arrays: dx, dgamma, dbeta (overwritten). */
export function batchNormTrainGradInto(
  dy: Float32Array,
  x: Float32Array,
  gamma: Float32Array,
  mean: Float32Array,
  variance: Float32Array,
  dMean: Float32Array | null,
  dVariance: Float32Array | null,
  attrs: BatchNormAttrs,
  dx: Float32Array,
  dGamma: Float32Array,
  dBeta: Float32Array,
): void {
  const channels = gamma.length;
  const invStd = inverseStd(variance, attrs.epsilon);
  const sumDy = new Float64Array(channels);
  const sumDyXhat = new Float64Array(channels);
  for (let p = 0; p < x.length;) {
    for (let c = 0; c < channels; c++, p++) {
      const g = dy[p];
      sumDy[c] += g;
      sumDyXhat[c] += g * (x[p] - mean[c]) * invStd[c];
    }
  }
  const sums = combineGradSums(
    gatherShards(gradMessage(x.length / channels, sumDy, sumDyXhat)),
    channels,
  );
  const { a, b, k } = inputGradient(sums, gamma, mean, invStd, dMean, dVariance);
  for (let p = 0; p < x.length;) {
    for (let c = 0; c < channels; c++, p++) dx[p] = a[c] * dy[p] + b[c] * x[p] + k[c];
  }
  // dy * 0 keeps NaN, as tfjs's mul(dy, step(x)) does
  if (attrs.reluInput) for (let p = 0; p < x.length; p++) dx[p] *= +(x[p] > 0);
  dGamma.set(sumDyXhat);
  dBeta.set(sumDy);
}

/** Whether the SIMD kernels take a tensor of `channels` channels and `size` values. */
function simdFits(simd: SimdKernels | null, channels: number, size: number): simd is SimdKernels {
  return simd !== null && channels % 4 === 0 && size > 0;
}

/** The forward pass with our SIMD kernels, on the backend's heap. */
function forwardSimd(
  simd: SimdKernels,
  backend: BackendWasm,
  inputs: { x: TensorInfo; gamma: TensorInfo; beta: TensorInfo },
  epsilon: number,
): TensorInfo[] {
  const { x } = inputs;
  const channels = inputs.gamma.shape[0];
  const pixels = util.sizeFromShape(x.shape) / channels;
  const outs = [x.shape, [channels], [channels], [channels]].map((s) =>
    backend.makeOutput(s, 'float32'),
  );
  // float64: sums; float32: center, then scale and shift
  const scratch = new HeapScratch(backend, channels, 1, 3);
  try {
    const xp = heapPointer(backend, x);
    simd.channelSums(xp, 0, scratch.f64Pointer(0), pixels, channels, 0);
    const sums = scratch.f64(0).slice();
    const center = scratch.f32(0);
    sums.forEach((s, c) => (center[c] = s / pixels));
    simd.channelSums(xp, scratch.f32Pointer(0), scratch.f64Pointer(0), pixels, channels, 1);
    const message = shardMoments(pixels, sums, scratch.f64(0), scratch.f32(0));
    const moments = combineMoments(gatherShards(message), channels);
    const gamma = wasmF32(backend, inputs.gamma);
    const { scale, shift } = normaliser(moments, gamma, wasmF32(backend, inputs.beta), epsilon);
    scratch.f32(1).set(scale);
    scratch.f32(2).set(shift);
    simd.channelAffine(
      xp,
      0,
      scratch.f32Pointer(1),
      0,
      scratch.f32Pointer(2),
      heapPointer(backend, outs[0]),
      pixels,
      channels,
      0,
    );
    const [mean, variance, movingVariance] = outs.slice(1).map((t) => wasmF32(backend, t));
    writeStats(moments, epsilon, { mean, variance, movingVariance });
  } finally {
    scratch.free();
  }
  return outs;
}

interface GradInputs {
  dy: TensorInfo;
  x: TensorInfo;
  gamma: TensorInfo;
  mean: TensorInfo;
  variance: TensorInfo;
  dMean?: TensorInfo;
  dVariance?: TensorInfo;
}

/** The backward pass with our SIMD kernels, on the backend's heap. */
function gradSimd(
  simd: SimdKernels,
  backend: BackendWasm,
  inputs: GradInputs,
  attrs: BatchNormAttrs,
): TensorInfo[] {
  const { epsilon } = attrs;
  const { x, dy } = inputs;
  const channels = inputs.gamma.shape[0];
  const pixels = util.sizeFromShape(x.shape) / channels;
  const outs = [x.shape, [channels], [channels]].map((s) => backend.makeOutput(s, 'float32'));
  // float64: sum dy, sum dy xhat; float32: invStd, then a, b, k
  const scratch = new HeapScratch(backend, channels, 2, 4);
  try {
    const read = (t: TensorInfo) => wasmF32(backend, t);
    const invStd = inverseStd(read(inputs.variance), epsilon);
    scratch.f32(0).set(invStd);
    const [dyp, xp] = [heapPointer(backend, dy), heapPointer(backend, x)];
    const meanp = heapPointer(backend, inputs.mean);
    simd.batchNormGradSums(
      dyp,
      xp,
      meanp,
      scratch.f32Pointer(0),
      scratch.f64Pointer(0),
      pixels,
      channels,
    );
    const sumDy = scratch.f64(0).slice();
    const sumDyXhat = scratch.f64(1).slice();
    const sums = combineGradSums(gatherShards(gradMessage(pixels, sumDy, sumDyXhat)), channels);
    const { a, b, k } = inputGradient(
      sums,
      read(inputs.gamma),
      read(inputs.mean),
      invStd,
      inputs.dMean ? read(inputs.dMean) : null,
      inputs.dVariance ? read(inputs.dVariance) : null,
    );
    [a, b, k].forEach((values, i) => scratch.f32(1 + i).set(values));
    simd.channelAffine(
      dyp,
      xp,
      scratch.f32Pointer(1),
      scratch.f32Pointer(2),
      scratch.f32Pointer(3),
      heapPointer(backend, outs[0]),
      pixels,
      channels,
      attrs.reluInput ? 1 : 0,
    );
    read(outs[1]).set(sumDyXhat);
    read(outs[2]).set(sumDy);
  } finally {
    scratch.free();
  }
  return outs;
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
    const inputs = args.inputs as { x: TensorInfo; gamma: TensorInfo; beta: TensorInfo };
    const epsilon = (args.attrs as NamedAttrMap).epsilon as number;
    const channels = inputs.gamma.shape[0];
    if (backendName === 'wasm') {
      const backend = args.backend as BackendWasm;
      const simd = simdKernels(backend);
      if (simdFits(simd, channels, util.sizeFromShape(inputs.x.shape))) {
        return forwardSimd(simd, backend, inputs, epsilon);
      }
    }
    const v = views(backendName, args.backend as KernelBackend);
    const outs = [inputs.x.shape, [channels], [channels], [channels]].map((s) => v.out(s));
    const infos = outs.map((o) => o.info());
    const [y, mean, variance, movingVariance] = outs.map((o) => o.values());
    batchNormTrainInto(v.read(inputs.x), v.read(inputs.gamma), v.read(inputs.beta), epsilon, {
      y,
      mean,
      variance,
      movingVariance,
    });
    return infos;
  };
}

function gradKernel(backendName: string): KernelFunc {
  return (args) => {
    const inputs = args.inputs as unknown as GradInputs;
    const attrs = args.attrs as unknown as BatchNormAttrs;
    const channels = inputs.gamma.shape[0];
    if (backendName === 'wasm') {
      const backend = args.backend as BackendWasm;
      const simd = simdKernels(backend);
      if (simdFits(simd, channels, util.sizeFromShape(inputs.x.shape))) {
        return gradSimd(simd, backend, inputs, attrs);
      }
    }
    const v = views(backendName, args.backend as KernelBackend);
    const outs = [inputs.x.shape, [channels], [channels]].map((s) => v.out(s));
    const infos = outs.map((o) => o.info());
    const [dx, dGamma, dBeta] = outs.map((o) => o.values());
    batchNormTrainGradInto(
      v.read(inputs.dy),
      v.read(inputs.x),
      v.read(inputs.gamma),
      v.read(inputs.mean),
      v.read(inputs.variance),
      inputs.dMean ? v.read(inputs.dMean) : null,
      inputs.dVariance ? v.read(inputs.dVariance) : null,
      attrs,
      dx,
      dGamma,
      dBeta,
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
  outputsToSave: [false, true, true, false],
  // The moving variance target only feeds the moving average (no loss depends on it, as in
  // Keras, where that update is not part of the gradient): its gradient is not passed on.
  gradFunc: (dys, saved, attrs) => {
    const [dy, dMean, dVariance] = dys as Tensor[];
    const [x, gamma, mean, variance] = saved;
    const [dx, dGamma, dBeta] = engine().runKernel<Tensor[]>(
      BN_TRAIN_GRAD,
      { dy, x, gamma, mean, variance, dMean, dVariance },
      attrs,
    );
    return { x: () => dx, gamma: () => dGamma, beta: () => dBeta };
  },
};

/**
 * Batch normalisation of x over every axis but the last, with the whole batch's statistics:
 * [y, mean, variance, movingVariance] (see the file comment and BatchNormAttrs).
 */
export function batchNormTrain(
  x: Tensor,
  gamma: Tensor,
  beta: Tensor,
  attrs: BatchNormAttrs,
): [Tensor, Tensor, Tensor, Tensor] {
  return engine().runKernel<[Tensor, Tensor, Tensor, Tensor]>(
    BN_TRAIN,
    { x, gamma, beta },
    attrs as unknown as NamedAttrMap,
  );
}

export function hasBatchNormTrain(backendName: string): boolean {
  return getKernel(BN_TRAIN, backendName) != null;
}
