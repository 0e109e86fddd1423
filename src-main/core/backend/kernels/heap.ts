// Typed-array access to tensor data inside a kernel, for the wasm and cpu backends.
//
// On wasm a tensor lives in the WebAssembly heap; `typedArrayFromHeap` gives a view on it. A view
// goes stale when the heap grows (any allocation may grow it), so take views only AFTER every
// `makeOutput` call of a kernel, and never keep them across calls.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { DataType, KernelBackend, TensorInfo } from '@tensorflow/tfjs-core';
import { util } from '@tensorflow/tfjs-core';

/** A view of a float32 tensor's data on the wasm heap (no copy). */
export function wasmF32(backend: BackendWasm, info: TensorInfo): Float32Array {
  util.assert(info.dtype === 'float32', () => `expected a float32 tensor, got ${info.dtype}`);
  return backend.typedArrayFromHeap(info) as Float32Array;
}

/** A TensorInfo that shares `info`'s data under another shape (same element count), without a ref. */
export function viewAs(info: TensorInfo, shape: number[]): TensorInfo {
  util.assert(
    util.sizeFromShape(shape) === util.sizeFromShape(info.shape),
    () => `cannot view shape [${info.shape}] as [${shape}]`,
  );
  return { dataId: info.dataId, shape, dtype: info.dtype };
}

/** The cpu backend's storage, as far as these kernels need it. */
interface CpuBackendLike extends KernelBackend {
  data: { get(dataId: object): { values: unknown } };
  makeTensorInfo(shape: number[], dtype: DataType, values?: Float32Array): TensorInfo;
}

/** The float32 values of a tensor on the cpu backend (no copy). */
export function cpuF32(backend: KernelBackend, info: TensorInfo): Float32Array {
  const values = (backend as CpuBackendLike).data.get(info.dataId).values;
  util.assert(values instanceof Float32Array, () => 'expected float32 values on the cpu backend');
  return values as Float32Array;
}

/** A new float32 cpu tensor owning `values`. */
export function cpuOutput(
  backend: KernelBackend,
  shape: number[],
  values: Float32Array,
): TensorInfo {
  return (backend as CpuBackendLike).makeTensorInfo(shape, 'float32', values);
}
