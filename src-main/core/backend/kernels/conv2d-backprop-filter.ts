// Conv2DBackpropFilter for the wasm backend (tfjs-backend-wasm 4.22 has none): the gradient of a
// 2-D convolution with respect to its filter,
//   dW[kh, kw, ci, co] = sum over n, oh, ow of x[n, oh*S + kh - top, ow*S + kw - left, ci] * dy[n, oh, ow, co].
// Output channels in fours, no dilation (every Letter Lab preset): our SIMD kernels (../simd) sum
// straight from x and dy in place (by Winograd for 3x3, stride 1, with 16s of output channels),
// several times faster than the XNNPACK formulations below, which remain for the other cases:
//  - several input channels: the sum is itself a convolution, of x laid out as [CI, H, W, N] (CI
//    plays the batch, N the channels) with dy laid out as [OH, OW, N, CO] as the filter, dilated by
//    the stride S. Two transposes and one Conv2D; the patches are never expanded in JavaScript.
//  - one input channel (the first layer): dW = im2col(x)^T · dy as a [K, M] x [M, CO] matMul with
//    K = KH*KW taps and M = N*OH*OW pixels, walked in chunks of M that stay in cache (XNNPACK's
//    matMul does not block the reduced dimension), patches written straight into the wasm heap.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type {
  Conv2DBackpropFilterAttrs,
  Conv2DBackpropFilterInputs,
  KernelConfig,
  KernelFunc,
  NamedAttrMap,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { backend_util, util } from '@tensorflow/tfjs-core';
import { wasmF32 } from './heap';
import { originalKernel, stridelessConv2D } from './originals';
import { simdConvFits, simdFilterGradient, simdKernels } from '../simd/module';

/** Floats of one chunk's two operands (patches + dy rows) we aim to keep in cache. */
const CHUNK_FLOATS = 1 << 18;
const MIN_CHUNK = 256;

/** Output pixels per chunk for K taps and CO output channels. */
export function chunkPixels(k: number, co: number, m: number): number {
  return Math.min(m, Math.max(MIN_CHUNK, Math.floor(CHUNK_FLOATS / (k + co))));
}

/**
 * Writes the transposed im2col matrix of output pixels m0 <= m < m1 of the convolution `info`
 * (x in NHWC) into `col` ([K, m1 - m0]):
 * col[((kh*KW + kw)*C + ci) * (m1 - m0) + (m - m0)] = x[n, oh*SH + kh*DH - top, ow*SW + kw*DW - left, ci]
 * with m = (n*OH + oh)*OW + ow, and zero where the tap falls into the padding.
 */
export function im2colTransposed(
  x: Float32Array,
  info: backend_util.Conv2DInfo,
  m0: number,
  m1: number,
  col: Float32Array,
): void {
  const { inHeight: h, inWidth: w, inChannels: c, outHeight: oh0, outWidth: ow0 } = info;
  const { filterHeight: kh0, filterWidth: kw0, strideHeight: sh, strideWidth: sw } = info;
  const { dilationHeight: dh, dilationWidth: dw } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const mc = m1 - m0;
  util.assert(col.length === kh0 * kw0 * c * mc, () => 'im2col: buffer has the wrong size');
  // For each kw, the output columns whose tap lands inside the image: lo <= ow < hi.
  const lo = new Int32Array(kw0);
  const hi = new Int32Array(kw0);
  for (let kw = 0; kw < kw0; kw++) {
    const offset = kw * dw - left;
    lo[kw] = Math.min(ow0, Math.max(0, Math.ceil(-offset / sw)));
    hi[kw] = Math.max(lo[kw], Math.min(ow0, Math.floor((w - 1 - offset) / sw) + 1));
  }
  const strideC = sw * c;
  let m = m0;
  while (m < m1) {
    // One run of pixels within an output row: (n, oh, owA..owB-1).
    const n = Math.floor(m / (oh0 * ow0));
    const rest = m - n * oh0 * ow0;
    const oh = Math.floor(rest / ow0);
    const owA = rest - oh * ow0;
    const owB = Math.min(ow0, owA + (m1 - m));
    const rowStart = m - m0 - owA;
    for (let kh = 0; kh < kh0; kh++) {
      const ih = oh * sh + kh * dh - top;
      const inside = ih >= 0 && ih < h;
      for (let kw = 0; kw < kw0; kw++) {
        const a = Math.max(owA, lo[kw]);
        const b = Math.min(owB, hi[kw]);
        const xRow = ((n * h + ih) * w + kw * dw - left) * c;
        for (let ci = 0; ci < c; ci++) {
          const p = ((kh * kw0 + kw) * c + ci) * mc + rowStart;
          if (!inside || a >= b) {
            col.fill(0, p + owA, p + owB);
            continue;
          }
          for (let ow = owA; ow < a; ow++) col[p + ow] = 0;
          for (let ow = a, q = xRow + ci + a * strideC; ow < b; ow++, q += strideC)
            col[p + ow] = x[q];
          for (let ow = b; ow < owB; ow++) col[p + ow] = 0;
        }
      }
    }
    m += owB - owA;
  }
}

