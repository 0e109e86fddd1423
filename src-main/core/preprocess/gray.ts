// RGBA pixels (canvas ImageData, a decoded PNG) to grey levels 0..1.
import type { GrayImage } from './types';

const RGBA = 4;
const MAX = 255;
/** Rec. 601 luma weights. */
const LUMA = [0.299, 0.587, 0.114] as const;
/** Pixels at least this opaque tell the ink colour of a picture with transparency. */
const OPAQUE_ENOUGH = 128;
/** A picture counts as transparent when some pixel is less opaque than this. */
const TRANSPARENT_BELOW = 250;

/**
 * Luminance of every pixel. Transparent pixels are laid over a background that contrasts with
 * the picture's opaque pixels: a dark glyph on a transparent PNG lands on white, a light one on
 * black, so the glyph stays visible either way.
 */
export function grayFromRGBA(rgba: ArrayLike<number>, width: number, height: number): GrayImage {
  const count = width * height;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`A picture must be at least 1x1 pixels, got ${width}x${height}.`);
  }
  if (rgba.length !== count * RGBA) {
    throw new RangeError(
      `${width}x${height} RGBA pixels need ${count * RGBA} bytes, got ${rgba.length}.`,
    );
  }
  const luma = new Float32Array(count);
  const [r, g, b] = LUMA.map((w) => w / MAX);
  let transparent = false;
  let opaqueSum = 0;
  let opaqueCount = 0;
  for (let i = 0, p = 0; i < count; i++, p += RGBA) {
    const v = r * rgba[p] + g * rgba[p + 1] + b * rgba[p + 2];
    luma[i] = v;
    const alpha = rgba[p + 3];
    if (alpha < TRANSPARENT_BELOW) transparent = true;
    if (alpha >= OPAQUE_ENOUGH) {
      opaqueSum += v;
      opaqueCount++;
    }
  }
  if (!transparent) return { width, height, data: luma };
  // Light ink goes on black, dark ink on white.
  const under = opaqueCount > 0 && opaqueSum / opaqueCount > 0.5 ? 0 : 1;
  const data = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    const alpha = rgba[i * RGBA + 3] / MAX;
    data[i] = luma[i] * alpha + under * (1 - alpha);
  }
  return { width, height, data };
}
