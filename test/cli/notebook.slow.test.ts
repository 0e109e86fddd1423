// `letter-lab notebook`, run for real: the eight notebook networks trained one after another in
// training processes on a small letters file (every 8th sample letter, 1 epoch each), each
// recorded in the lab notebook of a temp LETTER_LAB_HOME, one HTML report with the ladder; bad
// input exits 2 with one line and no stack trace.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src-main/core/dataset/load';
import { LESSON_STEPS } from '../../src-main/core/lessons';
import { writeMat5 } from '../../src-main/core/mat/write';
import { RunStore } from '../../src-main/core/runs';
import { summarize } from '../../src-main/core/spec';
import { ROOT, cliInProcessWithEnv, cliWithEnv } from '../helpers/cli';

const SAMPLE = path.join(ROOT, 'resources/sample/sample-letters.mat');

let dir: string;
let home: string;
let mat: string;

/** Every `step`-th letter of the sample set, as a notMNIST-style .mat (HxWxN uint8, labels). */
async function smallMat(file: string, step: number): Promise<void> {
  const { set } = await loadDataset(SAMPLE, { fingerprint: false });
  const picked = Array.from({ length: Math.floor(set.count / step) }, (_, k) => k * step);
  const [h, w] = [set.height, set.width];
  const images = new Uint8Array(h * w * picked.length);
  picked.forEach((index, n) => {
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        images[r + c * h + n * h * w] = Math.round(set.images[index * h * w + r * w + c] * 255);
      }
    }
  });
  const labels = picked.map((index) => set.labels[index]);
  await writeFile(
    file,
    writeMat5([
      { name: 'images', class: 'uint8', dims: [h, w, picked.length], data: images },
      { name: 'labels', class: 'double', dims: [picked.length, 1], data: labels },
    ]),
  );
}

/** `letter-lab notebook ...args` in this process (see spawned() for the real process). */
const run = (...args: string[]) =>
  cliInProcessWithEnv({ LETTER_LAB_HOME: home }, 'notebook', ...args);
const spawned = (...args: string[]) => cliWithEnv({ LETTER_LAB_HOME: home }, 'notebook', ...args);

function oneErrorLine(out: { status: number | null; stderr: string }): string {
  expect(out.status).toBe(2);
  const lines = out.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^error: /);
  expect(out.stderr).not.toMatch(/\n\s+at /);
  return lines[0];
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-cli-notebook-'));
  home = path.join(dir, 'home');
  mat = path.join(dir, 'small.mat');
  await smallMat(mat, 8);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('letter-lab notebook', () => {
  it('trains the eight networks in order, records each run and writes one report', async () => {
    const report = path.join(dir, 'night-before.html');
    const out = await run('--mat', mat, '--epochs', '1', '--report', report, '--json');
    expect(out.stderr).not.toMatch(/error:/);
    expect(out.status).toBe(0);
    const result = JSON.parse(out.stdout) as {
      models: {
        preset: string;
        name: string;
        params: number;
        valAcc: number;
        seconds: number;
        runId: string;
      }[];
      report: string;
    };
    expect(result.report).toBe(report);
    expect(result.models.map((m) => m.preset)).toEqual(LESSON_STEPS.map((s) => s.id));
    for (const [i, m] of result.models.entries()) {
      const step = LESSON_STEPS[i];
      expect(m.name).toBe(step.preset.name);
      expect(m.params).toBe(summarize(step.preset.spec).totalParams);
      expect(m.valAcc).toBeGreaterThanOrEqual(0);
      expect(m.valAcc).toBeLessThanOrEqual(1);
      expect(m.seconds).toBeGreaterThan(0);
    }
    // Three Adam steps already teach the MLP something: well above chance (10%).
    expect(result.models[1].valAcc).toBeGreaterThan(0.2);
    // Progress went to stderr, step by step.
    for (let n = 1; n <= 8; n++) expect(out.stderr).toContain(`[${n}/8]`);

    // The lab notebook has each run, finished, with its autosaved model.
    const entries = await new RunStore(path.join(home, 'runs')).list();
    expect(entries.map((e) => e.id).sort()).toEqual(result.models.map((m) => m.runId).sort());
    for (const e of entries) {
      expect(e.record?.status).toBe('finished');
      expect(e.record?.history).toHaveLength(1);
      expect(e.record?.dataset?.fileName).toBe('small.mat');
      expect(e.modelDir).not.toBeNull();
      const model = result.models.find((m) => m.runId === e.id);
      expect(e.record?.finalValAcc).toBe(model?.valAcc);
    }

    const html = await readFile(report, 'utf8');
    expect(html.match(/<section class="network">/g)).toHaveLength(8);
    expect(html).toContain('<h2>The ladder</h2>');
    expect(html.match(/<figure><img src="data:image\/png;base64,/g)).toHaveLength(64);
    expect(html).not.toMatch(/could not be loaded/);
  });

  it('refuses bad input with one line and exit code 2, before training anything', async () => {
    const runs = new RunStore(path.join(home, 'runs'));
    const recorded = (await runs.list()).length;
    // The real process once, for its exit code and stderr.
    expect(oneErrorLine(spawned('--epochs', '2'))).toMatch(/--mat FILE/);
    const bad = async (...args: string[]) => oneErrorLine(await run(...args));
    expect(await bad('--mat', mat, '--epochs', '0')).toMatch(
      /--epochs must be a whole number from 1 to 1000, got "0"/,
    );
    expect(await bad('--mat', mat, '--report', path.join(dir, 'nope', 'r.html'))).toMatch(
      /the folder .*nope does not exist/,
    );
    expect(await bad('--mat', mat, '--report', dir)).toMatch(/is a folder/);
    expect(await bad('--mat', mat, '--lang', 'de')).toMatch(/--lang must be en or pl/);
    expect(await bad('--mat', path.join(dir, 'missing.mat'))).toMatch(/There is no file/);
    const text = path.join(dir, 'letters.txt');
    await writeFile(text, 'these are not letters');
    expect(await bad('--mat', text)).toMatch(/MAT/);
    expect(await bad('--mat', mat, '--bogus')).toMatch(/Unknown option '--bogus'/);
    expect(await runs.list()).toHaveLength(recorded);
  });
});
