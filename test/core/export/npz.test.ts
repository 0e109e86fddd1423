import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeNamedNpz, encodeNpz } from '../../../src-main/core/export/npz';
import type { NpyArray } from '../../../src-main/core/export/npy';
import { patterns, readNpy, readZip, words } from './read-npz';
import { pythonHas, runPython } from './run-python';

const hasNumpy = pythonHas('numpy');
if (!hasNumpy) console.warn('npz.test: python3 with numpy not found; skipping the numpy checks.');

const dir = mkdtempSync(join(tmpdir(), 'letter-lab-npz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Weight-like arrays: a conv kernel, its bias, a dense kernel (with odd values) and a scalar. */
function sampleArrays(): NpyArray[] {
  const kernel = new Float32Array(3 * 3 * 1 * 16).map((_, i) => Math.sin(i) * 0.3);
  const bias = new Float32Array(16).map((_, i) => (i - 8) / 1000);
  const dense = new Float32Array(7 * 5).map((_, i) => Math.fround(1 / (i + 1)));
  dense[0] = NaN;
  dense[1] = -0;
  dense[2] = 1e-40; // subnormal
  return [
    { shape: [3, 3, 1, 16], data: kernel },
    { shape: [16], data: bias },
    { shape: [7, 5], data: dense },
    { shape: [], data: new Float32Array([42]) },
  ];
}

function sha256(data: Float32Array): string {
  return createHash('sha256')
    .update(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    .digest('hex');
}

describe('encodeNpz', () => {
  for (const compress of [false, true]) {
    it(`writes arr_0.npy, arr_1.npy, ... that read back bit for bit (${compress ? 'deflated' : 'stored'})`, () => {
      const arrays = sampleArrays();
      const entries = readZip(encodeNpz(arrays, { compress }));
      expect(entries.map((e) => e.name)).toEqual([
        'arr_0.npy',
        'arr_1.npy',
        'arr_2.npy',
        'arr_3.npy',
      ]);
      entries.forEach((entry, i) => {
        const npy = readNpy(entry.data);
        expect(npy.descr).toBe('<f4');
        expect(npy.shape).toEqual(arrays[i].shape);
        expect(words(npy.bytes)).toEqual(patterns(arrays[i].data as Float32Array));
      });
    });
  }

  it('keeps the given keys and their order for named arrays', () => {
    const [a, b] = sampleArrays();
    const entries = readZip(
      encodeNamedNpz([
        ['dense_1/kernel', b],
        ['2', a],
      ]),
    );
    expect(entries.map((e) => e.name)).toEqual(['dense_1/kernel.npy', '2.npy']);
  });

  it.skipIf(!hasNumpy)('numpy loads both kinds with the same shapes, order and bytes', () => {
    const arrays = sampleArrays();
    writeFileSync(join(dir, 'stored.npz'), encodeNpz(arrays));
    writeFileSync(join(dir, 'deflated.npz'), encodeNpz(arrays, { compress: true }));
    writeFileSync(
      join(dir, 'named.npz'),
      encodeNamedNpz([
        ['conv2d_1/kernel', arrays[0]],
        ['conv2d_1/bias', arrays[1]],
      ]),
    );
    const out = runPython([
      '-c',
      `import hashlib, json, sys, numpy as np
r = {}
for kind in ['stored', 'deflated', 'named']:
    with np.load(f'{sys.argv[1]}/{kind}.npz') as z:
        r[kind] = [[k, list(z[k].shape), str(z[k].dtype), hashlib.sha256(z[k].tobytes()).hexdigest()]
                   for k in z.files]
print(json.dumps(r))`,
      dir,
    ]);
    const r = JSON.parse(out);
    const expected = arrays.map((a, i) => [
      `arr_${i}`,
      a.shape,
      'float32',
      sha256(a.data as Float32Array),
    ]);
    expect(r.stored).toEqual(expected);
    expect(r.deflated).toEqual(expected);
    expect(r.named).toEqual([
      ['conv2d_1/kernel', ...expected[0].slice(1)],
      ['conv2d_1/bias', ...expected[1].slice(1)],
    ]);
  });
});
