// Convolution + bias + relu/linear as ONE op while training, with its own gradient.
//
// tfjs runs fused.conv2d unfused whenever gradients are recorded: Conv2D, then Add (bias), then
// Relu, each saving its input for the backward pass; the backward pass adds Step, Cast, Multiply
// and Sum. Here the forward pass is one convolution that adds the bias and applies the relu in
// the same pass (our SIMD kernel on wasm when the output channels come in fours, else the
// backend's FusedConv2D), and the backward pass starts with one kernel that masks dy by the relu
// and sums it for the bias gradient at once; then our Conv2DBackpropInput/Filter kernels.
// The relu mask comes from the output y: y > 0 exactly where the pre-activation is > 0.

import type {
  GradConfig,
  KernelBackend,
  KernelConfig,
  KernelFunc,
  NamedAttrMap,
  NamedTensorMap,
  Tensor,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { backend_util, engine, getKernel, util } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { cpuF32, cpuOutput, wasmF32 } from './heap';
import { convArgs, heapPointer, simdConvFits, simdKernels } from '../simd/module';

export const CONV_TRAIN = 'LetterLabConv2DTrain';
export const BIAS_ACTIVATION_GRAD = 'LetterLabBiasActivationGrad';

export type TrainActivation = 'relu' | 'linear';

/** Attributes of CONV_TRAIN (NHWC, no dilation). */
export interface ConvTrainAttrs {
  strides: [number, number];
  pad: 'valid' | 'same';
  activation: TrainActivation;
}

/**
 * dyAct (overwritten) = dy where y > 0 (relu) or dy (linear); bias (overwritten) = dyAct summed
 * over every axis but the last (`channels` long), accumulated in float64.
 */
export function biasActivationGradInto(
  dy: Float32Array,
  y: Float32Array,
  relu: boolean,
  channels: number,
  dyAct: Float32Array,
  bias: Float32Array,
): void {
  util.assert(dy.length === y.length && dy.length === dyAct.length, () => 'size mismatch');
  util.assert(bias.length === channels && dy.length % channels === 0, () => 'bias size mismatch');
  const n = dy.length;
  if (relu) {
    // Branch-free (a mispredicted branch per element costs several times more); dy * 0 keeps
    // NaN and infinities as tfjs's mul(dy, step(x)) does.
    for (let p = 0; p < n; p++) dyAct[p] = dy[p] * +(y[p] > 0);
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

function fusedConvAttrs(attrs: ConvTrainAttrs): NamedAttrMap {
  return {
    strides: attrs.strides,
    pad: attrs.pad,
    dataFormat: 'NHWC',
    dilations: [1, 1],
    dimRoundingMode: undefined,
    activation: attrs.activation,
    leakyreluAlpha: 0,
  } as unknown as NamedAttrMap;
}

/** Forward: the backend's own FusedConv2D. */
function convTrainKernel(backendName: string): KernelFunc {
  return (args) => {
    const fused = getKernel('FusedConv2D', backendName);
    util.assert(fused != null, () => `the ${backendName} backend has no FusedConv2D kernel`);
    const { x, filter, bias } = args.inputs;
    return fused.kernelFunc({
      inputs: bias ? { x, filter, bias } : { x, filter },
      backend: args.backend,
      attrs: fusedConvAttrs(args.attrs as unknown as ConvTrainAttrs),
    });
  };
}

const fusedConvWasm = convTrainKernel('wasm');

/** Forward on wasm: our SIMD convolution when it fits (several times less overhead than XNNPACK
 * re-packing the changed filter every step), else the backend's FusedConv2D. */
function convTrainWasm(args: Parameters<KernelFunc>[0]): TensorInfo | TensorInfo[] {
  const backend = args.backend as BackendWasm;
  const { x, filter, bias } = args.inputs as {
    x: TensorInfo;
    filter: TensorInfo;
    bias?: TensorInfo;
  };
  const attrs = args.attrs as unknown as ConvTrainAttrs;
  const simd = simdKernels(backend);
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filter.shape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    undefined,
    false,
    'channelsLast',
  );
  if (!simd || !simdConvFits(info)) return fusedConvWasm(args);
  const y = backend.makeOutput(info.outShape, 'float32');
  simd.conv2d(
    heapPointer(backend, x),
    heapPointer(backend, filter),
    bias ? heapPointer(backend, bias) : 0,
    heapPointer(backend, y),
    attrs.activation === 'relu' ? 1 : 0,
    ...convArgs(info),
  );
  return y;
}

function biasActivationGradWasm(args: {
  inputs: { dy: TensorInfo; y: TensorInfo };
  backend: BackendWasm;
  attrs: NamedAttrMap;
}): TensorInfo[] {
  const { dy, y } = args.inputs;
  const { backend } = args;
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
      args.attrs.activation === 'relu' ? 1 : 0,
    );
    backend.disposeData(scratch.dataId);
    return [dyAct, bias];
  }
  biasActivationGradInto(
    wasmF32(backend, dy),
    wasmF32(backend, y),
    args.attrs.activation === 'relu',
    channels,
    wasmF32(backend, dyAct),
    wasmF32(backend, bias),
  );
  return [dyAct, bias];
}

