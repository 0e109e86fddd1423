import { describe, expect, it } from 'vitest';
import { readMat } from '../../../src-main/core/mat/read';
import { writeMat5 } from '../../../src-main/core/mat/write';
import type { WriteClass } from '../../../src-main/core/mat/write';
import { numbers, rowMajor } from './values';

const SAMPLES: Record<Exclude<WriteClass, 'char'>, number[]> = {
  double: [0, -1.5, 2.25, 1e300, -0, 255, 3.5, 7, 8, 9, 10, 11],
  single: [0, -1.5, 2.25, 65504, 0.5, 255, 3.5, 7, 8, 9, 10, 11],
  int8: [-128, -1, 0, 1, 127, 5, 6, 7, 8, 9, 10, 11],
  uint8: [0, 1, 2, 128, 255, 5, 6, 7, 8, 9, 10, 11],
  int16: [-32768, -1, 0, 1, 32767, 5, 6, 7, 8, 9, 10, 11],
  uint16: [0, 1, 65535, 300, 4, 5, 6, 7, 8, 9, 10, 11],
  int32: [-(2 ** 31), -1, 0, 1, 2 ** 31 - 1, 5, 6, 7, 8, 9, 10, 11],
  uint32: [0, 1, 2 ** 32 - 1, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  int64: [-(2 ** 53), -1, 0, 1, 2 ** 53, 5, 6, 7, 8, 9, 10, 11],
  uint64: [0, 1, 2 ** 60, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  logical: [1, 0, 1, 1, 0, 0, 1, 0, 1, 1, 1, 0],
};
const ARRAY_TYPES: Record<string, string> = {
  double: 'Float64Array',
  single: 'Float32Array',
  int8: 'Int8Array',
  uint8: 'Uint8Array',
  int16: 'Int16Array',
  uint16: 'Uint16Array',
  int32: 'Int32Array',
  uint32: 'Uint32Array',
  int64: 'BigInt64Array',
  uint64: 'BigUint64Array',
  logical: 'Uint8Array',
};
const SHAPES = [
  [1, 1],
  [3, 4],
  [2, 3, 2],
  [1, 12],
];

describe('readMat on files from writeMat5, every variant', () => {
  for (const endian of ['le', 'be'] as const) {
    for (const compress of [false, true]) {
      for (const smallElements of [true, false]) {
        it(`${endian}, ${compress ? 'compressed' : 'plain'}, small elements ${smallElements}`, () => {
          const vars = Object.entries(SAMPLES).flatMap(([cls, xs]) =>
            SHAPES.map((dims, i) => {
              const n = dims.reduce((a, b) => a * b, 1);
              return { name: `${cls}_${i}`, class: cls as WriteClass, dims, data: xs.slice(0, n) };
            }),
          );
          vars.push({ name: 'text', class: 'char', dims: [1, 5], data: 'hello' as never });
          const bytes = writeMat5(vars, { endian, compress, smallElements });
          const mat = readMat(bytes);
          expect(mat.format).toBe('MAT5');
          expect(mat.endian).toBe(endian);
          expect(mat.compressed).toBe(compress);
          expect(mat.order).toBe('column-major');
          expect(mat.variables.map((v) => v.name)).toEqual(vars.map((v) => v.name));
          for (const v of vars.slice(0, -1)) {
            const got = mat.variables.find((x) => x.name === v.name);
            expect(got?.class).toBe(v.class);
            expect(got?.dims).toEqual(v.dims);
            expect(got?.compressed).toBe(compress);
            expect(got?.data?.constructor.name).toBe(ARRAY_TYPES[v.class]);
            expect(numbers(got)).toEqual(Array.from(v.data));
          }
          expect(mat.variables.at(-1)).toMatchObject({
            class: 'char',
            dims: [1, 5],
            text: 'hello',
          });
          const rows = readMat(bytes, { rowMajor: true });
          expect(rows.order).toBe('row-major');
          for (const v of vars.slice(0, -1)) {
            const got = rows.variables.find((x) => x.name === v.name);
            expect(numbers(got)).toEqual(rowMajor(Array.from(v.data), v.dims));
          }
        });
      }
    }
  }

  it('turns 4-D arrays row-major too', () => {
    const dims = [2, 3, 2, 2];
    const data = Array.from({ length: 24 }, (_, i) => i * 10);
    const mat = readMat(writeMat5([{ name: 'a', class: 'int32', dims, data }]), { rowMajor: true });
    expect(numbers(mat.variables[0])).toEqual(rowMajor(data, dims));
  });

  it('shares memory with aligned little-endian input instead of copying it', () => {
    const bytes = writeMat5([
      { name: 'big', class: 'double', dims: [100, 10], data: new Array(1000).fill(3) },
    ]);
    const v = readMat(bytes).variables[0];
    expect(v.data?.buffer).toBe(bytes.buffer);
    const copy = new Uint8Array(bytes.length + 4);
    copy.set(bytes, 4);
    const moved = readMat(copy.subarray(4)).variables[0];
    expect(moved.data?.buffer).not.toBe(copy.buffer);
    expect(numbers(moved)).toEqual(new Array(1000).fill(3));
  });
});
