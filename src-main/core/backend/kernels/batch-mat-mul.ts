// BatchMatMul for the wasm backend: tfjs-backend-wasm sends every product with a transposed operand
// through a scalar triple loop and only plain [1,m,k] x [1,k,n] products through XNNPACK. Training a
// Dense layer needs x^T·dy and dy·W^T, so we transpose the operand explicitly (O(size)) and take the
// fast path. Batched products (batch > 1) go to the original kernel unchanged.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type {
  BatchMatMulAttrs,
  BatchMatMulInputs,
  KernelConfig,
  KernelFunc,
  NamedAttrMap,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { util } from '@tensorflow/tfjs-core';
import { viewAs } from './heap';
import { originalKernel } from './originals';

/** A transposed copy of the last two dimensions of a tensor whose leading dimensions are all 1. */
function transposeLastTwo(backend: BackendWasm, x: TensorInfo): TensorInfo {
  const rank = x.shape.length;
  const rows = x.shape[rank - 2];
  const cols = x.shape[rank - 1];
  const t = originalKernel('Transpose')({
    inputs: { x: viewAs(x, [rows, cols]) },
    backend,
    attrs: { perm: [1, 0] },
  }) as TensorInfo;
  return viewAs(t, [...x.shape.slice(0, -2), cols, rows]);
}

function batchMatMulWasm(args: {
  inputs: BatchMatMulInputs;
  backend: BackendWasm;
  attrs: NamedAttrMap;
}): TensorInfo {
  const { inputs, backend } = args;
  const { transposeA, transposeB } = args.attrs as unknown as BatchMatMulAttrs;
  const a = inputs.a as TensorInfo;
  const b = inputs.b as TensorInfo;
  const original = originalKernel('BatchMatMul');
  const unbatched =
    util.sizeFromShape(a.shape.slice(0, -2)) === 1 &&
    util.sizeFromShape(b.shape.slice(0, -2)) === 1;
  if (
    (!transposeA && !transposeB) ||
    !unbatched ||
    a.dtype !== 'float32' ||
    b.dtype !== 'float32'
  ) {
    return original(args) as TensorInfo;
  }
  const a2 = transposeA ? transposeLastTwo(backend, a) : a;
  const b2 = transposeB ? transposeLastTwo(backend, b) : b;
  const out = original({
    inputs: { a: a2, b: b2 },
    backend,
    attrs: { transposeA: false, transposeB: false },
  }) as TensorInfo;
  if (transposeA) backend.disposeData(a2.dataId);
  if (transposeB) backend.disposeData(b2.dataId);
  return out;
}

export const batchMatMulWasmConfig: KernelConfig = {
  kernelName: 'BatchMatMul',
  backendName: 'wasm',
  kernelFunc: batchMatMulWasm as unknown as KernelFunc,
};
