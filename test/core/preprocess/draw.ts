// A tiny rasteriser for test pictures: grey paper, hard-edged rectangles and discs.
import type { GrayImage } from '../../../src-main/core/preprocess';

export function paper(width: number, height: number, level: number): GrayImage {
  return { width, height, data: new Float32Array(width * height).fill(level) };
}

/** Columns x..x+w-1, rows y..y+h-1. */
export function rect(
  image: GrayImage,
  x: number,
  y: number,
  w: number,
  h: number,
  level: number,
): GrayImage {
  for (let r = y; r < y + h; r++)
    for (let c = x; c < x + w; c++) image.data[r * image.width + c] = level;
  return image;
}

/** Pixels whose centre is within `radius` of (cx, cy). */
export function disc(
  image: GrayImage,
  cx: number,
  cy: number,
  radius: number,
  level: number,
): GrayImage {
  for (let r = 0; r < image.height; r++) {
    for (let c = 0; c < image.width; c++) {
      if ((c + 0.5 - cx) ** 2 + (r + 0.5 - cy) ** 2 <= radius ** 2)
        image.data[r * image.width + c] = level;
    }
  }
  return image;
}

/** An 'L': a vertical bar and a foot, `stroke` pixels thick, with its box at (x, y, w, h). */
export function letterL(
  image: GrayImage,
  x: number,
  y: number,
  w: number,
  h: number,
  stroke: number,
  level: number,
): GrayImage {
  rect(image, x, y, stroke, h, level);
  return rect(image, x, y + h - stroke, w, stroke, level);
}

export function inverse(image: GrayImage): GrayImage {
  return { ...image, data: image.data.map((v) => 1 - v) };
}

export function toRGBA(image: GrayImage, alpha?: (i: number) => number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(image.data.length * 4);
  image.data.forEach((v, i) => {
    const level = Math.round(v * 255);
    out.set([level, level, level, alpha ? alpha(i) : 255], i * 4);
  });
  return out;
}

/** Ink-weighted centre (pixel centres at k + 0.5) and the total ink of a 28x28-like frame. */
export function moments(
  pixels: Float32Array,
  width: number,
): { cx: number; cy: number; mass: number } {
  let mass = 0;
  let sx = 0;
  let sy = 0;
  pixels.forEach((v, i) => {
    mass += v;
    sx += v * ((i % width) + 0.5);
    sy += v * (Math.floor(i / width) + 0.5);
  });
  return { cx: sx / mass, cy: sy / mass, mass };
}

/** Rows (or columns) holding any ink above `level`. */
export function inkedLines(
  pixels: Float32Array,
  width: number,
  axis: 'rows' | 'columns',
  level = 0.01,
): number[] {
  const height = pixels.length / width;
  const lines: number[] = [];
  const count = axis === 'rows' ? height : width;
  for (let k = 0; k < count; k++) {
    let any = false;
    for (let j = 0; j < (axis === 'rows' ? width : height); j++) {
      const v = axis === 'rows' ? pixels[k * width + j] : pixels[j * width + k];
      if (v > level) any = true;
    }
    if (any) lines.push(k);
  }
  return lines;
}
