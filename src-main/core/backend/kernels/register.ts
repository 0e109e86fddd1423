// Registers our kernels: the training kernels tfjs-backend-wasm 4.22 lacks or gets wrong, the
// faster replacements, and the AvgPoolGrad border fix on cpu. Safe to call more than once.
// Where channels come in fours, the wasm ones run our WebAssembly SIMD kernels (../simd) on the
// backend's memory; otherwise the JavaScript / XNNPACK paths named here.
//
//   wasm Conv2DBackpropFilter  missing upstream            -> SIMD, or XNNPACK conv of transposes / im2col + matMul
//   wasm Conv2DBackpropInput   scalar loop, slow           -> SIMD or XNNPACK conv (stride 1), matMul + col2im
//   wasm MaxPoolGrad           wrong for windows <= 0      -> ./pool-grads (SIMD for 2x2 windows)
//   wasm AvgPoolGrad           wrong at 'same' borders     -> ./pool-grads
//   wasm BatchMatMul           transposed = scalar loop    -> explicit transpose + XNNPACK
//   wasm Sum                   leading axes via transpose  -> one pass (bias gradients)
//   wasm Identity              copies the data             -> shares it (tensors saved for gradients)
//   cpu  AvgPoolGrad           wrong at 'same' borders     -> ./pool-grads
//   wasm+cpu LetterLabConv2DTrain (+ its gradient)          -> ./conv-train: conv+bias+relu while training (SIMD on wasm)
//   wasm+cpu LetterLabDenseTrain (+ its gradient)           -> ./dense-train: dense+bias+relu/tanh while training (SIMD on wasm)
//   wasm+cpu LetterLabBiasActivationGrad                    -> ./bias-activation-grad: the first step of both gradients
//   wasm+cpu LetterLabBatchNormTrain (+ its gradient)       -> ./batch-norm-train: batch norm while training (SIMD on wasm)
//   wasm+cpu LetterLabSoftmaxCrossEntropy (+ its gradient)  -> ./softmax-cross-entropy: output softmax + Keras's loss
//   wasm+cpu LetterLabGlobalPoolTrain (+ its gradient)      -> ./global-pool-train: global max/average pooling
//   wasm+cpu LetterLabOptimizerUpdate                       -> ./optimizer-update: one SGD/Adam/RMSprop step per call

import type { KernelConfig } from '@tensorflow/tfjs-core';
import {
  getKernel,
  registerGradient,
  registerKernel,
  unregisterKernel,
} from '@tensorflow/tfjs-core';
import { batchMatMulWasmConfig } from './batch-mat-mul';
import { conv2dBackpropFilterWasmConfig } from './conv2d-backprop-filter';
import { conv2dBackpropInputWasmConfig } from './conv2d-backprop-input';
import { batchNormTrainConfigs, batchNormTrainGradConfig } from './batch-norm-train';
import { biasActivationGradConfigs } from './bias-activation-grad';
import { convTrainConfigs, convTrainGradConfig } from './conv-train';
import { denseTrainConfigs, denseTrainGradConfig } from './dense-train';
import { softmaxCrossEntropyConfigs, softmaxCrossEntropyGradConfig } from './softmax-cross-entropy';
import { captureOriginal } from './originals';
import {
  avgPoolGradCpuConfig,
  avgPoolGradWasmConfig,
  maxPoolGradWasmConfig,
} from './pool-grads-kernels';
import { globalPoolTrainConfigs, globalPoolTrainGradConfig } from './global-pool-train';
import { identityWasmConfig } from './identity';
import { optimizerUpdateConfigs } from './optimizer-update';
import { sumWasmConfig } from './sum';

/** Our training ops, registered for both wasm and cpu. */
const TRAINING_KERNELS: readonly KernelConfig[] = [
  ...convTrainConfigs,
  ...denseTrainConfigs,
  ...biasActivationGradConfigs,
  ...batchNormTrainConfigs,
  ...softmaxCrossEntropyConfigs,
  ...globalPoolTrainConfigs,
  ...optimizerUpdateConfigs,
];

/** The kernels we register for wasm, in order. Exported for tests and the backend description. */
export const WASM_KERNELS: readonly KernelConfig[] = [
  conv2dBackpropFilterWasmConfig,
  conv2dBackpropInputWasmConfig,
  maxPoolGradWasmConfig,
  avgPoolGradWasmConfig,
  batchMatMulWasmConfig,
  sumWasmConfig,
  identityWasmConfig,
  ...TRAINING_KERNELS.filter((c) => c.backendName === 'wasm'),
];

/** Kernels tfjs-backend-wasm already has that our versions wrap (they call the original). */
const WRAPPED = ['BatchMatMul', 'Sum', 'Transpose', 'Conv2D', 'Identity'];

let wasmDone = false;
let cpuDone = false;
let gradientsDone = false;

/** Gradients of our own training ops (backend independent). */
function registerGradients(): void {
  if (gradientsDone) return;
  registerGradient(convTrainGradConfig);
  registerGradient(denseTrainGradConfig);
  registerGradient(batchNormTrainGradConfig);
  registerGradient(softmaxCrossEntropyGradConfig);
  registerGradient(globalPoolTrainGradConfig);
  gradientsDone = true;
}

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
  registerGradients();
  wasmDone = true;
}

/** Registers the cpu AvgPoolGrad fix and our training ops (needs tfjs-backend-cpu imported). Idempotent. */
export function registerCpuKernels(): void {
  if (cpuDone) return;
  replace(avgPoolGradCpuConfig);
  for (const config of TRAINING_KERNELS) {
    if (config.backendName === 'cpu') replace(config);
  }
  registerGradients();
  cpuDone = true;
}
