// Registers our kernels: the training kernels tfjs-backend-wasm 4.22 lacks or gets wrong, the
// faster replacements, and the AvgPoolGrad border fix on cpu. Safe to call more than once.
//
//   wasm Conv2DBackpropFilter  missing upstream            -> XNNPACK conv of transposes, or im2col + matMul
//   wasm Conv2DBackpropInput   scalar loop, slow           -> XNNPACK conv (stride 1) or matMul + col2im
//   wasm MaxPoolGrad           wrong for windows <= 0      -> ./pool-grads
//   wasm AvgPoolGrad           wrong at 'same' borders     -> ./pool-grads
//   wasm BatchMatMul           transposed = scalar loop    -> explicit transpose + XNNPACK
//   wasm Sum                   leading axes via transpose  -> one pass (bias gradients)
//   cpu  AvgPoolGrad           wrong at 'same' borders     -> ./pool-grads

import type { KernelConfig } from '@tensorflow/tfjs-core';
import { getKernel, registerKernel, unregisterKernel } from '@tensorflow/tfjs-core';
import { batchMatMulWasmConfig } from './batch-mat-mul';
import { conv2dBackpropFilterWasmConfig } from './conv2d-backprop-filter';
import { conv2dBackpropInputWasmConfig } from './conv2d-backprop-input';
import { captureOriginal } from './originals';
import {
  avgPoolGradCpuConfig,
  avgPoolGradWasmConfig,
  maxPoolGradWasmConfig,
} from './pool-grads-kernels';
import { sumWasmConfig } from './sum';

/** The kernels we register for wasm, in order. Exported for tests and the backend description. */
export const WASM_KERNELS: readonly KernelConfig[] = [
  conv2dBackpropFilterWasmConfig,
  conv2dBackpropInputWasmConfig,
  maxPoolGradWasmConfig,
  avgPoolGradWasmConfig,
  batchMatMulWasmConfig,
  sumWasmConfig,
];

/** Kernels tfjs-backend-wasm already has that our versions wrap (they call the original). */
const WRAPPED = ['BatchMatMul', 'Sum', 'Transpose', 'Conv2D'];

let wasmDone = false;
let cpuDone = false;

/** Registers `config` in place of the existing kernel, keeping the old setup (the originals we
 * delegate to need their setupFunc run when the backend starts). */
function replace(config: KernelConfig): void {
  const existing = getKernel(config.kernelName, config.backendName);
  if (existing) unregisterKernel(config.kernelName, config.backendName);
  registerKernel({ ...config, setupFunc: existing?.setupFunc, disposeFunc: existing?.disposeFunc });
}

/** Registers our wasm kernels (needs @tensorflow/tfjs-backend-wasm imported). Idempotent. */
export function registerWasmKernels(): void {
  if (wasmDone) return;
  for (const name of WRAPPED) captureOriginal(name);
  for (const config of WASM_KERNELS) replace(config);
  wasmDone = true;
}

/** Registers the cpu AvgPoolGrad fix (needs @tensorflow/tfjs-backend-cpu imported). Idempotent. */
export function registerCpuKernels(): void {
  if (cpuDone) return;
  replace(avgPoolGradCpuConfig);
  cpuDone = true;
}
