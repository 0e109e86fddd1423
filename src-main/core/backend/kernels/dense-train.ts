// A Dense layer while training (x · kernel + bias, then relu, tanh or nothing) as ONE op with its
// own gradient, on a batch of rows: x [rows, inputs], kernel [inputs, outputs].
//
// tfjs-layers runs it as a fused matMul (or a matMul, an Add and the activation), and its
// gradient as an activation gradient of two or three ops, a Sum for the bias, and two matMuls
// with a transposed operand, which tfjs-backend-wasm computes by first copying the transposed
// matrix. Here: the forward pass is our SIMD convolution seeing the rows as pixels and the kernel
// as a 1x1 filter when the outputs come in fours (else the backend's _FusedMatMul), with tanh
// applied to its output in place; the backward pass is one kernel for the activation and bias gradients together
// (./bias-activation-grad) and two of ours for the weight and input gradients, which read x, dy
// and the kernel where they are (../simd, when the inputs come in fours; else the backend's
// BatchMatMul).
//   dkernel = x^T · dyAct        dx = dyAct · kernel^T        dbias = dyAct summed over rows

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
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
import { engine, getKernel, util } from '@tensorflow/tfjs-core';
import { BIAS_ACTIVATION_GRAD, type TrainActivation } from './bias-activation-grad';
import { cpuF32, viewAs, wasmF32 } from './heap';
import { heapPointer, simdKernels } from '../simd/module';

export const DENSE_TRAIN = 'LetterLabDenseTrain';
export const DENSE_WEIGHT_GRAD = 'LetterLabDenseWeightGrad';
export const DENSE_INPUT_GRAD = 'LetterLabDenseInputGrad';

export interface DenseTrainAttrs {
  activation: TrainActivation;
}

type Args = Parameters<KernelFunc>[0];
type Backend = 'wasm' | 'cpu';

/** The backend's own kernel `name` (tfjs's, or our wrapper of it). */
function backendKernel(name: string, backendName: Backend): KernelFunc {
  const config = getKernel(name, backendName);
  util.assert(config != null, () => `the ${backendName} backend has no ${name} kernel`);
  return config.kernelFunc;
}

/** a · b as [m, n] (a [m, k], b [k, n], either given transposed), by the backend's BatchMatMul. */
function matMul(
  backendName: Backend,
  args: Args,
  [a, b]: [TensorInfo, TensorInfo],
  [transposeA, transposeB]: [boolean, boolean],
): TensorInfo {
  const out = backendKernel(
    'BatchMatMul',
    backendName,
  )({
    inputs: { a: viewAs(a, [1, ...a.shape]), b: viewAs(b, [1, ...b.shape]) },
    backend: args.backend,
    attrs: { transposeA, transposeB },
  }) as TensorInfo;
  return viewAs(out, out.shape.slice(1));
}

/** The SIMD kernels when `args` run on wasm and they are loaded there, else null. */
function simdOn(backendName: Backend, args: Args) {
  return backendName === 'wasm' ? simdKernels(args.backend as BackendWasm) : null;
}

/** values (in place) = tanh(values). */
function tanhInPlace(values: Float32Array): void {
  for (let i = 0; i < values.length; i++) values[i] = Math.tanh(values[i]);
}

function forwardKernel(backendName: Backend): KernelFunc {
  return (args) => {
    const { x, kernel, bias } = args.inputs as {
      x: TensorInfo;
      kernel: TensorInfo;
      bias?: TensorInfo;
    };
    const { activation } = args.attrs as unknown as DenseTrainAttrs;
    const [rows, inputs] = x.shape;
    const outputs = kernel.shape[1];
    const simd = simdOn(backendName, args);
    if (simd && outputs % 4 === 0 && rows * inputs * outputs > 0) {
      // The rows as one row of `rows` pixels with `inputs` channels, the kernel as a 1x1 filter:
      // our convolution, bias and relu in one pass (XNNPACK would first repack the kernel,
      // which changes every step).
      const backend = args.backend as BackendWasm;
      const y = backend.makeOutput([rows, outputs], 'float32');
      const [xp, wp, yp] = [x, kernel, y].map((t) => heapPointer(backend, t));
      const bp = bias ? heapPointer(backend, bias) : 0;
      const relu = activation === 'relu' ? 1 : 0;
      simd.conv2d(xp, wp, bp, yp, relu, 1, 1, rows, inputs, 1, rows, outputs, 1, 1, 1, 1, 0, 0);
      if (activation === 'tanh') tanhInPlace(wasmF32(backend, y));
      return y;
    }
    const out = backendKernel(
      '_FusedMatMul',
      backendName,
    )({
      inputs: {
        a: viewAs(x, [1, ...x.shape]),
        b: viewAs(kernel, [1, ...kernel.shape]),
        ...(bias ? { bias } : {}),
      },
      backend: args.backend,
      attrs: {
        transposeA: false,
        transposeB: false,
        activation: activation === 'relu' ? 'relu' : 'linear',
        leakyreluAlpha: 0,
      },
    }) as TensorInfo;
    const y = viewAs(out, [rows, outputs]);
    if (activation === 'tanh') {
      tanhInPlace(
        backendName === 'wasm'
          ? wasmF32(args.backend as BackendWasm, y)
          : cpuF32(args.backend as KernelBackend, y),
      );
    }
    return y;
  };
}

