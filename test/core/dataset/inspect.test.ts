import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectMat } from '../../../src-main/core/dataset/inspect';
import { writeMat5 } from '../../../src-main/core/mat/write';
import { REAL_MAT, noteRealMatSkipped, tempDir } from '../mat/env';

noteRealMatSkipped();

describe('inspectMat', () => {
  let dir = '';
  let remove: () => Promise<void> = async () => undefined;
  beforeAll(async () => ({ dir, remove } = await tempDir()));
  afterAll(() => remove());

  it('returns exactly the CLI JSON shape', async () => {
    const path = join(dir, 'small.mat');
    const labels = [0, 1, 2, 2, 1, 0, 2];
    await writeFile(
      path,
      writeMat5([
        {
          name: 'images',
          class: 'uint8',
          dims: [3, 2, 7],
          data: Array.from({ length: 42 }, (_, i) => i),
        },
        { name: 'labels', class: 'double', dims: [7, 1], data: labels },
      ]),
    );
    const result = await inspectMat(path);
    expect(Object.keys(result)).toEqual([
      'format',
      'compressed',
      'variables',
      'images',
      'classes',
      'countsPerClass',
      'split',
      'loadMs',
    ]);
    expect({ ...result, loadMs: 0 }).toEqual({
      format: 'MAT5',
      compressed: false,
      variables: [
        { name: 'images', class: 'uint8', dims: [3, 2, 7] },
        { name: 'labels', class: 'double', dims: [7, 1] },
      ],
      images: { height: 3, width: 2, count: 7 },
      classes: 3,
      countsPerClass: [2, 2, 3],
      split: { train: 5, test: 2 },
      loadMs: 0,
    });
    expect(Number.isInteger(result.loadMs) && result.loadMs >= 0).toBe(true);
    expect((await inspectMat(path, { testFraction: 0.5 })).split).toEqual({ train: 3, test: 4 });
  });

  it.skipIf(REAL_MAT === null)('describes the real notMNIST_small.mat', async () => {
    const result = await inspectMat(REAL_MAT ?? '');
    expect({ ...result, loadMs: 0 }).toEqual({
      format: 'MAT5',
      compressed: false,
      variables: [
        { name: 'images', class: 'double', dims: [28, 28, 18724] },
        { name: 'labels', class: 'double', dims: [18724, 1] },
      ],
      images: { height: 28, width: 28, count: 18724 },
      classes: 10,
      countsPerClass: [1872, 1873, 1873, 1873, 1873, 1872, 1872, 1872, 1872, 1872],
      split: { train: 14979, test: 3745 },
      loadMs: 0,
    });
  });
});