function biasActivationGradCpu(args: {
  inputs: { dy: TensorInfo; y: TensorInfo };
  backend: KernelBackend;
  attrs: NamedAttrMap;
}): TensorInfo[] {
  const { dy, y } = args.inputs;
  const { backend } = args;
  const channels = dy.shape[dy.shape.length - 1];
  const dyAct = new Float32Array(util.sizeFromShape(dy.shape));
  const bias = new Float32Array(channels);
  biasActivationGradInto(
    cpuF32(backend, dy),
    cpuF32(backend, y),
    args.attrs.activation === 'relu',
    channels,
    dyAct,
    bias,
  );
  return [cpuOutput(backend, dy.shape, dyAct), cpuOutput(backend, [channels], bias)];
}

export const convTrainConfigs: readonly KernelConfig[] = [
  { kernelName: CONV_TRAIN, backendName: 'wasm', kernelFunc: convTrainWasm },
  { kernelName: CONV_TRAIN, backendName: 'cpu', kernelFunc: convTrainKernel('cpu') },
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

export const convTrainGradConfig: GradConfig = {
  kernelName: CONV_TRAIN,
  inputsToSave: ['x', 'filter'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, filter, y] = saved;
    const conv = attrs as unknown as ConvTrainAttrs;
    const [dyAct, dBias] = engine().runKernel<Tensor[]>(
      BIAS_ACTIVATION_GRAD,
      { dy: dy as Tensor, y },
      { activation: conv.activation },
    );
    const common = { strides: conv.strides, pad: conv.pad, dataFormat: 'NHWC' };
    return {
      x: () =>
        engine().runKernel<Tensor>(
          'Conv2DBackpropInput',
          { dy: dyAct, filter },
          { ...common, inputShape: x.shape },
        ),
      filter: () =>
        engine().runKernel<Tensor>(
          'Conv2DBackpropFilter',
          { x, dy: dyAct },
          { ...common, filterShape: filter.shape },
        ),
      bias: () => dBias,
    };
  },
};

/** conv2d(x, filter) + bias, then the activation, recorded for gradients as one op. */
export function conv2dTrain(
  x: Tensor,
  filter: Tensor,
  bias: Tensor | null,
  attrs: ConvTrainAttrs,
): Tensor {
  const inputs: NamedTensorMap = bias ? { x, filter, bias } : { x, filter };
  return engine().runKernel<Tensor>(CONV_TRAIN, inputs, attrs as unknown as NamedAttrMap);
}

/** Whether CONV_TRAIN runs on `backendName` (registered by registerWasmKernels/registerCpuKernels). */
export function hasConvTrain(backendName: string): boolean {
  return (
    getKernel(CONV_TRAIN, backendName) != null && getKernel('FusedConv2D', backendName) != null
  );
}
