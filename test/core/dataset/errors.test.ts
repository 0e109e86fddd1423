import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../src-main/contract/errors';
import { datasetFromMat } from '../../../src-main/core/dataset/from-mat';
import { loadDataset } from '../../../src-main/core/dataset/load';
import { splitDataset } from '../../../src-main/core/dataset/split';
import { LetterLabError } from '../../../src-main/core/errors';
import { readMat } from '../../../src-main/core/mat/read';
import { writeMat5 } from '../../../src-main/core/mat/write';
import type { WriteVariable } from '../../../src-main/core/mat/write';
import { C, T, ascii, cat, element, header, matrix, words } from '../mat/build';
import { tempDir } from '../mat/env';

const images = (dims = [2, 2, 3], data?: number[]): WriteVariable => ({
  name: 'images',
  class: 'double',
  dims,
  data: data ?? Array.from({ length: dims.reduce((a, b) => a * b, 1) }, (_, i) => i * 9),
});
const labels = (data: number[] = [0, 1, 1], dims = [data.length, 1]): WriteVariable => ({
  name: 'labels',
  class: 'double',
  dims,
  data,
});
const withPixel = (at: number, value: number) => {
  const data = Array.from({ length: 12 }, (_, i) => i * 9);
  data[at] = value;
  return writeMat5([images([2, 2, 3], data), labels()]);
};

interface Case {
  name: string;
  make: () => Uint8Array;
  code: ErrorCode;
  message: RegExp;
  gz?: boolean;
}

const CASES: Case[] = [
  {
    name: 'no images',
    make: () => writeMat5([{ ...images(), name: 'X' }, labels()]),
    code: 'dataset.images-missing',
    message:
      /no variable named 'images' \(it has X \(double 2x2x3\), labels \(double 3x1\)\).*Rename/,
  },
  {
    name: 'no labels',
    make: () => writeMat5([images(), { ...labels(), name: 'y' }]),
    code: 'dataset.labels-missing',
    message: /no variable named 'labels' \(it has images \(double 2x2x3\), y \(double 3x1\)\)/,
  },
  {
    name: 'an empty file of variables',
    make: () => header(),
    code: 'dataset.images-missing',
    message: /it has no variables/,
  },
  {
    name: 'counts that differ',
    make: () => writeMat5([images(), labels([0, 1, 1, 0])]),
    code: 'dataset.count-mismatch',
    message: /'images' has dims 2x2x3 but 'labels' has 4 entries; neither the last dim .* is 4/,
  },
  {
    name: 'a fractional label',
    make: () => writeMat5([images(), labels([0, 2.5, 1])]),
    code: 'dataset.bad-labels',
    message: /'labels' has 2\.5 at index 1 \(MATLAB labels\(2\)\).*whole numbers 0\.\.K-1/,
  },
  {
    name: 'a NaN label',
    make: () => writeMat5([images(), labels([0, 1, NaN])]),
    code: 'dataset.bad-labels',
    message: /has NaN at index 2/,
  },
  {
    name: 'a negative label',
    make: () => writeMat5([images(), labels([-1, 1, 0])]),
    code: 'dataset.bad-labels',
    message: /has -1 at index 0/,
  },
  {
    name: 'a label of 26 (more than A-Z)',
    make: () => writeMat5([images(), labels([0, 26, 1])]),
    code: 'dataset.bad-labels',
    message: /has 26 at index 1.*at most 26 classes/,
  },
  {
    name: 'a single class',
    make: () => writeMat5([images(), labels([1, 1, 1])]),
    code: 'dataset.bad-labels',
    message: /names only one class \(every label is 1\)/,
  },
  {
    name: 'labels as a matrix',
    make: () => writeMat5([images([2, 2, 6]), labels([0, 1, 1, 0, 1, 0], [2, 3])]),
    code: 'dataset.bad-labels',
    message: /'labels' has dims 2x3, not a vector/,
  },
  {
    name: 'char labels',
    make: () => writeMat5([images(), { name: 'labels', class: 'char', dims: [1, 3], data: 'abc' }]),
    code: 'dataset.bad-labels',
    message: /'labels' is a char array/,
  },
  {
    name: '2-D images',
    make: () => writeMat5([images([4, 3]), labels()]),
    code: 'dataset.bad-image-dims',
    message: /'images' has dims 4x3: that is 2-D, not 3-D.*reshape/,
  },
  {
    name: '4-D images',
    make: () => writeMat5([images([2, 2, 2, 3]), labels()]),
    code: 'dataset.bad-image-dims',
    message: /that is 4-D/,
  },
  {
    name: 'empty images',
    make: () => writeMat5([images([0, 3, 5], []), labels([0, 1, 1, 0, 1])]),
    code: 'dataset.bad-image-dims',
    message: /'images' has dims 0x3x5: an image must be at least 2x2 pixels/,
  },
  {
    name: 'struct images',
    make: () =>
      cat(
        header(),
        matrix({
          cls: C.struct,
          dims: [1, 1],
          name: 'images',
          body: [
            element(T.int32, words([8], true), true, true),
            element(T.int8, ascii('abcdefgh'), true),
          ],
          little: true,
        }),
        writeMat5([labels()]).subarray(128),
      ),
    code: 'dataset.bad-images',
    message: /'images' is a struct array; the images must be a real numeric array/,
  },
  {
    name: 'complex images',
    make: () =>
      cat(
        header(),
        matrix({
          cls: C.double,
          flags: 0x08,
          dims: [2, 2, 1],
          name: 'images',
          body: [
            element(T.double, new Uint8Array(32), true),
            element(T.double, new Uint8Array(32), true),
          ],
          little: true,
        }),
        writeMat5([labels([1])]).subarray(128),
      ),
    code: 'dataset.bad-images',
    message: /complex double/,
  },
  {
    name: 'a NaN pixel',
    make: () => withPixel(5, NaN),
    code: 'dataset.bad-pixels',
    message: /'images' has the value NaN at images\(2,1,2\) \(stored value 5\).*0\.\.255/,
  },
  {
    name: 'a negative pixel',
    make: () => withPixel(0, -3),
    code: 'dataset.bad-pixels',
    message: /value -3 at images\(1,1,1\)/,
  },
  {
    name: 'a pixel above 255',
    make: () => withPixel(11, 300),
    code: 'dataset.bad-pixels',
    message: /value 300 at images\(2,2,3\)/,
  },
  {
    name: 'a bad pixel in H x W x 1 x N images',
    make: () => {
      const data = Array.from({ length: 12 }, (_, i) => i * 9);
      data[6] = -1;
      return writeMat5([images([2, 2, 1, 3], data), labels()]);
    },
    code: 'dataset.bad-pixels',
    message: /value -1 at images\(1,2,1,2\) \(stored value 6\)/,
  },
  {
    name: 'a .mat.gz without labels',
    make: () => gzipSync(writeMat5([images()])),
    code: 'dataset.labels-missing',
    message: /no variable named 'labels'/,
    gz: true,
  },
];

