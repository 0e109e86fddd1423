// Gradients of 2-D max and average pooling (NHWC), on plain typed arrays.
//
// Why our own: tfjs-backend-wasm 4.22's MaxPoolGrad starts its running maximum at
// numeric_limits<float>::min() (the smallest POSITIVE float), so windows whose values are all
// <= 0 route the gradient to the wrong pixel; and the AvgPoolGrad of both wasm and cpu divides by
// the full window size at 'same'-padded borders while the forward AvgPool divides by the number
// of real pixels, so border gradients do not match the forward pass. These versions follow the
// forward ops exactly: max picks the first maximum in row-major window order (as the cpu backend
// does), average divides by the count of real (non-padding) pixels.

import type { backend_util } from '@tensorflow/tfjs-core';
import { util } from '@tensorflow/tfjs-core';

/**
 * Fills `offsets` with the element offsets (channel 0) of the real pixels in the pooling window of
 * output pixel (n, oh, ow), in row-major window order; returns how many there are.
 */
function windowOffsets(
  info: backend_util.Conv2DInfo,
  n: number,
  oh: number,
  ow: number,
  offsets: Int32Array,
): number {
  const { inHeight: h, inWidth: w, inChannels: c, strideHeight: sh, strideWidth: sw } = info;
  const {
    dilationHeight: dh,
    dilationWidth: dw,
    effectiveFilterHeight: fh,
    effectiveFilterWidth: fw,
  } = info;
  const hStart = oh * sh - info.padInfo.top;
  const wStart = ow * sw - info.padInfo.left;
  let count = 0;
  for (let kh = 0; kh < fh; kh += dh) {
    const ih = hStart + kh;
    if (ih < 0 || ih >= h) continue;
    for (let kw = 0; kw < fw; kw += dw) {
      const iw = wStart + kw;
      if (iw >= 0 && iw < w) offsets[count++] = ((n * h + ih) * w + iw) * c;
    }
  }
  return count;
}

function checkSizes(
  name: string,
  dy: Float32Array,
  dx: Float32Array,
  info: backend_util.Conv2DInfo,
): void {
  const { batchSize, inHeight, inWidth, inChannels, outHeight, outWidth } = info;
  util.assert(
    dx.length === batchSize * inHeight * inWidth * inChannels,
    () => `${name}: dx has the wrong size`,
  );
  util.assert(
    dy.length === batchSize * outHeight * outWidth * inChannels,
    () => `${name}: dy has the wrong size`,
  );
}

/** True for Keras's usual MaxPool2D(2): 2x2 windows, stride 2, no padding, no dilation. */
export function isPlain2x2(info: backend_util.Conv2DInfo): boolean {
  return (
    info.filterHeight === 2 &&
    info.filterWidth === 2 &&
    info.strideHeight === 2 &&
    info.strideWidth === 2 &&
    info.dilationHeight === 1 &&
    info.dilationWidth === 1 &&
    info.padInfo.top === 0 &&
    info.padInfo.left === 0 &&
    info.outHeight * 2 <= info.inHeight &&
    info.outWidth * 2 <= info.inWidth
  );
}

/** maxPoolGradInto for isPlain2x2, unrolled (about 1.5x faster; same result, first maximum wins). */
function maxPoolGrad2x2(
  x: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  info: backend_util.Conv2DInfo,
): void {
  const { inHeight: h, inWidth: w, inChannels: c, outHeight: oh0, outWidth: ow0 } = info;
  dx.fill(0);
  let o = 0;
  for (let n = 0; n < info.batchSize; n++) {
    for (let oh = 0; oh < oh0; oh++) {
      for (let ow = 0; ow < ow0; ow++, o += c) {
        const p0 = ((n * h + 2 * oh) * w + 2 * ow) * c;
        const p1 = p0 + c;
        const p2 = p0 + w * c;
        const p3 = p2 + c;
        for (let ci = 0; ci < c; ci++) {
          let where = p0 + ci;
          let best = x[where];
          if (!(best >= -Infinity)) best = -Infinity; // NaN never wins, as in the generic loop
          let v = x[p1 + ci];
          if (v > best) {
            best = v;
            where = p1 + ci;
          }
          v = x[p2 + ci];
          if (v > best) {
            best = v;
            where = p2 + ci;
          }
          v = x[p3 + ci];
          if (v > best) where = p3 + ci;
          if (x[where] >= -Infinity) dx[where] += dy[o + ci];
        }
      }
    }
  }
}

/** dx (input-shaped, overwritten) = gradient of maxPool(x) given dy (output-shaped). */
export function maxPoolGradInto(
  x: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  info: backend_util.Conv2DInfo,
): void {
  checkSizes('maxPoolGrad', dy, dx, info);
  util.assert(x.length === dx.length, () => 'maxPoolGrad: x and dx differ in size');
  if (isPlain2x2(info)) {
    maxPoolGrad2x2(x, dy, dx, info);
    return;
  }
  const c = info.inChannels;
  const offsets = new Int32Array(info.filterHeight * info.filterWidth);
  dx.fill(0);
  let o = 0;
  for (let n = 0; n < info.batchSize; n++) {
    for (let oh = 0; oh < info.outHeight; oh++) {
      for (let ow = 0; ow < info.outWidth; ow++, o += c) {
        const count = windowOffsets(info, n, oh, ow, offsets);
        for (let ci = 0; ci < c; ci++) {
          let best = -Infinity;
          let where = -1;
          for (let t = 0; t < count; t++) {
            const i = offsets[t] + ci;
            const v = x[i];
            if (v > best) {
              best = v;
              where = i;
            }
          }
          if (where >= 0) dx[where] += dy[o + ci];
        }
      }
    }
  }
}

/** dx (input-shaped, overwritten) = gradient of avgPool given dy; padding does not count. */
export function avgPoolGradInto(
  dy: Float32Array,
  dx: Float32Array,
  info: backend_util.Conv2DInfo,
): void {
  checkSizes('avgPoolGrad', dy, dx, info);
  const c = info.inChannels;
  const offsets = new Int32Array(info.filterHeight * info.filterWidth);
  dx.fill(0);
  let o = 0;
  for (let n = 0; n < info.batchSize; n++) {
    for (let oh = 0; oh < info.outHeight; oh++) {
      for (let ow = 0; ow < info.outWidth; ow++, o += c) {
        const count = windowOffsets(info, n, oh, ow, offsets);
        if (count === 0) continue;
        const scale = 1 / count;
        for (let t = 0; t < count; t++) {
          const base = offsets[t];
          for (let ci = 0; ci < c; ci++) dx[base + ci] += dy[o + ci] * scale;
        }
      }
    }
  }
}
