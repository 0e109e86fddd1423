// Conv2DBackpropInput for the wasm backend, replacing tfjs-backend-wasm's direct scalar loop
// (correct, but several times slower).
//  - stride 1: dx is the "full" correlation of dy with the spatially flipped filter (in and out
//    channels swapped): our SIMD convolution (../simd) when the input channels come in fours,
//    else the wasm Conv2D kernel on XNNPACK;
//  - other strides: dcol = dy · W^T as one XNNPACK matMul, then col2im scatters the patch
//    gradients back onto the input grid.

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type {
  Conv2DBackpropInputAttrs,
  Conv2DBackpropInputInputs,
  KernelConfig,
  KernelFunc,
  NamedAttrMap,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { backend_util, util } from '@tensorflow/tfjs-core';
import { viewAs, wasmF32 } from './heap';
import { originalKernel, stridelessConv2D } from './originals';
import { simdConvFits, simdConvolution, simdKernels } from '../simd/module';

/**
 * dx (overwritten) = col2im(dcol): dx[n, ih, iw, ci] = sum of dcol[m, (kh*KW + kw)*C + ci] over the
 * output pixels m = (n, oh, ow) and taps (kh, kw) that read input pixel (ih, iw).
 */
export function col2imInto(
  dcol: Float32Array,
  info: backend_util.Conv2DInfo,
  dx: Float32Array,
): void {
  const {
    batchSize: n0,
    inHeight: h,
    inWidth: w,
    inChannels: c,
    outHeight: oh0,
    outWidth: ow0,
  } = info;
  const { filterHeight: kh0, filterWidth: kw0, strideHeight: sh, strideWidth: sw } = info;
  const { dilationHeight: dh, dilationWidth: dw } = info;
  const top = info.padInfo.top;
  const left = info.padInfo.left;
  const k = kh0 * kw0 * c;
  util.assert(dcol.length === n0 * oh0 * ow0 * k, () => 'col2im: patch matrix has the wrong size');
  util.assert(dx.length === n0 * h * w * c, () => 'col2im: dx has the wrong size');
  dx.fill(0);
  let row = 0;
  for (let n = 0; n < n0; n++) {
    for (let oh = 0; oh < oh0; oh++) {
      for (let ow = 0; ow < ow0; ow++, row += k) {
        for (let kh = 0; kh < kh0; kh++) {
          const ih = oh * sh + kh * dh - top;
          if (ih < 0 || ih >= h) continue;
          for (let kw = 0; kw < kw0; kw++) {
            const iw = ow * sw + kw * dw - left;
            if (iw < 0 || iw >= w) continue;
            const dxBase = ((n * h + ih) * w + iw) * c;
            const colBase = row + (kh * kw0 + kw) * c;
            for (let ci = 0; ci < c; ci++) dx[dxBase + ci] += dcol[colBase + ci];
          }
        }
      }
    }
  }
}

/** w2[kh, kw, co, ci] = w[KH-1-kh, KW-1-kw, ci, co]: the filter of the transposed convolution. */
export function flipFilter(w: Float32Array, shape: number[], out: Float32Array): void {
  const [kh0, kw0, ci0, co0] = shape;
  for (let kh = 0; kh < kh0; kh++) {
    for (let kw = 0; kw < kw0; kw++) {
      const src = ((kh0 - 1 - kh) * kw0 + (kw0 - 1 - kw)) * ci0 * co0;
      const dst = (kh * kw0 + kw) * co0 * ci0;
      for (let ci = 0; ci < ci0; ci++) {
        for (let co = 0; co < co0; co++) out[dst + co * ci0 + ci] = w[src + ci * co0 + co];
      }
    }
  }
}

/** Stride 1: dx = conv2d(dy, flipped W) with the padding that restores the input size. */
function viaConv2d(
  backend: BackendWasm,
  dy: TensorInfo,
  filter: TensorInfo,
  info: backend_util.Conv2DInfo,
): TensorInfo {
  const { filterHeight: kh, filterWidth: kw, dilationHeight: dh, dilationWidth: dw } = info;
  const top = (kh - 1) * dh - info.padInfo.top;
  const left = (kw - 1) * dw - info.padInfo.left;
  const bottom = info.inHeight - info.outHeight + info.padInfo.top;
  const right = info.inWidth - info.outWidth + info.padInfo.left;
  const flipped = backend.makeOutput([kh, kw, info.outChannels, info.inChannels], 'float32');
  flipFilter(wasmF32(backend, filter), filter.shape, wasmF32(backend, flipped));
  const simd = simdKernels(backend);
  // The transposed convolution: dy is its input (CO channels), dx its output (CI channels).
  const transposed: backend_util.Conv2DInfo = {
    ...info,
    inHeight: info.outHeight,
    inWidth: info.outWidth,
    inChannels: info.outChannels,
    outHeight: info.inHeight,
    outWidth: info.inWidth,
    outChannels: info.inChannels,
    padInfo: { ...info.padInfo, top, left, bottom, right },
  };
  if (simd && simdConvFits(transposed)) {
    const dx = simdConvolution(simd, backend, dy, flipped, null, false, {
      ...transposed,
      outShape: [info.batchSize, info.inHeight, info.inWidth, info.inChannels],
    });
    backend.disposeData(flipped.dataId);
    return dx;
  }
  const dx = stridelessConv2D(backend, dy, flipped, { top, bottom, left, right }, [dh, dw]);
  backend.disposeData(flipped.dataId);
  return dx;
}

function conv2dBackpropInputWasm(args: {
  inputs: Conv2DBackpropInputInputs;
  backend: BackendWasm;
  attrs: NamedAttrMap;
}): TensorInfo {
  const { inputs, backend } = args;
  const attrs = args.attrs as unknown as Conv2DBackpropInputAttrs;
  const dy = inputs.dy as TensorInfo;
  const filter = inputs.filter as TensorInfo;
  util.assert(
    attrs.dataFormat === 'NHWC' || attrs.dataFormat == null,
    () => 'Conv2DBackpropInput: only NHWC',
  );
  const info = backend_util.computeConv2DInfo(
    attrs.inputShape,
    filter.shape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
  if (info.strideHeight === 1 && info.strideWidth === 1)
    return viaConv2d(backend, dy, filter, info);
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  const m = info.batchSize * info.outHeight * info.outWidth;
  const co = info.outChannels;
  const filterT = originalKernel('Transpose')({
    inputs: { x: viewAs(filter, [k, co]) },
    backend,
    attrs: { perm: [1, 0] },
  }) as TensorInfo;
  const dcol = originalKernel('BatchMatMul')({
    inputs: { a: viewAs(dy, [1, m, co]), b: viewAs(filterT, [1, co, k]) },
    backend,
    attrs: { transposeA: false, transposeB: false },
  }) as TensorInfo;
  backend.disposeData(filterT.dataId);
  const dx = backend.makeOutput(attrs.inputShape, 'float32');
  col2imInto(wasmF32(backend, dcol), info, wasmF32(backend, dx));
  backend.disposeData(dcol.dataId);
  return dx;
}

export const conv2dBackpropInputWasmConfig: KernelConfig = {
  kernelName: 'Conv2DBackpropInput',
  backendName: 'wasm',
  kernelFunc: conv2dBackpropInputWasm as unknown as KernelFunc,
};
