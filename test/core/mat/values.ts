import type { MatVariable } from '../../../src-main/core/mat/types';

/** A variable's data as plain numbers (bigints converted). */
export function numbers(v: MatVariable | undefined): number[] {
  const data: ArrayLike<number | bigint> = v?.data ?? [];
  return Array.from(data, (x) => Number(x));
}

/** Row-major copy of column-major `data`, computed from subscripts (independent of layout.ts). */
export function rowMajor(data: number[], dims: number[]): number[] {
  const out = new Array<number>(data.length);
  for (let c = 0; c < data.length; c++) {
    let rest = c;
    const subs = dims.map((d) => {
      const s = rest % d;
      rest = Math.floor(rest / d);
      return s;
    });
    let r = 0;
    for (let m = 0; m < dims.length; m++) r = r * dims[m] + subs[m];
    out[r] = data[c];
  }
  return out;
}
