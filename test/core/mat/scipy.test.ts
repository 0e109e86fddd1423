// Independent checks: scipy writes files our reader must read, and reads files our writer makes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readMat, readMatFile } from '../../../src-main/core/mat/read';
import { writeMat5 } from '../../../src-main/core/mat/write';
import type { WriteClass } from '../../../src-main/core/mat/write';
import { HAS_SCIPY, python, tempDir } from './env';

if (!HAS_SCIPY) console.log('python3 with scipy is not available: scipy cross-checks are skipped.');

const WRITE_REFERENCES = `
import json, sys
import numpy as np
from scipy.io import savemat
from scipy.sparse import csc_matrix
out = sys.argv[1]
numeric = {
    'd2': np.arange(12, dtype=np.float64).reshape(3, 4) * 1.5,
    'd3': np.arange(24, dtype=np.float64).reshape(2, 3, 4) - 5,
    'f32': np.array([[1.5, -2, 3]], dtype=np.float32),
    'i8': np.array([[-128, 0, 127]], dtype=np.int8),
    'u8': np.arange(10, dtype=np.uint8).reshape(2, 5),
    'i16': np.array([[-32768, 1, 32767]], dtype=np.int16),
    'u16': np.array([[0, 65535]], dtype=np.uint16),
    'i32': np.array([[-2**31, 2**31 - 1]], dtype=np.int32),
    'u32': np.array([[0, 2**32 - 1]], dtype=np.uint32),
    'i64': np.array([[-2**52, 2**52]], dtype=np.int64),
    'u64': np.array([[0, 2**52]], dtype=np.uint64),
    'b': np.array([[True, False, True]]),
    'scalar': np.float64(7.0),
    'row': np.arange(5.0),
    'images': (np.arange(2 * 3 * 4) % 256).astype(np.float64).reshape(2, 3, 4),
}
cell = np.empty((1, 2), dtype=object)
cell[0, 0] = 1.0
cell[0, 1] = 'x'
others = {
    's': 'hello',
    'st': {'a': 1.0, 'b': 'x'},
    'ce': cell,
    'sp': csc_matrix(np.eye(3)),
    'z': np.array([[1 + 2j, 3 - 4j]]),
}
for comp in (False, True):
    savemat(f'{out}/ref-{int(comp)}.mat', {**numeric, **others}, format='5', do_compression=comp)
def flat(v):
    v = np.atleast_2d(v)
    return (v.astype(np.int64) if v.dtype == bool else v).ravel(order='F').tolist()
print(json.dumps({k: {'dims': list(np.atleast_2d(v).shape), 'values': flat(v)} for k, v in numeric.items()}))
`;

const READ_OURS = `
import json, sys
import numpy as np
from scipy.io import loadmat
result = {}
for path in sys.argv[1:]:
    d = loadmat(path)
    result[path] = {k: {'dtype': v.dtype.name, 'dims': list(v.shape),
                        'values': [str(int(x)) if isinstance(x, bool) else str(x)
                                   for x in v.ravel(order='F').tolist()]}
                    for k, v in d.items() if not k.startswith('__')}
print(json.dumps(result))
`;

const SCIPY_CLASS: Record<string, string> = {
  d2: 'double',
  d3: 'double',
  f32: 'single',
  i8: 'int8',
  u8: 'uint8',
  i16: 'int16',
  u16: 'uint16',
  i32: 'int32',
  u32: 'uint32',
  i64: 'int64',
  u64: 'uint64',
  b: 'logical',
  scalar: 'double',
  row: 'double',
  images: 'double',
};

