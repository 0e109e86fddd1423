// Mutates small valid MAT-files thousands of ways: every case must end in a result or a
// LetterLabError without allocating more than the input can justify. (A hang ends in the test's
// timeout; how fast the reader is, is the benchmark's question: `npm run bench -- mat`.)
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetFromMat } from '../../../src-main/core/dataset/from-mat';
import { loadImageSet } from '../../../src-main/core/dataset/load';
import { LetterLabError } from '../../../src-main/core/errors';
import { readMat } from '../../../src-main/core/mat/read';
import { writeMat5 } from '../../../src-main/core/mat/write';
import { C, T, cat, compressedRaw, element, header, matrix, numericMatrix, words } from './build';
import { tempDir } from './env';

const SEED = 20240601;
/** Deflate expands at most ~1032:1; an element may be inflated up to 3 times (probe, scan, load). */
const inflateBudget = (n: number) => 3 * (1032 * n + 8192);
/** Everything else (reads, copies, conversions) stays within a small multiple of the data. */
const otherBudget = (n: number, inflated: number) => 16 * (n + inflated) + 65536;
const FILE_EVERY = 8;

/** xorshift32: the fuzz cases are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

const PIXELS = Array.from({ length: 3 * 3 * 4 }, (_, i) => (i * 37) % 256);
const VARS = [
  { name: 'images', class: 'double' as const, dims: [3, 3, 4], data: PIXELS },
  { name: 'labels', class: 'double' as const, dims: [4, 1], data: [0, 1, 2, 1] },
  { name: 'note', class: 'char' as const, dims: [1, 2], data: 'ab' },
  { name: 'k', class: 'int16' as const, dims: [1, 1], data: [-7] },
  { name: 'big', class: 'int64' as const, dims: [1, 2], data: [5, -6] },
  { name: 'f', class: 'single' as const, dims: [1, 1], data: [0.5] },
  { name: 'flag', class: 'logical' as const, dims: [1, 2], data: [1, 0] },
];

function handMade(little: boolean): Uint8Array {
  const struct = matrix({
    cls: C.struct,
    dims: [1, 1],
    name: 's',
    body: [
      element(T.int32, words([8], little), little, true),
      element(T.int8, new Uint8Array(8).fill(97), little),
    ],
    little,
  });
  return cat(
    header({ little }),
    numericMatrix('images', C.double, [3, 3, 4], PIXELS, little, T.uint8),
    struct,
    numericMatrix('labels', C.double, [4, 1], [0, 1, 2, 1], little, T.uint8, true),
  );
}

const BASES: [string, Uint8Array][] = [
  ['le', writeMat5(VARS)],
  ['be', writeMat5(VARS, { endian: 'be' })],
  ['le-compressed', writeMat5(VARS, { compress: true })],
  ['be-compressed', writeMat5(VARS, { compress: true, endian: 'be' })],
  ['no-small', writeMat5(VARS, { smallElements: false })],
  ['hand-le', handMade(true)],
  ['hand-be', handMade(false)],
  ['gzip', gzipSync(writeMat5(VARS))],
];

/** Sizes that lie, and data type and class codes that confuse one kind of element for another. */
const LIES = [
  0, 1, 2, 4, 5, 6, 7, 8, 9, 12, 13, 14, 15, 16, 17, 0xff, 0xffff, 0x10000, 0x7fffffff, 0x80000000,
  0xfffffff8, 0xffffffff,
];

function setU32(bytes: Uint8Array, at: number, value: number, little: boolean): void {
  if (at + 4 <= bytes.length)
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(at, value >>> 0, little);
}

/** Offsets of every top-level tag and of the sub-element tags inside uncompressed arrays. */
function tagOffsets(bytes: Uint8Array, little: boolean): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const out: number[] = [];
  for (let at = 128; at + 8 <= bytes.length;) {
    const type = view.getUint32(at, little);
    const size = view.getUint32(at + 4, little);
    out.push(at);
    if (type === T.matrix) {
      for (let sub = at + 8; sub + 8 <= at + 8 + size;) {
        out.push(sub);
        const word = view.getUint32(sub, little);
        sub += word >>> 16 ? 8 : 8 + Math.ceil(view.getUint32(sub + 4, little) / 8) * 8;
      }
    }
    at += type === T.compressed ? 8 + size : 8 + Math.ceil(size / 8) * 8;
  }
  return out;
}

interface FuzzCase {
  label: string;
  bytes: Uint8Array;
}