describe('dataset errors, from memory and from files', () => {
  let dir = '';
  let remove: () => Promise<void> = async () => undefined;
  beforeAll(async () => ({ dir, remove } = await tempDir()));
  afterAll(() => remove());

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const bytes = c.make();
    const inMemory = (() => {
      try {
        datasetFromMat(readMat(bytes));
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(inMemory).toBeInstanceOf(LetterLabError);
    expect(inMemory).toMatchObject({ code: c.code, message: expect.stringMatching(c.message) });
    const path = join(dir, `case-${i}.mat${c.gz ? '.gz' : ''}`);
    await writeFile(path, bytes);
    const fromFile = await loadDataset(path).then(
      () => null,
      (err: unknown) => err,
    );
    expect(fromFile).toBeInstanceOf(LetterLabError);
    expect(fromFile).toMatchObject({ code: c.code, message: expect.stringMatching(c.message) });
  });

  it('names the same MATLAB subscript when the file was read row-major', () => {
    const data = Array.from({ length: 12 }, (_, i) => i * 9);
    data[6] = -1;
    const bytes = writeMat5([images([2, 2, 1, 3], data), labels()]);
    expect(() => datasetFromMat(readMat(bytes, { rowMajor: true }))).toThrow(
      /value -1 at images\(1,2,1,2\)/,
    );
  });

  it('rejects splits that cannot work', () => {
    const set = datasetFromMat(readMat(writeMat5([images(), labels()])));
    expect(() => splitDataset(set, { seed: 1.5 })).toThrow(/seed must be a whole number/);
    expect(() => splitDataset(set, { seed: -1 })).toThrow(LetterLabError);
    expect(() => splitDataset(set, { testFraction: 1 })).toThrow(
      /test share must be above 0 and below 1/,
    );
    expect(() => splitDataset(set, { testFraction: NaN })).toThrow(/not NaN/);
    const one = {
      ...set,
      count: 1,
      images: set.images.subarray(0, 4),
      labels: set.labels.subarray(0, 1),
    };
    expect(() => splitDataset(one)).toThrow(/1 images are too few to hold out 20% for testing/);
    const thrown = (() => {
      try {
        splitDataset(set, { testFraction: 2 });
      } catch (err) {
        return err;
      }
      return null;
    })();
    expect(thrown).toMatchObject({ code: 'dataset.bad-split' });
  });
});
