// Identity for the wasm backend without a copy. tfjs-core clones every tensor it saves for the
// backward pass (engine.saveTensorsForBackwardMode) and tfjs-backend-wasm's Identity copies the
// data each time, several MB per training step. Tensors are immutable (a Variable's assign swaps
// its dataId instead of writing), so sharing the data under a second reference, as the cpu
// backend's Identity and the wasm backend's own Reshape do, gives the same results.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { originalKernel } from './originals';

function identityWasm(args: { inputs: { x: TensorInfo }; backend: BackendWasm }): TensorInfo {
  const { x } = args.inputs;
  if (x.dtype === 'string') {
    return originalKernel('Identity')(args) as TensorInfo;
  }
  args.backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

export const identityWasmConfig: KernelConfig = {
  kernelName: 'Identity',
  backendName: 'wasm',
  kernelFunc: identityWasm as unknown as KernelFunc,
};