describe.skipIf(!HAS_SCIPY)('scipy cross-checks', () => {
  let dir = '';
  let remove: () => Promise<void> = async () => undefined;
  let expected: Record<string, { dims: number[]; values: number[] }> = {};
  beforeAll(async () => {
    ({ dir, remove } = await tempDir());
    expected = JSON.parse(python(WRITE_REFERENCES, [dir]));
  });
  afterAll(() => remove());

  for (const comp of [0, 1]) {
    it(`reads scipy.io.savemat(format='5', do_compression=${comp === 1}) files`, async () => {
      const path = join(dir, `ref-${comp}.mat`);
      const mat = readMat(new Uint8Array(readFileSync(path)));
      expect(mat.compressed).toBe(comp === 1);
      expect(await readMatFile(path)).toEqual(mat);
      const byName = new Map(mat.variables.map((v) => [v.name, v]));
      for (const [name, want] of Object.entries(expected)) {
        const got = byName.get(name);
        expect(got?.class, name).toBe(SCIPY_CLASS[name]);
        expect(got?.dims, name).toEqual(want.dims);
        expect(Array.from(got?.data ?? [], Number), name).toEqual(want.values);
      }
      expect(byName.get('s')).toMatchObject({ class: 'char', dims: [1, 5], text: 'hello' });
      expect(byName.get('st')).toMatchObject({ class: 'struct', dims: [1, 1] });
      expect(byName.get('ce')).toMatchObject({ class: 'cell', dims: [1, 2] });
      expect(byName.get('sp')).toMatchObject({ class: 'sparse', dims: [3, 3] });
      expect(byName.get('z')).toMatchObject({ class: 'double', complex: true, dims: [1, 2] });
      for (const name of ['st', 'ce', 'sp', 'z']) expect(byName.get(name)?.data).toBeUndefined();
    });
  }

  it('writes files scipy reads back exactly, in every variant', async () => {
    const vars: { name: string; class: WriteClass; dims: number[]; data: number[] | string }[] = [
      {
        name: 'd',
        class: 'double',
        dims: [2, 3, 2],
        data: [0, 1.5, -2, 1e-300, 5, 6, 7, 8, 9, 10, 11, 255],
      },
      { name: 'f', class: 'single', dims: [1, 3], data: [0.5, -1, 3] },
      { name: 'i8', class: 'int8', dims: [1, 2], data: [-128, 127] },
      { name: 'u8', class: 'uint8', dims: [2, 2], data: [0, 1, 254, 255] },
      { name: 'i16', class: 'int16', dims: [1, 1], data: [-300] },
      { name: 'u16', class: 'uint16', dims: [1, 2], data: [1, 65535] },
      { name: 'i32', class: 'int32', dims: [1, 2], data: [-(2 ** 31), 7] },
      { name: 'u32', class: 'uint32', dims: [1, 1], data: [2 ** 32 - 1] },
      { name: 'i64', class: 'int64', dims: [1, 2], data: [-(2 ** 40), 3] },
      { name: 'u64', class: 'uint64', dims: [1, 1], data: [2 ** 50] },
      { name: 'flag', class: 'logical', dims: [1, 3], data: [1, 0, 1] },
      { name: 'txt', class: 'char', dims: [1, 4], data: 'abcd' },
    ];
    const { writeFile } = await import('node:fs/promises');
    const paths: string[] = [];
    for (const endian of ['le', 'be'] as const) {
      for (const compress of [false, true]) {
        for (const smallElements of [false, true]) {
          const path = join(dir, `ours-${endian}-${compress}-${smallElements}.mat`);
          await writeFile(path, writeMat5(vars, { endian, compress, smallElements }));
          paths.push(path);
        }
      }
    }
    const loaded = JSON.parse(python(READ_OURS, paths)) as Record<
      string,
      Record<string, { dtype: string; dims: number[]; values: string[] }>
    >;
    const dtypes: Record<string, RegExp> = {
      double: /float64/,
      single: /float32/,
      int8: /int8/,
      uint8: /uint8/,
      int16: /int16/,
      uint16: /uint16/,
      int32: /int32/,
      uint32: /uint32/,
      int64: /int64/,
      uint64: /uint64/,
      logical: /bool|uint8/,
      char: /^str/,
    };
    for (const path of paths) {
      for (const v of vars) {
        const got = loaded[path][v.name];
        expect(got.dtype, `${path} ${v.name}`).toMatch(dtypes[v.class]);
        if (v.class === 'char') {
          expect(got.values).toEqual([v.data]);
          continue;
        }
        expect(got.dims, `${path} ${v.name}`).toEqual(v.dims);
        expect(got.values.map(Number), `${path} ${v.name}`).toEqual(v.data);
      }
    }
  });
});
