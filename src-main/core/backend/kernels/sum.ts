// Sum for the wasm backend, fast path for reducing the LEADING axes of a float32 tensor (bias
// gradients: dy summed over batch, height and width). tfjs-backend-wasm transposes the tensor so
// the reduced axes come last before summing; a single pass over the heap is several times faster
// (our SIMD kernel where the kept values come in fours).
// Every other reduction goes to the original kernel.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type {
  KernelConfig,
  KernelFunc,
  NamedAttrMap,
  SumAttrs,
  SumInputs,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { util } from '@tensorflow/tfjs-core';
import { wasmF32 } from './heap';
import { originalKernel } from './originals';
import { HeapScratch, heapPointer, simdKernels } from '../simd/module';

/** out[j] = sum over i of x[i*inner + j], accumulated in float64. */
export function sumLeadingInto(x: Float32Array, inner: number, out: Float32Array): void {
  const outer = x.length / inner;
  const acc = new Float64Array(inner);
  for (let i = 0, p = 0; i < outer; i++) {
    for (let j = 0; j < inner; j++, p++) acc[j] += x[p];
  }
  out.set(acc);
}

function sumWasm(args: {
  inputs: SumInputs;
  backend: BackendWasm;
  attrs: NamedAttrMap;
}): TensorInfo {
  const { inputs, backend } = args;
  const { axis, keepDims } = args.attrs as unknown as SumAttrs;
  const x = inputs.x as TensorInfo;
  const rank = x.shape.length;
  const axes = util.parseAxisParam(axis, x.shape).sort((p, q) => p - q);
  const leading = axes.length > 0 && axes.length < rank && axes.every((a, i) => a === i);
  if (!leading || x.dtype !== 'float32') {
    return originalKernel('Sum')(args) as TensorInfo;
  }
  const kept = x.shape.slice(axes.length);
  const outShape = keepDims ? [...axes.map(() => 1), ...kept] : kept;
  const out = backend.makeOutput(outShape, 'float32');
  const inner = util.sizeFromShape(kept);
  const simd = simdKernels(backend);
  if (simd && inner % 4 === 0 && util.sizeFromShape(x.shape) > 0) {
    // our SIMD kernel: float32 sums over blocks of rows, added up in float64
    const scratch = new HeapScratch(backend, inner, 1, 0);
    try {
      const rows = util.sizeFromShape(x.shape) / inner;
      simd.channelSums(heapPointer(backend, x), 0, scratch.f64Pointer(0), rows, inner, 0);
      wasmF32(backend, out).set(scratch.f64(0));
    } finally {
      scratch.free();
    }
    return out;
  }
  sumLeadingInto(wasmF32(backend, x), inner, wasmF32(backend, out));
  return out;
}

export const sumWasmConfig: KernelConfig = {
  kernelName: 'Sum',
  backendName: 'wasm',
  kernelFunc: sumWasm as unknown as KernelFunc,
};
