import type { MatData } from './types';

type Indexable = { [index: number]: number | bigint; readonly length: number };

/**
 * Copies column-major (MATLAB) data into row-major (C) order with the same dims: the value at
 * subscript (i0, i1, ..., ik) moves from i0 + d0*(i1 + d1*(...)) to ((i0*d1 + i1)*d2 + ...).
 */
export function toRowMajor<T extends MatData>(data: T, dims: number[]): T {
  const ctor = data.constructor as new (length: number) => T;
  const out = new ctor(data.length);
  const src = data as unknown as Indexable;
  const dst = out as unknown as Indexable;
  const n = dims.length;
  if (n <= 1 || data.length === 0 || dims.filter((d) => d > 1).length <= 1) {
    (out as unknown as Float64Array).set(data as unknown as Float64Array);
    return out;
  }
  // Below, every index is in range: m < n = dims.length = stride.length = counter.length, and
  // s < data.length, the product of the dims (so is every destination index).
  if (n === 2) {
    const [d0, d1] = [dims[0]!, dims[1]!];
    for (let j = 0, s = 0; j < d1; j++) {
      for (let i = 0; i < d0; i++, s++) dst[i * d1 + j] = src[s]!;
    }
    return out;
  }
  // Row-major stride of each dim, then walk the source in column-major order.
  const stride = new Array<number>(n).fill(1);
  for (let m = n - 2; m >= 0; m--) stride[m] = stride[m + 1]! * dims[m + 1]!;
  const counter = new Array<number>(n).fill(0);
  const [d0, s0] = [dims[0]!, stride[0]!];
  let o = 0;
  for (let s = 0; s < data.length;) {
    for (let i = 0; i < d0; i++, s++) dst[o + i * s0] = src[s]!;
    // Carry into the higher dims, like an odometer.
    let m = 1;
    while (m < n) {
      const count = counter[m]! + 1;
      counter[m] = count;
      o += stride[m]!;
      if (count < dims[m]!) break;
      o -= stride[m]! * dims[m]!;
      counter[m] = 0;
      m++;
    }
  }
  return out;
}
