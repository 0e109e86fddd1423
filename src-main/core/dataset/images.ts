import { LetterLabError } from '../errors';
import type { MatData } from '../mat/types';

/** Pixels above this are not 8-bit grey levels. */
export const MAX_PIXEL = 255;

/**
 * How a stored images array maps onto N x H x W: the sizes of its three stored dims (in
 * storage order, fastest first) and, for each, the step in the row-major output.
 */
export interface ImageLayout {
  order: 'HxWxN' | 'NxHxW';
  height: number;
  width: number;
  count: number;
  dims: [number, number, number];
  strides: [number, number, number];
  /** True when the stored data is row-major (dims and strides are then reversed). */
  rowMajor: boolean;
  /** The MATLAB dims as stored in the file. */
  sourceDims: number[];
}

function badDims(name: string, dims: number[], detail: string): LetterLabError {
  return new LetterLabError(
    'dataset.bad-image-dims',
    `'${name}' has dims ${dims.join('x')}: ${detail}. Images must be a 3-D array ` +
      'height x width x count (as MATLAB stores notMNIST) or count x height x width. ' +
      'Reshape it, e.g. MATLAB `images = reshape(images, 28, 28, [])`, numpy ' +
      '`images.reshape(-1, 28, 28)`, and save the file again.',
    { variable: name },
  );
}

/**
 * Decides the layout from MATLAB dims (column-major) and the number of labels: H x W x N when
 * the last dim matches the labels, else N x H x W when the first does. Singleton dims (such as
 * the channel of H x W x 1 x N) are dropped first; `rowMajor` says the data was reordered.
 */
export function imageLayout(
  name: string,
  dims: number[],
  labelCount: number,
  labelsName: string,
  rowMajor = false,
): ImageLayout {
  const kept = dims.filter((d) => d !== 1);
  if (kept.length !== 3) throw badDims(name, dims, `that is ${kept.length}-D, not 3-D`);
  const [a, , c] = kept;
  let order: ImageLayout['order'];
  if (c === labelCount) order = 'HxWxN';
  else if (a === labelCount) order = 'NxHxW';
  else {
    throw new LetterLabError(
      'dataset.count-mismatch',
      `'${name}' has dims ${dims.join('x')} but '${labelsName}' has ${labelCount} entries; ` +
        `neither the last dim (height x width x count) nor the first (count x height x width) ` +
        `is ${labelCount}. Every image needs exactly one label: save matching arrays.`,
      { variable: name, labels: labelCount },
    );
  }
  const [height, width, count] = order === 'HxWxN' ? [kept[0], kept[1], c] : [kept[1], kept[2], a];
  if (height < 2 || width < 2) throw badDims(name, dims, 'an image must be at least 2x2 pixels');
  const plane = height * width;
  // Strides of (row, column, image) in the N x H x W output.
  const roles = order === 'HxWxN' ? [width, 1, plane] : [plane, width, 1];
  const strides = (rowMajor ? [...roles].reverse() : roles) as [number, number, number];
  const stored = (rowMajor ? [...kept].reverse() : kept) as [number, number, number];
  return { order, height, width, count, dims: stored, strides, rowMajor, sourceDims: dims };
}

function badPixel(name: string, layout: ImageLayout, index: number, value: number): LetterLabError {
  // MATLAB subscripts: column-major over the dims (row-major data is column-major reversed).
  const dims = layout.rowMajor ? [...layout.sourceDims].reverse() : layout.sourceDims;
  let rest = index;
  const stored = dims.map((d) => {
    const s = rest % d;
    rest = Math.floor(rest / d);
    return s;
  });
  const subs = layout.rowMajor ? stored.reverse() : stored;
  const matlab = `${name}(${subs.map((s) => s + 1).join(',')})`;
  const what = Number.isNaN(value) ? 'NaN' : String(value);
  return new LetterLabError(
    'dataset.bad-pixels',
    `'${name}' has the value ${what} at ${matlab} (stored value ${index}). Pixels must be grey ` +
      `levels 0..${MAX_PIXEL} (or 0..1). Fix the images and save the file again.`,
    { variable: name, index },
  );
}

/**
 * Writes pixels into an N x H x W Float32Array as they arrive, dividing by `divisor`, and keeps
 * the maximum and the first bad value (NaN, negative, above 255) on the way.
 */
export class PixelConverter {
  max = 0;
  firstBad = -1;
  firstOver = -1;
  private badValue = 0;
  private overValue = 0;

  constructor(
    readonly layout: ImageLayout,
    readonly out: Float32Array,
    readonly divisor: number,
  ) {}

  /** `values` are consecutive stored values; values[0] has storage index `first`. */
  push(values: MatData, first: number): void {
    const src =
      values instanceof BigInt64Array || values instanceof BigUint64Array
        ? Float64Array.from(values, Number)
        : values;
    const [d0, d1] = this.layout.dims;
    const [s0, s1, s2] = this.layout.strides;
    const out = this.out;
    const divisor = this.divisor;
    let max = this.max;
    let bad = this.firstBad;
    let over = this.firstOver;
    const n = src.length;
    let s = 0;
    let index = first;
    while (s < n) {
      const c0 = index % d0;
      const rest = (index - c0) / d0;
      const c1 = rest % d1;
      const c2 = (rest - c1) / d1;
      const run = Math.min(d0 - c0, n - s);
      let o = c0 * s0 + c1 * s1 + c2 * s2;
      for (let t = 0; t < run; t++, o += s0) {
        const v = src[s + t];
        if (v > max) {
          max = v;
          if (v > MAX_PIXEL && over < 0) {
            over = index + t;
            this.overValue = v;
          }
        } else if (!(v >= 0) && bad < 0) {
          bad = index + t;
          this.badValue = v;
        }
        out[o] = v / divisor;
      }
      s += run;
      index += run;
    }
    this.max = max;
    this.firstBad = bad;
    this.firstOver = over;
  }

  /** Throws for the first bad pixel; returns true when the data needs no division by 255. */
  check(name: string): boolean {
    if (this.firstBad >= 0) throw badPixel(name, this.layout, this.firstBad, this.badValue);
    if (this.firstOver >= 0) throw badPixel(name, this.layout, this.firstOver, this.overValue);
    return this.max <= 1;
  }
}
