import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { crc32, zipArchive } from '../../../src-main/core/export/zip';
import { LetterLabError } from '../../../src-main/core/errors';
import { readZip } from './read-npz';
import { pythonHas, runPython } from './run-python';

const hasPython = pythonHas('zipfile');
if (!hasPython) console.warn('zip.test: python3 not found; skipping the zipfile checks.');

const dir = mkdtempSync(join(tmpdir(), 'letter-lab-zip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (s: string): Uint8Array => new TextEncoder().encode(s);

function pseudoRandomBytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('crc32', () => {
  it('gives the standard check value for "123456789"', () => {
    expect(crc32(text('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('agrees with node:zlib on random data of many lengths', () => {
    for (const n of [1, 3, 255, 256, 4097, 100_000]) {
      const bytes = pseudoRandomBytes(n, n);
      expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    }
  });
});

describe('zipArchive', () => {
  const entries = [
    { name: 'a.txt', data: text('hello hello hello hello') },
    { name: 'empty.bin', data: new Uint8Array(0) },
    { name: 'random.bin', data: pseudoRandomBytes(70_000, 7) },
    { name: 'dir/ünïcode ✓.txt', data: text('names may be UTF-8') },
  ];

  for (const compress of [false, true]) {
    it(`round-trips through an independent reader (${compress ? 'deflated' : 'stored'})`, () => {
      const read = readZip(zipArchive(entries, { compress }));
      expect(read.map((e) => e.name)).toEqual(entries.map((e) => e.name));
      read.forEach((e, i) => {
        expect(e.method).toBe(compress ? 8 : 0);
        expect(Array.from(e.data)).toEqual(Array.from(entries[i].data));
      });
      expect(read[3].flags & 0x0800).toBe(0x0800);
      expect(read[0].flags & 0x0800).toBe(0);
    });
  }

  it('deflating shrinks repetitive data', () => {
    const data = text('ABCD'.repeat(10_000));
    const stored = zipArchive([{ name: 'x', data }]);
    const deflated = zipArchive([{ name: 'x', data }], { compress: true });
    expect(deflated.length).toBeLessThan(stored.length / 10);
  });

  it('is reproducible: the same entries give the same bytes', () => {
    expect(Buffer.from(zipArchive(entries)).equals(Buffer.from(zipArchive(entries)))).toBe(true);
  });

  it('refuses duplicate or empty names', () => {
    const twice = (): Uint8Array => zipArchive([entries[0], entries[0]]);
    expect(twice).toThrow(LetterLabError);
    expect(twice).toThrow(/used twice/);
    expect(() => zipArchive([{ name: '', data: new Uint8Array(1) }])).toThrow(/empty/);
  });

  it.skipIf(!hasPython)("Python's zipfile reads both kinds and finds no bad CRC", () => {
    writeFileSync(join(dir, 'stored.zip'), zipArchive(entries));
    writeFileSync(join(dir, 'deflated.zip'), zipArchive(entries, { compress: true }));
    const out = runPython([
      '-c',
      `import hashlib, json, sys, zipfile
r = {}
for kind in ['stored', 'deflated']:
    with zipfile.ZipFile(f'{sys.argv[1]}/{kind}.zip') as z:
        r[kind] = {'bad': z.testzip(),
                   'files': [[i.filename, i.compress_type, hashlib.sha256(z.read(i)).hexdigest()]
                             for i in z.infolist()]}
print(json.dumps(r))`,
      dir,
    ]);
    const r = JSON.parse(out);
    const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');
    for (const [kind, method] of [
      ['stored', 0],
      ['deflated', 8],
    ] as const) {
      expect(r[kind].bad).toBeNull();
      expect(r[kind].files).toEqual(entries.map((e) => [e.name, method, sha(e.data)]));
    }
  });
});
