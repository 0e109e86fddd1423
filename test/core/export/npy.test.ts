import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { encodeNpy, npyHeader } from '../../../src-main/core/export/npy';
import { LetterLabError } from '../../../src-main/core/errors';
import { patterns, readNpy, words } from './read-npz';
import { pythonHas, runPython } from './run-python';

const hasNumpy = pythonHas('numpy');
if (!hasNumpy) console.warn('npy.test: python3 with numpy not found; skipping the numpy checks.');

const dir = mkdtempSync(join(tmpdir(), 'letter-lab-npy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Floats whose bit patterns a careless writer would change: NaN payloads, -0, subnormals. */
function trickyFloats(): Float32Array {
  const bits = new Uint32Array([
    0x7fc00001, // quiet NaN with a payload
    0x7f800001, // signalling NaN
    0xffc00000, // negative NaN
    0x80000000, // -0
    0x00000001, // smallest subnormal
    0x7f7fffff, // largest finite
    0xff800000, // -Infinity
    0x3f800000, // 1
  ]);
  return new Float32Array(bits.buffer);
}

describe('encodeNpy', () => {
  it('writes a version 1.0 header that numpy accepts, with the data 64-byte aligned', () => {
    for (const shape of [[], [5], [3, 4], [3, 3, 1, 16], [1, 2, 3, 4, 5, 6, 7, 8]]) {
      const n = shape.reduce((a, b) => a * b, 1);
      const file = encodeNpy({ shape, data: new Float32Array(n).map((_, i) => i / 3) });
      const read = readNpy(file);
      expect(read.shape).toEqual(shape);
      expect(read.descr).toBe('<f4');
      expect(read.fortranOrder).toBe(false);
      expect(read.bytes.length).toBe(n * 4);
      expect((10 + read.headerLength) % 64).toBe(0);
    }
  });

  it('writes Python tuple syntax: () for scalars and a trailing comma for one dimension', () => {
    expect(npyHeader('<f4', [])).toContain("'shape': (), }");
    expect(npyHeader('<f4', [7])).toContain("'shape': (7,), }");
    expect(npyHeader('<i4', [2, 3])).toContain("'shape': (2, 3), }");
  });

  it('keeps every float bit for bit, NaN payloads included', () => {
    const data = trickyFloats();
    const read = readNpy(encodeNpy({ shape: [2, 4], data }));
    expect(words(read.bytes)).toEqual(patterns(data));
  });

  it('writes int32 and uint8 arrays with their dtypes', () => {
    const ints = new Int32Array([-1, 0, 2147483647, -2147483648]);
    const readInts = readNpy(encodeNpy({ shape: [4], data: ints }));
    expect(readInts.descr).toBe('<i4');
    expect(words(readInts.bytes)).toEqual(patterns(ints));
    const bytes = new Uint8Array([0, 1, 254, 255]);
    const readBytes = readNpy(encodeNpy({ shape: [2, 2], data: bytes }));
    expect(readBytes.descr).toBe('|u1');
    expect(Array.from(readBytes.bytes)).toEqual([0, 1, 254, 255]);
  });

  it('writes a view into a larger buffer without its neighbours', () => {
    const big = new Float32Array([9, 1, 2, 3, 9]);
    const read = readNpy(encodeNpy({ shape: [3], data: big.subarray(1, 4) }));
    expect(Array.from(new Float32Array(new Uint8Array(read.bytes).buffer))).toEqual([1, 2, 3]);
  });

  it('refuses a shape that does not fit the data', () => {
    const run = (): Uint8Array => encodeNpy({ shape: [2, 3], data: new Float32Array(5) });
    expect(run).toThrow(LetterLabError);
    expect(run).toThrow(/shape \[2, 3\] needs 6 values but 5/);
    expect(() => encodeNpy({ shape: [-1], data: new Float32Array(0) })).toThrow(/whole number/);
  });

  it.skipIf(!hasNumpy)('numpy loads the files with the same values and shapes', () => {
    const floats = trickyFloats();
    const files = {
      floats: encodeNpy({ shape: [4, 2], data: floats }),
      scalar: encodeNpy({ shape: [], data: new Float32Array([2.5]) }),
      ints: encodeNpy({ shape: [3], data: new Int32Array([-7, 0, 7]) }),
      bytes: encodeNpy({ shape: [1, 3], data: new Uint8Array([1, 2, 255]) }),
    };
    for (const [name, bytes] of Object.entries(files))
      writeFileSync(join(dir, `${name}.npy`), bytes);
    const out = runPython([
      '-c',
      `import json, sys, numpy as np
d = sys.argv[1]
r = {}
for name in ['floats', 'scalar', 'ints', 'bytes']:
    a = np.load(f'{d}/{name}.npy')
    r[name] = {'shape': list(a.shape), 'dtype': str(a.dtype), 'fortran': bool(np.isfortran(a)),
               'bits': a.view(np.uint32).ravel().tolist() if a.dtype == np.float32 else a.ravel().tolist()}
print(json.dumps(r))`,
      dir,
    ]);
    const r = JSON.parse(out);
    expect(r.floats).toEqual({
      shape: [4, 2],
      dtype: 'float32',
      fortran: false,
      bits: patterns(floats),
    });
    expect(r.scalar).toMatchObject({ shape: [], dtype: 'float32', bits: [0x40200000] });
    expect(r.ints).toMatchObject({ shape: [3], dtype: 'int32', bits: [-7, 0, 7] });
    expect(r.bytes).toMatchObject({ shape: [1, 3], dtype: 'uint8', bits: [1, 2, 255] });
  });
});
