import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readMat } from '../../src-main/core/mat/read';
import { peekMat } from './sample/mat-peek';
import type { PeekedVar } from './sample/mat-peek';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const COMMITTED = join(ROOT, 'resources/sample');
const FILES = ['sample-letters.mat', 'sample-letters.json', 'FONTS.md'];
const SIDE = 28;
const PIXELS = SIDE * SIDE;
const CLASSES = 10;
const MATLAB_UINT8 = 9;
const MATLAB_DOUBLE = 6;
const GENERATION_TIMEOUT_MS = 600_000;

let outDir = '';
let images: PeekedVar;
let labels: PeekedVar;
let count = 0;

/** Pixel (row y, column x) of image n, from MATLAB column-major storage. */
function px(n: number, y: number, x: number): number {
  return images.data[n * PIXELS + y + SIDE * x];
}

/** Rows and columns that hold any ink, for image n. */
function extent(n: number): { rows: number; cols: number } {
  let y0 = SIDE;
  let y1 = -1;
  let x0 = SIDE;
  let x1 = -1;
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      if (px(n, y, x) === 0) continue;
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
    }
  }
  return { rows: y1 - y0 + 1, cols: x1 - x0 + 1 };
}

function imagesOf(label: number): number[] {
  const out: number[] = [];
  for (let n = 0; n < count; n++) if (labels.data[n] === label) out.push(n);
  return out;
}

/** Mean pixel value of class `label` inside rows [ya, yb) and columns [xa, xb). */
function classInk(label: number, ya: number, yb: number, xa: number, xb: number): number {
  let sum = 0;
  const members = imagesOf(label);
  for (const n of members) {
    for (let y = ya; y < yb; y++) for (let x = xa; x < xb; x++) sum += px(n, y, x);
  }
  return sum / (members.length * (yb - ya) * (xb - xa));
}

beforeAll(() => {
  outDir = mkdtempSync(join(tmpdir(), 'letter-lab-sample-'));
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/make-sample.ts', outDir], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.status, `make-sample failed:\n${run.stdout}\n${run.stderr}`).toBe(0);
  const mat = peekMat(new Uint8Array(readFileSync(join(outDir, 'sample-letters.mat'))));
  images = mat.vars.find((v) => v.name === 'images')!;
  labels = mat.vars.find((v) => v.name === 'labels')!;
  count = labels.dims[0];
}, GENERATION_TIMEOUT_MS);

