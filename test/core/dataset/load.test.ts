import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFromMat } from '../../../src-main/core/dataset/from-mat';
import { loadDataset, loadImageSet } from '../../../src-main/core/dataset/load';
import { splitDataset } from '../../../src-main/core/dataset/split';
import { readMat } from '../../../src-main/core/mat/read';
import { writeMat5 } from '../../../src-main/core/mat/write';
import type { WriteVariable } from '../../../src-main/core/mat/write';
import { C, T, cat, compressedRaw, header, numericMatrix } from '../mat/build';
import { HAS_SCIPY, REAL_MAT, noteRealMatSkipped, python, tempDir } from '../mat/env';

noteRealMatSkipped();

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function glyphs(h: number, w: number, n: number, scale = 1): WriteVariable[] {
  const data = Array.from({ length: h * w * n }, (_, i) => ((i * 7919) % 256) * scale);
  const labels = Array.from({ length: n }, (_, k) => k % 10);
  return [
    { name: 'images', class: 'double', dims: [h, w, n], data },
    { name: 'labels', class: 'double', dims: [n, 1], data: labels },
  ];
}

/** An uncompressed images element after a compressed one: its data starts off 8-byte alignment. */
function unaligned(n: number, little = true): Uint8Array {
  const [images, labels] = glyphs(28, 28, n);
  const endian = little ? 'le' : 'be';
  let packed = new Uint8Array(0);
  for (let extra = 3; packed.length === 0 || (8 + packed.length) % 8 === 0; extra++) {
    const pad = writeMat5(
      [{ name: 'pad', class: 'uint8', dims: [1, extra], data: new Array(extra).fill(5) }],
      { endian },
    );
    packed = deflateSync(pad.subarray(128));
  }
  return cat(
    header({ little }),
    compressedRaw(packed, little),
    numericMatrix('images', C.double, images.dims, images.data as number[], little, T.double),
    numericMatrix('labels', C.double, labels.dims, labels.data as number[], little, T.uint8),
  );
}

/** Index of the first float that differs (bit for bit), or -1. */
function firstDifference(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) return -2;
  const x = new Uint32Array(a.buffer, a.byteOffset, a.length);
  const y = new Uint32Array(b.buffer, b.byteOffset, b.length);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return i;
  return -1;
}

const VARIANTS: [string, () => Uint8Array][] = [
  ['plain', () => writeMat5(glyphs(28, 28, 30))],
  ['big-endian', () => writeMat5(glyphs(28, 28, 30), { endian: 'be' })],
  ['compressed', () => writeMat5(glyphs(28, 28, 30), { compress: true })],
  ['gzipped', () => gzipSync(writeMat5(glyphs(28, 28, 30)))],
  [
    'N x H x W uint8',
    () =>
      writeMat5([
        { ...glyphs(5, 6, 30)[0], dims: [30, 5, 6], class: 'uint8' },
        glyphs(5, 6, 30)[1],
      ]),
  ],
  ['already 0..1', () => writeMat5(glyphs(8, 8, 30, 1 / 256))],
  ['already 0..1, big-endian', () => writeMat5(glyphs(8, 8, 30, 1 / 256), { endian: 'be' })],
  ['unaligned data', () => unaligned(30)],
  ['several read chunks (2.5 MB)', () => writeMat5(glyphs(28, 28, 400))],
  ['several chunks, unaligned, big-endian', () => unaligned(400, false)],
  [
    'uint8, several chunks',
    () => writeMat5([{ ...glyphs(28, 28, 3300)[0], class: 'uint8' }, glyphs(28, 28, 3300)[1]]),
  ],
];

