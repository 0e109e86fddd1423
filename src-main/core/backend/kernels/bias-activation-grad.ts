// The first kernel of the backward pass of our fused training layers (conv-train, dense-train):
// dy times the derivative of the activation, taken from the layer's output y, and at the same
// time its sum over every axis but the last (the bias gradient). On wasm our SIMD kernel when the
// channels come in fours; plain arrays otherwise.
//   relu    dy where y > 0 (y > 0 exactly where the pre-activation is > 0)
//   tanh    dy * (1 - y * y), as tfjs's gradient of tanh computes it
//   linear  dy

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { util } from '@tensorflow/tfjs-core';
import { cpuF32, cpuOutput, wasmF32 } from './heap';
import { heapPointer, simdKernels } from '../simd/module';

export const BIAS_ACTIVATION_GRAD = 'LetterLabBiasActivationGrad';

/** The activations our fused training layers take. */
export type TrainActivation = 'relu' | 'linear' | 'tanh';

/** The SIMD kernels' code for each activation. */
const ACTIVATION_CODE: Record<TrainActivation, number> = { linear: 0, relu: 1, tanh: 2 };

/**
 * dyAct (overwritten) = dy times the activation's derivative at output y; bias (overwritten) =
 * dyAct summed over every axis but the last (`channels` long), accumulated in float64.
 */
export function biasActivationGradInto(
  dy: Float32Array,
  y: Float32Array,
  activation: TrainActivation,
  channels: number,
  dyAct: Float32Array,
  bias: Float32Array,
): void {
  util.assert(dy.length === y.length && dy.length === dyAct.length, () => 'size mismatch');
  util.assert(bias.length === channels && dy.length % channels === 0, () => 'bias size mismatch');
  const n = dy.length;
  if (activation === 'relu') {
    // Branch-free (a mispredicted branch per element costs several times more); dy * 0 keeps
    // NaN and infinities as tfjs's mul(dy, step(x)) does.
    for (let p = 0; p < n; p++) dyAct[p] = dy[p] * +(y[p] > 0);
  } else if (activation === 'tanh') {
    const f = Math.fround;
    for (let p = 0; p < n; p++) dyAct[p] = dy[p] * f(1 - f(y[p] * y[p]));
  } else {
    dyAct.set(dy);
  }
  sumChannelsInto(dyAct, channels, bias);
}

/** Pixels per block of sumChannelsInto: a block of 16 KB stays in the L1 cache for its passes. */
const SUM_BLOCK_FLOATS = 4096;

/**
 * bias (overwritten) = x summed over every axis but the last (`channels` long), in float64.
 * Blockwise, four channels at a time in local sums (several times fewer memory operations than
 * one running sum per channel in an array).
 */
export function sumChannelsInto(x: Float32Array, channels: number, bias: Float32Array): void {
  const n = x.length;
  const acc = new Float64Array(channels);
  const block = Math.max(1, Math.floor(SUM_BLOCK_FLOATS / channels)) * channels;
  const quads = channels - (channels % 4);
  for (let start = 0; start < n; start += block) {
    const end = Math.min(n, start + block);
    for (let c = 0; c < quads; c += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let p = start + c; p < end; p += channels) {
        s0 += x[p];
        s1 += x[p + 1];
        s2 += x[p + 2];
        s3 += x[p + 3];
      }
      acc[c] += s0;
      acc[c + 1] += s1;
      acc[c + 2] += s2;
      acc[c + 3] += s3;
    }
    for (let c = quads; c < channels; c++) {
      let s = 0;
      for (let p = start + c; p < end; p += channels) s += x[p];
      acc[c] += s;
    }
  }
  bias.set(acc);
}

interface Args<B> {
  inputs: { dy: TensorInfo; y: TensorInfo };
  backend: B;
  attrs: { activation: TrainActivation };
}

function biasActivationGradWasm({ inputs, backend, attrs }: Args<BackendWasm>): TensorInfo[] {
  const { dy, y } = inputs;
  const channels = dy.shape[dy.shape.length - 1];
  const dyAct = backend.makeOutput(dy.shape, 'float32');
  const bias = backend.makeOutput([channels], 'float32');
  const simd = simdKernels(backend);
  const pixels = util.sizeFromShape(dy.shape) / Math.max(1, channels);
  if (simd && channels % 4 === 0 && pixels > 0) {
    // float64 running sums of the bias gradient, as biasActivationGradInto keeps them
    const scratch = backend.makeOutput([channels * 2], 'float32');
    simd.biasActivationGrad(
      heapPointer(backend, dy),
      heapPointer(backend, y),
      heapPointer(backend, dyAct),
      heapPointer(backend, bias),
      heapPointer(backend, scratch),
      pixels,
      channels,
      ACTIVATION_CODE[attrs.activation],
    );
    backend.disposeData(scratch.dataId);
    return [dyAct, bias];
  }
  biasActivationGradInto(
    wasmF32(backend, dy),
    wasmF32(backend, y),
    attrs.activation,
    channels,
    wasmF32(backend, dyAct),
    wasmF32(backend, bias),
  );
  return [dyAct, bias];
}

function biasActivationGradCpu({ inputs, backend, attrs }: Args<KernelBackend>): TensorInfo[] {
  const { dy, y } = inputs;
  const channels = dy.shape[dy.shape.length - 1];
  const dyAct = new Float32Array(util.sizeFromShape(dy.shape));
  const bias = new Float32Array(channels);
  biasActivationGradInto(
    cpuF32(backend, dy),
    cpuF32(backend, y),
    attrs.activation,
    channels,
    dyAct,
    bias,
  );
  return [cpuOutput(backend, dy.shape, dyAct), cpuOutput(backend, [channels], bias)];
}

export const biasActivationGradConfigs: readonly KernelConfig[] = [
  {
    kernelName: BIAS_ACTIVATION_GRAD,
    backendName: 'wasm',
    kernelFunc: biasActivationGradWasm as unknown as KernelFunc,
  },
  {
    kernelName: BIAS_ACTIVATION_GRAD,
    backendName: 'cpu',
    kernelFunc: biasActivationGradCpu as unknown as KernelFunc,
  },
];
