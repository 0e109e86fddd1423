import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readMat } from '../../../src-main/core/mat/read';
import { writeMat5 } from '../../../src-main/core/mat/write';
import {
  C,
  T,
  ascii,
  cat,
  compressed,
  element,
  header,
  matrix,
  numericMatrix,
  values,
  words,
} from './build';
import { numbers } from './values';

describe('readMat on hand-made files', () => {
  for (const little of [true, false]) {
    const order = little ? 'little' : 'big';

    it(`reads small data elements (${order}-endian)`, () => {
      const bytes = cat(
        header({ little }),
        numericMatrix('x', C.int16, [1, 1], [-2], little, T.int16, true),
        matrix({
          cls: C.uint8,
          dims: [1, 3],
          name: 'abc',
          smallName: true,
          body: [element(T.uint8, Uint8Array.of(7, 8, 9), little, true)],
          little,
        }),
        numericMatrix('d', C.double, [1, 2], [200, 3], little, T.uint8, true),
      );
      const mat = readMat(bytes);
      expect(mat.endian).toBe(little ? 'le' : 'be');
      expect(mat.variables.map((v) => [v.name, v.class, numbers(v)])).toEqual([
        ['x', 'int16', [-2]],
        ['abc', 'uint8', [7, 8, 9]],
        ['d', 'double', [200, 3]],
      ]);
    });

    it(`converts doubles that MATLAB stored as smaller types (${order}-endian)`, () => {
      const xs = [0, 1, 200, 255, 3, 4];
      const stored: [number, number[]][] = [
        [T.uint8, xs],
        [T.int8, [0, 1, -100, 127, -3, 4]],
        [T.uint16, [0, 1, 60000, 255, 3, 4]],
        [T.int16, [0, -1, -30000, 255, 3, 4]],
        [T.int32, [0, -1, -3e9 / 2, 255, 3, 4]],
        [T.uint32, [0, 1, 4e9, 255, 3, 4]],
        [T.single, [0, 0.5, 1.25, 255, 3, 4]],
      ];
      const bytes = cat(
        header({ little }),
        ...stored.map(([type, v], i) => numericMatrix(`v${i}`, C.double, [2, 3], v, little, type)),
      );
      const mat = readMat(bytes);
      mat.variables.forEach((v, i) => {
        expect(v.class).toBe('double');
        expect(v.data).toBeInstanceOf(Float64Array);
        expect(numbers(v)).toEqual(stored[i][1]);
      });
    });

    it(`lists struct, cell, sparse, char and complex variables without data (${order}-endian)`, () => {
      const field = (name: string) =>
        matrix({
          cls: C.double,
          dims: [1, 1],
          name,
          body: [element(T.double, values(T.double, [5], little), little)],
          little,
        });
      const struct = matrix({
        cls: C.struct,
        dims: [1, 1],
        name: 's',
        body: [
          element(T.int32, words([32], little), little, true),
          element(T.int8, cat(ascii('a'), new Uint8Array(31)), little),
          field(''),
        ],
        little,
      });
      const cell = matrix({
        cls: C.cell,
        dims: [1, 2],
        name: 'c',
        body: [field(''), field('')],
        little,
      });
      const sparse = matrix({
        cls: C.sparse,
        dims: [3, 3],
        name: 'sp',
        body: [
          element(T.int32, words([0, 2], little), little),
          element(T.int32, words([0, 1, 1, 2], little), little),
          element(T.double, values(T.double, [1, 2], little), little),
        ],
        little,
      });
      const utf16 = matrix({
        cls: C.char,
        dims: [1, 3],
        name: 'u',
        body: [element(T.utf16, values(T.uint16, [0x41, 0xe9, 0x42], little), little)],
        little,
      });
      const grid = matrix({
        cls: C.char,
        dims: [2, 2],
        name: 'g',
        body: [element(T.uint16, values(T.uint16, [0x61, 0x62, 0x63, 0x64], little), little)],
        little,
      });
      const complex = matrix({
        cls: C.double,
        flags: 0x08,
        dims: [1, 2],
        name: 'z',
        body: [
          element(T.double, values(T.double, [1, 2], little), little),
          element(T.double, values(T.double, [3, 4], little), little),
        ],
        little,
      });
      const after = numericMatrix('after', C.double, [1, 3], [1, 2, 3], little, T.double);
      const mat = readMat(
        cat(header({ little }), struct, cell, sparse, utf16, grid, complex, after),
      );
      expect(
        mat.variables.map(({ name, class: cls, dims, data, text, complex: z }) => ({
          name,
          cls,
          dims,
          hasData: data !== undefined,
          text,
          z,
        })),
      ).toEqual([
        { name: 's', cls: 'struct', dims: [1, 1], hasData: false, text: undefined, z: undefined },
        { name: 'c', cls: 'cell', dims: [1, 2], hasData: false, text: undefined, z: undefined },
        { name: 'sp', cls: 'sparse', dims: [3, 3], hasData: false, text: undefined, z: undefined },
        { name: 'u', cls: 'char', dims: [1, 3], hasData: false, text: 'AéB', z: undefined },
        { name: 'g', cls: 'char', dims: [2, 2], hasData: false, text: undefined, z: undefined },
        { name: 'z', cls: 'double', dims: [1, 2], hasData: false, text: undefined, z: true },
        {
          name: 'after',
          cls: 'double',
          dims: [1, 3],
          hasData: true,
          text: undefined,
          z: undefined,
        },
      ]);
      expect(numbers(mat.variables.at(-1))).toEqual([1, 2, 3]);
    });

    it(`skips the subsystem element, empty and unknown elements and zero padding (${order}-endian)`, () => {
      const first = numericMatrix('a', C.double, [1, 1], [1], little, T.double);
      const subsys = numericMatrix('', C.uint8, [1, 8], [1, 2, 3, 4, 5, 6, 7, 8], little, T.uint8);
      const bytes = cat(
        header({ little, subsys: 128 + first.length + 8 }),
        first,
        words([T.matrix, 0], little),
        subsys,
        element(T.uint32, words([1, 2], little), little),
        numericMatrix('b', C.double, [1, 1], [2], little, T.double),
        new Uint8Array(4),
      );
      expect(readMat(bytes).variables.map((v) => [v.name, numbers(v)])).toEqual([
        ['a', [1]],
        ['b', [2]],
      ]);
    });

    it(`reads compressed elements made outside the writer (${order}-endian)`, () => {
      const inner = numericMatrix(
        'images',
        C.double,
        [2, 2, 2],
        [1, 2, 3, 4, 5, 6, 7, 8],
        little,
        T.uint8,
      );
      const mat = readMat(cat(header({ little }), compressed(inner, little)));
      expect(mat.compressed).toBe(true);
      expect(mat.variables[0]).toMatchObject({
        name: 'images',
        class: 'double',
        dims: [2, 2, 2],
        compressed: true,
      });
      expect(numbers(mat.variables[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    });
  }

  it('decodes only the variables asked for, but lists them all', () => {
    const vars = ['a', 'b', 'c'].map((name, i) => ({
      name,
      class: 'double' as const,
      dims: [1, 1],
      data: [i],
    }));
    for (const compress of [false, true]) {
      const mat = readMat(writeMat5(vars, { compress }), { only: ['b'] });
      expect(mat.variables.map((v) => [v.name, v.data === undefined ? null : numbers(v)])).toEqual([
        ['a', null],
        ['b', [1]],
        ['c', null],
      ]);
    }
  });

  it('reads a gzipped MAT-file given as bytes', () => {
    const mat = readMat(
      gzipSync(writeMat5([{ name: 'x', class: 'uint8', dims: [1, 2], data: [4, 5] }])),
    );
    expect(mat.gzip).toBe(true);
    expect(numbers(mat.variables[0])).toEqual([4, 5]);
  });
});