describe('loadDataset on files', () => {
  let dir = '';
  let remove: () => Promise<void> = async () => undefined;
  beforeAll(async () => ({ dir, remove } = await tempDir()));
  afterAll(() => remove());

  it.each(VARIANTS)(
    '%s: same set as readMat + datasetFromMat + splitDataset',
    async (name, make) => {
      const bytes = make();
      const gz = name === 'gzipped';
      const path = join(dir, `${name.replace(/\W+/g, '-')}.mat${gz ? '.gz' : ''}`);
      await writeFile(path, bytes);
      const stages: [number, string][] = [];
      const { set, info } = await loadDataset(path, {
        seed: 5,
        onProgress: (f, s) => stages.push([f, s]),
      });
      const want = splitDataset(datasetFromMat(readMat(bytes)), { seed: 5 });
      expect(firstDifference(set.images, want.images)).toBe(-1);
      expect(Array.from(set.labels)).toEqual(Array.from(want.labels));
      expect(Array.from(set.train)).toEqual(Array.from(want.train));
      expect(Array.from(set.test)).toEqual(Array.from(want.test));
      const fields = ({
        count,
        height,
        width,
        classes,
        classNames,
        seed,
        testFraction,
      }: typeof set) => ({ count, height, width, classes, classNames, seed, testFraction });
      expect(fields(set)).toEqual(fields(want));
      expect(info.fingerprint).toBe(sha256(gz ? gunzipSync(bytes) : bytes));
      expect(info).toMatchObject({
        fileName: path.split('/').at(-1),
        fileBytes: bytes.length,
        format: 'MAT5',
        gzip: gz,
      });
      const counts = new Array(set.classes).fill(0);
      for (const l of set.labels) counts[l]++;
      expect(info.countsPerClass).toEqual(counts);
      expect(stages.at(-1)).toEqual([1, 'done']);
      for (let i = 1; i < stages.length; i++)
        expect(stages[i][0]).toBeGreaterThanOrEqual(stages[i - 1][0]);
      const quick = await loadImageSet(path, { fingerprint: false });
      expect(quick.info.fingerprint).toBe('');
      expect(firstDifference(quick.set.images, want.images)).toBe(-1);
    },
  );

  it('really has off-alignment data in the unaligned variants', () => {
    for (const little of [true, false]) {
      expect(readMat(unaligned(3, little)).variables[1].offset % 8).not.toBe(0);
    }
  });

  it('reports the layout, endianness and compression it found', async () => {
    const path = join(dir, 'nhw.mat');
    await writeFile(
      path,
      writeMat5([{ ...glyphs(5, 6, 30)[0], dims: [30, 5, 6] }, glyphs(5, 6, 30)[1]], {
        compress: true,
        endian: 'be',
      }),
    );
    const { info } = await loadDataset(path);
    expect(info).toMatchObject({ imageOrder: 'NxHxW', endian: 'be', compressed: true });
    expect(info.variables).toEqual([
      { name: 'images', class: 'double', dims: [30, 5, 6] },
      { name: 'labels', class: 'double', dims: [30, 1] },
    ]);
  });
});

describe.skipIf(REAL_MAT === null)('the real notMNIST_small.mat', () => {
  const path = REAL_MAT ?? '';
  // Facts from the data set's README (independent of this code).
  const COUNTS = [1872, 1873, 1873, 1873, 1873, 1872, 1872, 1872, 1872, 1872];
  const SHA256 = 'c37ca6fbd493ddef823257c3d20d0ea0a38645ad4f11ae55969181f2d349f644';

  it('loads 18,724 glyphs of 28x28 in ten classes with the documented counts, mean and hash', async () => {
    const { set, info } = await loadDataset(path);
    expect([set.count, set.height, set.width, set.classes]).toEqual([18724, 28, 28, 10]);
    expect(set.classNames).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    expect(info.countsPerClass).toEqual(COUNTS);
    expect(info).toMatchObject({
      compressed: false,
      gzip: false,
      endian: 'le',
      imageOrder: 'HxWxN',
    });
    expect(info.fingerprint).toBe(SHA256);
    let sum = 0;
    for (const x of set.images) sum += x;
    expect(Math.abs(sum / set.images.length - 0.42536)).toBeLessThan(1e-4);
    // The 80/20 rule: test = ceil(N / 5) (integer arithmetic), train = the rest.
    const test = Math.floor((set.count + 4) / 5);
    expect(set.test.length).toBe(test);
    expect(set.train.length).toBe(set.count - test);
    expect([set.train.length, set.test.length]).toEqual([14979, 3745]);
  });

  it('gives the same split on every load, and another one for another seed', async () => {
    const a = await loadDataset(path, { fingerprint: false });
    const b = await loadDataset(path, { fingerprint: false });
    const c = await loadDataset(path, { seed: 7, fingerprint: false });
    expect(Array.from(b.set.test)).toEqual(Array.from(a.set.test));
    expect(Array.from(b.set.train)).toEqual(Array.from(a.set.train));
    expect(Array.from(c.set.test)).not.toEqual(Array.from(a.set.test));
  });

  it.skipIf(!HAS_SCIPY)('has the pixels and labels scipy.io.loadmat reads', async () => {
    const picks = [0, 1, 1871, 1872, 9999, 18723];
    const script = `
import json, sys
from scipy.io import loadmat
d = loadmat(sys.argv[1])
ks = [int(k) for k in sys.argv[2:]]
print(json.dumps({'images': [d['images'][:, :, k].tolist() for k in ks],
                  'labels': [int(d['labels'][k, 0]) for k in ks]}))`;
    const want = JSON.parse(python(script, [path, ...picks.map(String)])) as {
      images: number[][][];
      labels: number[];
    };
    const { set } = await loadImageSet(path, { fingerprint: false });
    picks.forEach((k, p) => {
      expect(set.labels[k]).toBe(want.labels[p]);
      const ours = Array.from(set.images.subarray(k * 784, (k + 1) * 784));
      expect(ours).toEqual(want.images[p].flat().map((x) => Math.fround(x / 255)));
    });
  });

  it('reads the same through readMat on the whole file', () => {
    const bytes = new Uint8Array(readFileSync(path));
    const mat = readMat(bytes, { only: ['labels'] });
    expect(mat.variables.map((v) => [v.name, v.class, v.dims, v.data?.length])).toEqual([
      ['images', 'double', [28, 28, 18724], undefined],
      ['labels', 'double', [18724, 1], 18724],
    ]);
  });
});