export function conv2dInfoForFilterGrad(
  xShape: number[],
  attrs: Conv2DBackpropFilterAttrs,
): backend_util.Conv2DInfo {
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  util.assert(
    dataFormat === 'NHWC' || dataFormat == null,
    () => 'Conv2DBackpropFilter: only NHWC is supported',
  );
  return backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    'channelsLast',
  );
}

/** Several input channels: dW as a dilated convolution of x^T with dy^T (see the file comment). */
function viaConv2d(
  backend: BackendWasm,
  x: TensorInfo,
  dy: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci, outChannels: co } = info;
  const {
    outHeight: oh,
    outWidth: ow,
    filterHeight: kh,
    filterWidth: kw,
    strideHeight: sh,
    strideWidth: sw,
  } = info;
  const transpose = originalKernel('Transpose');
  // x as [CI, H, W, N] and dy as [OH, OW, N, CO] (tfjs-backend-wasm's C++ transpose beats a JS loop).
  const xT = transpose({ inputs: { x }, backend, attrs: { perm: [3, 1, 2, 0] } }) as TensorInfo;
  const dyT = transpose({
    inputs: { x: dy },
    backend,
    attrs: { perm: [1, 2, 0, 3] },
  }) as TensorInfo;
  util.assert(
    xT.shape.join() === [ci, h, w, n].join() && dyT.shape.join() === [oh, ow, n, co].join(),
    () => 'Conv2DBackpropFilter: unexpected transpose shapes',
  );
  const { top, left } = info.padInfo;
  // Pad the bottom/right just enough for KH x KW outputs (0 when the last rows are never read).
  const bottom = Math.max(0, (oh - 1) * sh + kh - h - top);
  const right = Math.max(0, (ow - 1) * sw + kw - w - left);
  const out = stridelessConv2D(backend, xT, dyT, { top, bottom, left, right }, [sh, sw]);
  backend.disposeData(xT.dataId);
  backend.disposeData(dyT.dataId);
  const [, outH, outW] = out.shape;
  const dw = backend.makeOutput([kh, kw, ci, co], 'float32');
  const src = wasmF32(backend, out);
  const dst = wasmF32(backend, dw);
  for (let c = 0; c < ci; c++) {
    for (let i = 0; i < kh; i++) {
      for (let j = 0; j < kw; j++) {
        const from = ((c * outH + i) * outW + j) * co;
        dst.set(src.subarray(from, from + co), ((i * kw + j) * ci + c) * co);
      }
    }
  }
  backend.disposeData(out.dataId);
  return dw;
}

function conv2dBackpropFilterWasm(args: {
  inputs: Conv2DBackpropFilterInputs;
  backend: BackendWasm;
  attrs: NamedAttrMap;
}): TensorInfo {
  const { inputs, backend } = args;
  const attrs = args.attrs as unknown as Conv2DBackpropFilterAttrs;
  const x = inputs.x as TensorInfo;
  const dy = inputs.dy as TensorInfo;
  const info = conv2dInfoForFilterGrad(x.shape, attrs);
  const simd = simdKernels(backend);
  if (simd && simdConvFits(info)) return simdFilterGradient(simd, backend, x, dy, info);
  if (info.inChannels > 1) return viaConv2d(backend, x, dy, info);
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  const m = info.batchSize * info.outHeight * info.outWidth;
  const co = info.outChannels;
  const chunk = chunkPixels(k, co, m);
  const matMul = originalKernel('BatchMatMul');
  const sum = new Float64Array(k * co);
  for (let m0 = 0; m0 < m; m0 += chunk) {
    const m1 = Math.min(m, m0 + chunk);
    const col = backend.makeOutput([1, k, m1 - m0], 'float32');
    // A fresh tensor per chunk: XNNPACK caches its packed copy of b by tensor id.
    const dyRows = backend.makeOutput([1, m1 - m0, co], 'float32');
    wasmF32(backend, dyRows).set(wasmF32(backend, dy).subarray(m0 * co, m1 * co));
    im2colTransposed(wasmF32(backend, x), info, m0, m1, wasmF32(backend, col));
    const part = matMul({
      inputs: { a: col, b: dyRows },
      backend,
      attrs: { transposeA: false, transposeB: false },
    }) as TensorInfo;
    const values = wasmF32(backend, part);
    for (let i = 0; i < sum.length; i++) sum[i] += values[i];
    backend.disposeData(part.dataId);
    backend.disposeData(dyRows.dataId);
    backend.disposeData(col.dataId);
  }
  const dw = backend.makeOutput(attrs.filterShape, 'float32');
  wasmF32(backend, dw).set(sum);
  return dw;
}

export const conv2dBackpropFilterWasmConfig: KernelConfig = {
  kernelName: 'Conv2DBackpropFilter',
  backendName: 'wasm',
  kernelFunc: conv2dBackpropFilterWasm as unknown as KernelFunc,
};
