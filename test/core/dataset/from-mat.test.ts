import { describe, expect, it } from 'vitest';
import { datasetFromMat } from '../../../src-main/core/dataset/from-mat';
import { readMat } from '../../../src-main/core/mat/read';
import { writeMat5 } from '../../../src-main/core/mat/write';
import type { WriteClass } from '../../../src-main/core/mat/write';
import { C, T, cat, header, numericMatrix } from '../mat/build';

const H = 4;
const W = 3;
const N = 5;
/** Pixel (k, i, j) of the test images: distinct integers 0..255. */
const pixel = (k: number, i: number, j: number) => (k * 61 + i * 7 + j * 3) % 256;

/** MATLAB's H x W x N column-major order: (i, j, k) at i + H*(j + W*k). */
function hwn(f: (k: number, i: number, j: number) => number): number[] {
  const out: number[] = [];
  for (let k = 0; k < N; k++)
    for (let j = 0; j < W; j++) for (let i = 0; i < H; i++) out.push(f(k, i, j));
  return out;
}

/** N x H x W column-major: (k, i, j) at k + N*(i + H*j). */
function nhw(f: (k: number, i: number, j: number) => number): number[] {
  const out: number[] = [];
  for (let j = 0; j < W; j++)
    for (let i = 0; i < H; i++) for (let k = 0; k < N; k++) out.push(f(k, i, j));
  return out;
}

/** The expected N x H x W row-major floats, written out with plain loops. */
function expected(scale: number, f = pixel): number[] {
  const out: number[] = [];
  for (let k = 0; k < N; k++)
    for (let i = 0; i < H; i++)
      for (let j = 0; j < W; j++) out.push(Math.fround(f(k, i, j) / scale));
  return out;
}

const LABELS = [0, 1, 2, 1, 3];

function file(
  images: { class: WriteClass; dims: number[]; data: number[] },
  labels = LABELS,
  labelDims = [N, 1],
) {
  return writeMat5([
    { name: 'images', ...images },
    { name: 'labels', class: 'double', dims: labelDims, data: labels },
  ]);
}

describe('datasetFromMat', () => {
  it('turns H x W x N doubles 0..255 into N x H x W floats in 0..1, like the notebook', () => {
    const set = datasetFromMat(
      readMat(file({ class: 'double', dims: [H, W, N], data: hwn(pixel) })),
    );
    expect(set).toMatchObject({
      count: N,
      height: H,
      width: W,
      classes: 4,
      classNames: ['A', 'B', 'C', 'D'],
    });
    expect(set.images).toBeInstanceOf(Float32Array);
    expect(Array.from(set.images)).toEqual(expected(255));
    expect(Array.from(set.labels)).toEqual(LABELS);
  });

  it('accepts N x H x W, decided by which dim matches the labels', () => {
    const set = datasetFromMat(
      readMat(file({ class: 'double', dims: [N, H, W], data: nhw(pixel) })),
    );
    expect([set.count, set.height, set.width]).toEqual([N, H, W]);
    expect(Array.from(set.images)).toEqual(expected(255));
  });

  it('gives the same set from row-major reads', () => {
    for (const [dims, data] of [
      [[H, W, N], hwn(pixel)],
      [[N, H, W], nhw(pixel)],
    ] as const) {
      const bytes = file({ class: 'double', dims: [...dims], data });
      expect(datasetFromMat(readMat(bytes, { rowMajor: true }))).toEqual(
        datasetFromMat(readMat(bytes)),
      );
    }
  });

  it('reads uint8 images, and images MATLAB stored as miUINT8 doubles', () => {
    const set = datasetFromMat(
      readMat(file({ class: 'uint8', dims: [H, W, N], data: hwn(pixel) })),
    );
    expect(Array.from(set.images)).toEqual(expected(255));
    const shrunk = cat(
      header({ little: false }),
      numericMatrix('images', C.double, [H, W, N], hwn(pixel), false, T.uint8),
      numericMatrix('labels', C.double, [N, 1], LABELS, false, T.uint8),
    );
    expect(Array.from(datasetFromMat(readMat(shrunk)).images)).toEqual(expected(255));
  });

  it('leaves pixels already in 0..1 undivided', () => {
    const unit = (k: number, i: number, j: number) => pixel(k, i, j) / 256;
    const set = datasetFromMat(
      readMat(file({ class: 'single', dims: [H, W, N], data: hwn(unit) })),
    );
    expect(Array.from(set.images)).toEqual(expected(1, unit));
    const flags = (k: number, i: number, j: number) => pixel(k, i, j) % 2;
    const logical = datasetFromMat(
      readMat(file({ class: 'logical', dims: [H, W, N], data: hwn(flags) })),
    );
    expect(Array.from(logical.images)).toEqual(expected(1, flags));
  });

  it('accepts row-vector and integer labels, and H x W x 1 x N images', () => {
    const bytes = writeMat5([
      { name: 'images', class: 'double', dims: [H, W, 1, N], data: hwn(pixel) },
      { name: 'labels', class: 'uint8', dims: [1, N], data: LABELS },
    ]);
    expect(Array.from(datasetFromMat(readMat(bytes)).images)).toEqual(expected(255));
  });

  it('prefers H x W x N when both the first and last dims match the labels', () => {
    const cube = Array.from({ length: 27 }, (_, i) => i);
    const set = datasetFromMat(
      readMat(
        writeMat5([
          { name: 'images', class: 'double', dims: [3, 3, 3], data: cube },
          { name: 'labels', class: 'double', dims: [3, 1], data: [0, 1, 2] },
        ]),
      ),
    );
    // Image 1 is cube(:, :, 2): stored values 9..17; its first row is (1,1), (1,2), (1,3).
    expect(Array.from(set.images.subarray(9, 12)).map((x) => Math.round(x * 255))).toEqual([
      9, 12, 15,
    ]);
  });

  it('uses other variable names when asked', () => {
    const bytes = writeMat5([
      { name: 'X', class: 'double', dims: [H, W, N], data: hwn(pixel) },
      { name: 'y', class: 'double', dims: [N, 1], data: LABELS },
    ]);
    expect(datasetFromMat(readMat(bytes), { imagesName: 'X', labelsName: 'y' }).count).toBe(N);
  });
});
