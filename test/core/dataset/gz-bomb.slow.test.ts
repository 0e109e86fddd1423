// Hostile .mat.gz files in a real process: a few hundred KB that expand to 600 MB. The gunzip is
// streamed into the reader without a second full copy (peak RSS at most 1.3x the expanded data
// plus 200 MB), and a set whose letters would not fit in memory is refused before it is read.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGzBomb } from '../../helpers/hostile-files';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const EXPANDED = 600_000_000;
const MB = 1024 * 1024;

/** Loads `file` as the app does, in a fresh Node process; its peak RSS and what happened. */
function loadInChild(file: string): {
  peakBytes: number;
  ok: boolean;
  code?: string;
  message?: string;
} {
  const script = `
    import { loadDataset } from './src-main/core/dataset/load.ts';
    let out;
    try {
      const { set } = await loadDataset(${JSON.stringify(file)}, {});
      out = { ok: true, count: set.count };
    } catch (err) {
      out = { ok: false, code: err.code, message: err.message };
    }
    out.peakBytes = process.resourceUsage().maxRSS * 1024;
    process.stdout.write(JSON.stringify(out));
  `;
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  if (run.status !== 0) throw new Error(`the loading process failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as ReturnType<typeof loadInChild>;
}

describe('gzip bombs', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-bomb-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a 600 MB expansion with one copy of it at most', async () => {
    const file = path.join(dir, 'padding.mat.gz');
    const expanded = await writeGzBomb(file, EXPANDED, 'padding');
    expect(fs.statSync(file).size).toBeLessThan(700 * 1024);
    const result = loadInChild(file);
    console.log(
      `${path.basename(file)}: ${fs.statSync(file).size} bytes expanding to ${expanded}; ` +
        `peak RSS ${(result.peakBytes / MB).toFixed(0)} MiB`,
    );
    expect(result.ok).toBe(true);
    expect(result.peakBytes).toBeLessThan(1.3 * expanded + 200 * MB);
  });

  it('refuses letters that would not fit in memory before reading them', async () => {
    const file = path.join(dir, 'images.mat.gz');
    const expanded = await writeGzBomb(file, EXPANDED, 'images');
    const result = loadInChild(file);
    console.log(
      `${path.basename(file)}: peak RSS ${(result.peakBytes / MB).toFixed(0)} MiB; ${result.message}`,
    );
    expect(result.ok).toBe(false);
    expect(result.code).toBe('file.too-large');
    expect(result.message).toMatch(
      /holds 764330 letters of 28x28 pixels: Letter Lab would need 2\.4 GB of memory/,
    );
    expect(result.peakBytes).toBeLessThan(1.3 * expanded + 200 * MB);
  });
});