/** dkernel = x^T · dy: our SIMD kernel on wasm when the inputs come in fours. */
function weightGradKernel(backendName: Backend): KernelFunc {
  return (args) => {
    const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
    const [rows, inputs] = x.shape;
    const outputs = dy.shape[1];
    const simd = simdOn(backendName, args);
    if (simd && inputs % 4 === 0 && rows * inputs * outputs > 0) {
      const backend = args.backend as BackendWasm;
      const dw = backend.makeOutput([inputs, outputs], 'float32');
      const [xp, dyp, dwp] = [x, dy, dw].map((t) => heapPointer(backend, t));
      simd.denseWeightGrad(xp, dyp, dwp, rows, inputs, outputs);
      return dw;
    }
    return matMul(backendName, args, [x, dy], [true, false]);
  };
}

/** dx = dy · kernel^T: our SIMD kernel on wasm when the inputs come in fours. */
function inputGradKernel(backendName: Backend): KernelFunc {
  return (args) => {
    const { dy, kernel } = args.inputs as { dy: TensorInfo; kernel: TensorInfo };
    const [inputs, outputs] = kernel.shape;
    const rows = dy.shape[0];
    const simd = simdOn(backendName, args);
    if (simd && inputs % 4 === 0 && rows * inputs * outputs > 0) {
      const backend = args.backend as BackendWasm;
      const dx = backend.makeOutput([rows, inputs], 'float32');
      // the kernel's columns for one block of 16 inputs, as rows
      const scratch = backend.makeOutput([outputs * 16], 'float32');
      const [dyp, wp, dxp, sp] = [dy, kernel, dx, scratch].map((t) => heapPointer(backend, t));
      simd.denseInputGrad(dyp, wp, dxp, sp, rows, inputs, outputs);
      backend.disposeData(scratch.dataId);
      return dx;
    }
    return matMul(backendName, args, [dy, kernel], [false, true]);
  };
}

export const denseTrainConfigs: readonly KernelConfig[] = (['wasm', 'cpu'] as const).flatMap(
  (b) => [
    { kernelName: DENSE_TRAIN, backendName: b, kernelFunc: forwardKernel(b) },
    { kernelName: DENSE_WEIGHT_GRAD, backendName: b, kernelFunc: weightGradKernel(b) },
    { kernelName: DENSE_INPUT_GRAD, backendName: b, kernelFunc: inputGradKernel(b) },
  ],
);

export const denseTrainGradConfig: GradConfig = {
  kernelName: DENSE_TRAIN,
  inputsToSave: ['x', 'kernel'],
  outputsToSave: [true],
  gradFunc: (dy, saved, attrs) => {
    const [x, kernel, y] = saved;
    const { activation } = attrs as unknown as DenseTrainAttrs;
    const [dyAct, dBias] = engine().runKernel<Tensor[]>(
      BIAS_ACTIVATION_GRAD,
      { dy: dy as Tensor, y },
      { activation },
    );
    return {
      x: () => engine().runKernel<Tensor>(DENSE_INPUT_GRAD, { dy: dyAct, kernel }),
      kernel: () => engine().runKernel<Tensor>(DENSE_WEIGHT_GRAD, { x, dy: dyAct }),
      bias: () => dBias,
    };
  },
};

/** activation(x · kernel + bias), recorded for gradients as one op (x: [rows, inputs]). */
export function denseTrain(
  x: Tensor,
  kernel: Tensor,
  bias: Tensor | null,
  attrs: DenseTrainAttrs,
): Tensor {
  const inputs: NamedTensorMap = bias ? { x, kernel, bias } : { x, kernel };
  return engine().runKernel<Tensor>(DENSE_TRAIN, inputs, attrs as unknown as NamedAttrMap);
}

/** Whether DENSE_TRAIN runs on `backendName` (registered by registerWasmKernels/registerCpuKernels). */
export function hasDenseTrain(backendName: string): boolean {
  return getKernel(DENSE_TRAIN, backendName) != null;
}