afterAll(() => {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

describe('npm run make-sample', () => {
  it.each(FILES)('regenerates the committed %s byte for byte', (file) => {
    const fresh = readFileSync(join(outDir, file));
    const committed = readFileSync(join(COMMITTED, file));
    expect(fresh.length, `${file}: size differs; run npm run make-sample and commit`).toBe(
      committed.length,
    );
    expect(fresh.equals(committed), `${file}: bytes differ; run npm run make-sample`).toBe(true);
  });

  it('writes a compressed level-5 MAT file with uint8 images 28x28xN and double labels Nx1', () => {
    const bytes = readFileSync(join(outDir, 'sample-letters.mat'));
    expect(bytes.subarray(0, 19).toString('latin1')).toBe('MATLAB 5.0 MAT-file');
    expect(bytes.readUInt32LE(128)).toBe(15); // first element is miCOMPRESSED
    expect(images.classId).toBe(MATLAB_UINT8);
    expect(images.dims).toEqual([SIDE, SIDE, count]);
    expect(images.data.length).toBe(count * PIXELS);
    expect(labels.classId).toBe(MATLAB_DOUBLE);
    expect(labels.dims).toEqual([count, 1]);
    // Compression keeps the bundled file small: well under the 1 byte per pixel of raw uint8.
    expect(bytes.length).toBeLessThan(count * PIXELS * 0.4);
  });

  it("reads back with Letter Lab's own MAT reader, matching the independent reader", () => {
    const mat = readMat(new Uint8Array(readFileSync(join(outDir, 'sample-letters.mat'))));
    expect(mat.compressed).toBe(true);
    expect(mat.order).toBe('column-major');
    const byName = new Map(mat.variables.map((v) => [v.name, v]));
    expect(byName.get('images')?.class).toBe('uint8');
    expect(byName.get('images')?.dims).toEqual(images.dims);
    expect(byName.get('labels')?.class).toBe('double');
    expect(byName.get('labels')?.dims).toEqual(labels.dims);
    const imageData = byName.get('images')?.data;
    const labelData = byName.get('labels')?.data;
    expect(imageData).toBeInstanceOf(Uint8Array);
    expect(labelData).toBeInstanceOf(Float64Array);
    expect(Array.from(imageData as Uint8Array)).toEqual(images.data);
    expect(Array.from(labelData as Float64Array)).toEqual(labels.data);
  });

  it('has at least 2,000 images from at least 40 faces, every class present and balanced', () => {
    const info = JSON.parse(readFileSync(join(outDir, 'sample-letters.json'), 'utf8'));
    expect(count).toBeGreaterThanOrEqual(2000);
    expect(info.count).toBe(count);
    expect(info.classes).toBe(CLASSES);
    expect(info.fonts.length).toBeGreaterThanOrEqual(40);
    expect(new Set(info.fonts).size).toBe(info.fonts.length);
    expect(info.name).toBe(`Sample letters (${info.fonts.length} fonts)`);
    expect(info.generatedBy).toBe('npm run make-sample');
    const perClass = Array.from({ length: CLASSES }, (_, k) => imagesOf(k).length);
    expect(perClass.every((c) => c === count / CLASSES)).toBe(true);
    expect(labels.data.every((l) => Number.isInteger(l) && l >= 0 && l < CLASSES)).toBe(true);
  });

  it('lists every family, package version and licence in FONTS.md', () => {
    const md = readFileSync(join(outDir, 'FONTS.md'), 'utf8');
    for (const pkg of ['roboto', 'roboto-slab', 'lobster', 'special-elite']) {
      const version = JSON.parse(
        readFileSync(join(ROOT, 'node_modules/@fontsource', pkg, 'package.json'), 'utf8'),
      ).version;
      expect(md).toContain(`| \`@fontsource/${pkg}\` | ${version} |`);
    }
    expect(md).toMatch(/\| Roboto Slab \|.*Apache-2\.0/);
    expect(md).toMatch(/\| Lobster \|.*OFL-1\.1/);
    expect(md).toContain('not notMNIST');
  });

  it('scales each glyph so its ink spans the frame on at least one axis', () => {
    let filling = 0;
    for (let n = 0; n < count; n++) {
      const { rows, cols } = extent(n);
      if (rows >= SIDE - 1 || cols >= SIDE - 1) filling++;
    }
    expect(filling / count).toBeGreaterThanOrEqual(0.99);
  });

  it('draws anti-aliased white glyphs on black', () => {
    let total = 0;
    let border = 0;
    let borderDark = 0;
    let borderCount = 0;
    let withGrey = 0;
    for (let n = 0; n < count; n++) {
      let grey = 0;
      for (let y = 0; y < SIDE; y++) {
        for (let x = 0; x < SIDE; x++) {
          const v = px(n, y, x);
          total += v;
          if (v > 0 && v < 255) grey++;
          if (y === 0 || x === 0 || y === SIDE - 1 || x === SIDE - 1) {
            border += v;
            borderCount++;
            if (v < 64) borderDark++;
          }
        }
      }
      if (grey >= 10) withGrey++;
    }
    const mean = total / (count * PIXELS);
    expect(mean).toBeGreaterThan(30);
    expect(mean).toBeLessThan(130);
    expect(border / borderCount).toBeLessThan(mean);
    expect(borderDark / borderCount).toBeGreaterThan(0.7);
    expect(withGrey / count).toBeGreaterThan(0.95);
    expect(images.data.reduce((a, b) => Math.max(a, b), 0)).toBe(255);
    expect(images.data.reduce((a, b) => Math.min(a, b), 255)).toBe(0);
  });

  it('stores the glyphs upright, unmirrored and column-major', () => {
    const [A, F, I] = [0, 5, 8];
    // I is taller than wide, spanning the full height: a transposed layout would make it flat.
    const tallI = imagesOf(I).filter((n) => {
      const { rows, cols } = extent(n);
      return rows >= SIDE - 1 && cols < rows;
    });
    expect(tallI.length / imagesOf(I).length).toBeGreaterThan(0.9);
    // A has its apex at the top: more ink in the bottom quarter than in the top quarter.
    expect(classInk(A, 21, 28, 0, 28)).toBeGreaterThan(classInk(A, 0, 7, 0, 28));
    // F has its stem on the left.
    expect(classInk(F, 0, 28, 0, 10)).toBeGreaterThan(classInk(F, 0, 28, 18, 28));
  });
});
