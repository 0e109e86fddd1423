// Convolution + bias + relu/linear as ONE op while training, with its own gradient.
//
// tfjs runs fused.conv2d unfused whenever gradients are recorded: Conv2D, then Add (bias), then
// Relu, each saving its input for the backward pass; the backward pass adds Step, Cast, Multiply
// and Sum. Here the forward pass is one convolution that adds the bias and applies the relu in
// the same pass (our SIMD kernel on wasm when the output channels come in fours, else the
// backend's FusedConv2D), and the backward pass starts with one kernel that masks dy by the relu
// and sums it for the bias gradient at once (./bias-activation-grad); then our
// Conv2DBackpropInput/Filter kernels. Followed by a batch normalisation, the relu's mask is
// applied in that layer's last backward pass instead (gradMasked), and here dy is only summed.

import type {
  GradConfig,
  KernelConfig,
  KernelFunc,
  NamedAttrMap,
  NamedTensorMap,
  Tensor,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { backend_util, engine, getKernel, util } from '@tensorflow/tfjs-core';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { BIAS_ACTIVATION_GRAD } from './bias-activation-grad';
import { simdConvFits, simdConvolution, simdKernels } from '../simd/module';

export const CONV_TRAIN = 'LetterLabConv2DTrain';

/** Attributes of CONV_TRAIN (NHWC, no dilation). */
export interface ConvTrainAttrs {
  strides: [number, number];
  pad: 'valid' | 'same';
  activation: 'relu' | 'linear';
  /**
   * The gradient arriving here is already multiplied by the activation's derivative: a batch
   * normalisation right after this layer did it in its own last pass (batch-norm-train's
   * BatchNormAttrs.reluInput), so the backward pass only sums it for the bias.
   */
  gradMasked?: boolean;
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
  return simdConvolution(simd, backend, x, filter, bias ?? null, attrs.activation === 'relu', info);
}

export const convTrainConfigs: readonly KernelConfig[] = [
  { kernelName: CONV_TRAIN, backendName: 'wasm', kernelFunc: convTrainWasm },
  { kernelName: CONV_TRAIN, backendName: 'cpu', kernelFunc: convTrainKernel('cpu') },
];

export const convTrainGradConfig: GradConfig = {
  kernelName: CONV_TRAIN,
  inputsToSave: ['x', 'filter'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, filter, y] = saved;
    const conv = attrs as unknown as ConvTrainAttrs;
    const [dyAct, dBias] = conv.gradMasked
      ? [dy as Tensor, null]
      : engine().runKernel<Tensor[]>(
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
      // over batch, height and width (the Sum kernel's one-pass path, ./sum)
      bias: () => dBias ?? engine().runKernel<Tensor>('Sum', { x: dyAct }, { axis: [0, 1, 2] }),
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