function makeCases(): FuzzCase[] {
  const random = rng(SEED);
  const pick = <X>(xs: X[]): X => xs[Math.floor(random() * xs.length)];
  const cases: FuzzCase[] = [];
  for (const [name, base] of BASES) {
    const little = !name.startsWith('be') && name !== 'hand-be';
    // Truncation at every byte: header, tags, sub-elements, data, compressed streams.
    for (let cut = 0; cut < base.length; cut++)
      cases.push({ label: `${name} cut ${cut}`, bytes: base.slice(0, cut) });
    for (let i = 0; i < 120; i++) {
      const bytes = base.slice();
      const flips = 1 + Math.floor(random() * 4);
      for (let f = 0; f < flips; f++)
        bytes[Math.floor(random() * bytes.length)] ^= 1 + Math.floor(random() * 255);
      cases.push({ label: `${name} flip #${i}`, bytes });
    }
    for (let i = 0; i < 120; i++) {
      const bytes = base.slice();
      const at = 4 * Math.floor((random() * bytes.length) / 4);
      const lie = random() < 0.7 ? pick(LIES) : Math.floor(random() * 4294967296);
      setU32(bytes, at, lie, little);
      cases.push({ label: `${name} u32@${at}=${lie}`, bytes });
    }
    // Every tag told it holds another data type, or another size.
    if (name !== 'gzip') {
      for (const at of tagOffsets(base, little)) {
        const small = new DataView(base.buffer, base.byteOffset).getUint32(at, little) >>> 16 !== 0;
        for (let type = 1; type <= 18; type++) {
          const bytes = base.slice();
          const size = small
            ? new DataView(base.buffer, base.byteOffset).getUint32(at, little) >>> 16
            : 0;
          setU32(bytes, at, small ? (size << 16) | type : type, little);
          cases.push({ label: `${name} tag@${at} type ${type}`, bytes });
        }
        if (!small) {
          for (const lie of LIES) {
            const bytes = base.slice();
            setU32(bytes, at + 4, lie, little);
            cases.push({ label: `${name} tag@${at} bytes ${lie}`, bytes });
          }
        }
      }
    }
    for (let i = 0; i < 15; i++) {
      const bytes = base.slice();
      for (let j = 128; j < bytes.length; j++)
        if (random() < 0.3) bytes[j] = Math.floor(random() * 256);
      cases.push({ label: `${name} noise #${i}`, bytes });
    }
  }
  // Lies inside compressed elements: mutate the inner element, then compress it honestly.
  const plain = writeMat5(VARS);
  const inner = plain.subarray(128, 128 + 8 + new DataView(plain.buffer).getUint32(132, true));
  for (let i = 0; i < 250; i++) {
    const bytes = inner.slice();
    const at = 4 * Math.floor((random() * bytes.length) / 4);
    setU32(bytes, at, random() < 0.6 ? pick(LIES) : Math.floor(random() * 4294967296), true);
    const packed = deflateSync(bytes);
    const claim = random() < 0.2 ? pick(LIES) : packed.length;
    cases.push({
      label: `inner u32@${at} claim ${claim}`,
      bytes: cat(header(), compressedRaw(packed, true, claim)),
    });
  }
  // Huge claimed arrays and whole random files.
  for (const dims of [
    [65535, 65535, 65535],
    [2 ** 31 - 1, 2],
    [0, 5],
    [46341, 46341],
  ]) {
    const huge = matrix({
      cls: C.double,
      dims,
      name: 'images',
      body: [element(T.double, new Uint8Array(8), true)],
      little: true,
    });
    cases.push({ label: `huge dims ${dims}`, bytes: cat(header(), huge) });
  }
  for (let i = 0; i < 40; i++) {
    const n = Math.floor(random() * 700);
    const bytes = Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
    if (i % 2 === 0 && n >= 128) bytes.set(header(), 0);
    cases.push({ label: `random #${i} (${n} bytes)`, bytes });
  }
  return cases;
}

interface Result {
  ok: number;
  errors: Map<string, number>;
  slowest: number;
}

function runCase(c: FuzzCase, result: Result): void {
  let inflated = 0;
  let other = 0;
  const onAllocate = (n: number, what: string) => {
    if (what.startsWith('inflate') || what === 'gunzip') inflated += n;
    else other += n;
  };
  const started = performance.now();
  try {
    const mat = readMat(c.bytes, { onAllocate });
    if (
      mat.variables.some((v) => v.name === 'images') &&
      mat.variables.some((v) => v.name === 'labels')
    ) {
      datasetFromMat(mat);
    }
    result.ok++;
  } catch (err) {
    if (!(err instanceof LetterLabError)) {
      throw new Error(`${c.label}: threw ${err instanceof Error ? err.stack : String(err)}`, {
        cause: err,
      });
    }
    result.errors.set(err.code, (result.errors.get(err.code) ?? 0) + 1);
  }
  const ms = performance.now() - started;
  result.slowest = Math.max(result.slowest, ms);
  expect(inflated, c.label).toBeLessThanOrEqual(inflateBudget(c.bytes.length));
  expect(other, c.label).toBeLessThanOrEqual(otherBudget(c.bytes.length, inflated));
}

describe('fuzzing the MAT reader', () => {
  let dir = '';
  let remove: () => Promise<void> = async () => undefined;
  beforeAll(async () => ({ dir, remove } = await tempDir()));
  afterAll(() => remove());

  it('ends every mutated file in a result or a LetterLabError, within memory bounds', async () => {
    const cases = makeCases();
    expect(cases.length).toBeGreaterThanOrEqual(2000);
    const result: Result = { ok: 0, errors: new Map(), slowest: 0 };
    const baseline = process.memoryUsage().arrayBuffers;
    let peakGrowth = 0;
    const started = performance.now();
    for (let i = 0; i < cases.length; i++) {
      runCase(cases[i], result);
      peakGrowth = Math.max(peakGrowth, process.memoryUsage().arrayBuffers - baseline);
      if (i % FILE_EVERY === 0) {
        // The file path (streaming reader) must behave the same way.
        const path = join(dir, 'case.mat');
        await writeFile(path, cases[i].bytes);
        await loadImageSet(path).catch((err: unknown) => {
          if (!(err instanceof LetterLabError)) {
            const what = err instanceof Error ? err.stack : String(err);
            throw new Error(`${cases[i].label} (file): threw ${what}`, { cause: err });
          }
        });
      }
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `fuzz: ${cases.length} cases in ${seconds.toFixed(1)} s (slowest ${result.slowest.toFixed(1)} ms), ` +
        `${result.ok} read, errors ${JSON.stringify(Object.fromEntries(result.errors))}, ` +
        `peak arrayBuffers growth ${(peakGrowth / 2 ** 20).toFixed(1)} MiB`,
    );
    // Not one outcome: the mutations reach many different checks.
    expect(result.ok).toBeGreaterThan(0);
    expect(result.errors.size).toBeGreaterThanOrEqual(5);
    expect(peakGrowth).toBeLessThan(256 * 2 ** 20);
  });
});
