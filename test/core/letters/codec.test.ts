// Letters files are the teacher's format: checked against scipy.io.loadmat (read and write).
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LETTER_PIXELS,
  encodeLetters,
  readLettersBytes,
  readLettersFile,
  writeLettersFile,
} from '../../../src-main/core/letters';
import { loadDataset } from '../../../src-main/core/dataset/load';
import { HAS_SCIPY, python, someLetters, tempFolder } from './helpers';

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => ({ dir, remove } = await tempFolder()));
afterAll(() => remove());

const READ_WITH_SCIPY = `
import json, sys
from scipy.io import loadmat
d = loadmat(sys.argv[1])
images, labels = d['images'], d['labels']
out = {
  'imagesDtype': images.dtype.name, 'imagesShape': list(images.shape),
  'labelsDtype': labels.dtype.name, 'labelsShape': list(labels.shape),
  'labels': labels.ravel().tolist(),
  # letter k as rows top to bottom, as MATLAB's images(:,:,k)
  'letters': [images[:, :, k].ravel(order='C').tolist() for k in range(images.shape[2])] if images.ndim == 3 else [images.ravel(order='C').tolist()],
}
if 'campers' in d:
  out['campers'] = str(d['campers'][0]).split('\\n')
  out['camper'] = d['camper'].ravel().tolist()
print(json.dumps(out))
`;

describe('letters files', () => {
  it('round-trips letters, labels and campers through Letter Lab', () => {
    const letters = [...someLetters(7, 10, 'Ola'), ...someLetters(3, 10, 'Zośka Łęcka', 7)];
    letters.push(...someLetters(2, 10, null, 10));
    const back = readLettersBytes(encodeLetters(letters), 'test.mat', 100);
    expect(back.map((l) => [l.id, l.label, l.camper])).toEqual(
      letters.map((l) => [l.id, l.label, l.camper]),
    );
    expect(back.every((l, i) => Buffer.from(l.pixels).equals(Buffer.from(letters[i].pixels)))).toBe(
      true,
    );
  });

  it.each([0, 1, 2, 28])('reads a file of %i letters (MATLAB drops the last dim of one)', (n) => {
    const letters = someLetters(n, 3);
    expect(readLettersBytes(encodeLetters(letters), 'x.mat', 100).map((l) => l.id)).toEqual(
      letters.map((l) => l.id),
    );
  });

  it.skipIf(!HAS_SCIPY)(
    'is read by scipy.io.loadmat as images 28x28xN float64 and labels Nx1, bright ink kept',
    async () => {
      const letters = [...someLetters(5, 10, 'Kuba'), ...someLetters(2, 10, 'Łucja', 5)];
      const file = path.join(dir, 'mine.mat');
      await writeLettersFile(file, letters);
      const seen = JSON.parse(python(READ_WITH_SCIPY, [file])) as {
        imagesDtype: string;
        imagesShape: number[];
        labelsDtype: string;
        labelsShape: number[];
        labels: number[];
        letters: number[][];
        campers: string[];
        camper: number[];
      };
      expect(seen.imagesDtype).toBe('float64');
      expect(seen.imagesShape).toEqual([28, 28, 7]);
      expect(seen.labelsDtype).toBe('float64');
      expect(seen.labelsShape).toEqual([7, 1]);
      expect(seen.labels).toEqual(letters.map((l) => l.label));
      // Row-major pixels are the picture's rows: the same numbers scipy shows as images[:, :, k].
      expect(seen.letters).toEqual(letters.map((l) => Array.from(l.pixels)));
      expect(seen.campers).toEqual(['Kuba', 'Łucja']);
      expect(seen.camper).toEqual([1, 1, 1, 1, 1, 2, 2]);
    },
  );

  it.skipIf(!HAS_SCIPY)(
    'reads files scipy wrote (0..255 and 0..1, one letter, column vectors)',
    async () => {
      const file = path.join(dir, 'scipy.mat');
      const one = path.join(dir, 'one.mat');
      python(
        `
import sys, numpy as np
from scipy.io import savemat
rng = np.random.default_rng(3)
images = rng.integers(0, 256, size=(28, 28, 4)).astype(np.float64)
savemat(sys.argv[1], {'images': images, 'labels': np.array([[0], [3], [3], [9]], dtype=np.float64)})
savemat(sys.argv[2], {'images': images[:, :, :1] / 255.0, 'labels': np.array([[2.0]])})
np.save(sys.argv[1] + '.npy', images)
`,
        [file, one],
      );
      const letters = await readLettersFile(file, 100);
      expect(letters.map((l) => l.label)).toEqual([0, 3, 3, 9]);
      const npy = await readFile(`${file}.npy`);
      // The .npy body: float64 C-order (28, 28, 4): element [r, c, k] at (r*28 + c)*4 + k.
      const values = new Float64Array(
        npy.buffer.slice(npy.byteOffset + npy.length - 28 * 28 * 4 * 8),
      );
      for (let k = 0; k < 4; k++) {
        const expected = Array.from({ length: LETTER_PIXELS }, (_, i) => values[i * 4 + k]);
        expect(Array.from(letters[k].pixels)).toEqual(expected);
      }
      const single = await readLettersFile(one, 100);
      expect(single).toHaveLength(1);
      expect(Array.from(single[0].pixels)).toEqual(Array.from(letters[0].pixels));
      expect(single[0].label).toBe(2);
    },
  );

  it('opens in the Letters tab’s loader like the teacher’s file', async () => {
    const file = path.join(dir, 'tab.mat');
    const letters = someLetters(30);
    await writeLettersFile(file, letters);
    const { set } = await loadDataset(file);
    expect([set.count, set.height, set.width, set.classes]).toEqual([30, 28, 28, 10]);
    expect(Array.from(set.labels)).toEqual(letters.map((l) => l.label));
    expect(Math.round(set.images[5] * 255)).toBe(letters[0].pixels[5]);
  });

  it('refuses what is not a letters file with a clear message', async () => {
    const bad = path.join(dir, 'bad.mat');
    await writeFile(bad, 'hello');
    await expect(readLettersFile(bad, 100)).rejects.toThrow(/not a MATLAB MAT-file/);
    await expect(readLettersFile(path.join(dir, 'nope.mat'), 100)).rejects.toThrow(/no file/);
    await writeLettersFile(bad, someLetters(12));
    await expect(readLettersFile(bad, 10)).rejects.toThrow(/holds 12 letters; .* at most 10/);
  });
});
