// `letter-lab evaluate` on real saved networks and real letters, checked against a direct
// prediction made here; and its refusals of bad input (exit 2, one line, no stack trace).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../src-main/core/backend';
import type { SplitImageSet } from '../../src-main/core/dataset/types';
import { buildModel } from '../../src-main/core/model/build';
import {
  LETTERS_MAT,
  SAMPLE_MAT,
  loadLetters,
  predictDirectly,
  saveTrained,
  tinyConvSpec,
  trainTiny,
} from '../core/evaluation/trained';
import { cliInProcess, expectRefused } from '../helpers/cli';

interface EvaluateJson {
  accuracy: number;
  count: number;
  correct: number;
  split: { seed: number; testFraction: number; train: number; test: number };
  classNames: string[];
  perClass: { letter: string; count: number; correct: number; accuracy: number | null }[];
  confusion: number[][];
}

let home: string;
let model: tfl.LayersModel;
let fingerprint: string;
const dir = (name: string) => path.join(home, name);

/** What the CLI must print for `set`'s test split, worked out here. */
function expected(set: SplitImageSet) {
  const direct = predictDirectly(model, set);
  const confusion = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  direct.labels.forEach((t, k) => confusion[t][direct.predicted[k]]++);
  const correct = direct.labels.filter((t, k) => t === direct.predicted[k]).length;
  return { confusion, correct, accuracy: correct / set.test.length };
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-cli-eval-'));
  await initBackend('wasm');
  const { set, info } = await loadLetters(42);
  fingerprint = info.fingerprint;
  model = await trainTiny(set);
  const spec = tinyConvSpec();
  const notebookSplit = { testFraction: 0.2, split: 'sklearn' } as const;
  await saveTrained(dir('seed42'), model, spec, { fingerprint, splitSeed: 42, ...notebookSplit });
  await saveTrained(dir('seed5'), model, spec, { fingerprint, splitSeed: 5, ...notebookSplit });
  // Saved before Letter Lab used the notebook's split: no split method in meta.json.
  await saveTrained(dir('old-split'), model, spec, { fingerprint, splitSeed: 42 });
  await saveTrained(dir('unknown'), model, spec, null);
  await saveTrained(dir('other-file'), model, spec, { fingerprint: 'f'.repeat(64), splitSeed: 42 });
  const five = buildModel(tinyConvSpec(5));
  await saveTrained(dir('five'), five, tinyConvSpec(5), null);
  five.dispose();
  fs.mkdirSync(dir('broken'));
  fs.writeFileSync(path.join(dir('broken'), 'meta.json'), '{"version": 1, "name": ');
});

afterAll(() => {
  model?.dispose();
  if (home) fs.rmSync(home, { recursive: true, force: true });
});

describe('letter-lab evaluate', () => {
  it('prints the numbers of a direct prediction on the split the model was trained with', async () => {
    for (const [name, seed] of [
      ['seed42', 42],
      ['seed5', 5],
      ['unknown', 42],
    ] as const) {
      const run = await cliInProcess(
        'evaluate',
        '--model',
        dir(name),
        '--mat',
        LETTERS_MAT,
        '--json',
      );
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toBe('');
      const out = JSON.parse(run.stdout) as EvaluateJson;
      const { set } = await loadLetters(seed);
      const want = expected(set);
      expect(out.split).toEqual({
        seed,
        testFraction: 0.2,
        train: set.train.length,
        test: set.test.length,
      });
      expect(out.confusion).toEqual(want.confusion);
      expect(out.correct).toBe(want.correct);
      expect(out.accuracy).toBe(want.accuracy);
      expect(out.perClass.map((c) => c.letter).join('')).toBe('ABCDEFGHIJ');
      out.perClass.forEach((c, i) => {
        expect(c.count).toBe(out.confusion[i].reduce((a, b) => a + b, 0));
        expect(c.accuracy).toBe(out.confusion[i][i] / c.count);
      });
    }
  });

  it('--seed chooses another split; without --json it prints a table', async () => {
    const run = await cliInProcess(
      'evaluate',
      '--model',
      dir('seed42'),
      '--mat',
      LETTERS_MAT,
      '--seed',
      '9',
    );
    expect(run.status, run.stderr).toBe(0);
    const { set } = await loadLetters(9);
    const want = expected(set);
    expect(run.stdout).toContain(
      `accuracy  ${(100 * want.accuracy).toFixed(1)}% (${want.correct} of ${set.test.length} test letters)`,
    );
    expect(run.stdout).toMatch(/confusion matrix/);
    const table = run.stdout.split('confusion matrix')[1].split('\n');
    const rowA = table.find((l) => /^ {2}A +\d/.test(l));
    expect(rowA?.trim().split(/\s+/).slice(1).map(Number)).toEqual(want.confusion[0]);
  });

  it('warns on stderr when the model was trained on another letters file', async () => {
    const run = await cliInProcess(
      'evaluate',
      '--model',
      dir('other-file'),
      '--mat',
      LETTERS_MAT,
      '--json',
    );
    expect(run.status).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warning: .*trained on another letters file.*ffffffffffff/);
    expect(lines[0]).toContain(fingerprint.slice(0, 12));
    expect((JSON.parse(run.stdout) as EvaluateJson).count).toBeGreaterThan(0);
  });

  it('warns on stderr when the model was saved with the split Letter Lab used before', async () => {
    const run = await cliInProcess(
      'evaluate',
      '--model',
      dir('old-split'),
      '--mat',
      LETTERS_MAT,
      '--json',
    );
    expect(run.status).toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^warning: this network was trained before Letter Lab used the notebook/,
    );
    expect((JSON.parse(run.stdout) as EvaluateJson).split.seed).toBe(42);
  });

  it.each([
    [[], /^error: Give --model DIR and --mat FILE\. Usage: letter-lab evaluate/],
    [['--model', 'x'], /^error: Give --mat FILE\./],
    [['--mat', SAMPLE_MAT], /^error: Give --model DIR\./],
    [['--model', '/nonexistent/model', '--mat', SAMPLE_MAT], /^error: There is no saved model in/],
    [['--model', '{home}/broken', '--mat', SAMPLE_MAT], /^error: The saved model in .* is damaged/],
    [['--model', '{home}/seed42', '--mat', '/nonexistent.mat'], /^error: There is no file at/],
    [
      ['--model', '{home}/seed42', '--mat', '{home}/seed42/meta.json'],
      /^error: This is not a MATLAB MAT-file/,
    ],
    [
      ['--model', '{home}/five', '--mat', SAMPLE_MAT],
      /^error: This network answers with 5 classes, but these letters have 10/,
    ],
    [
      ['--model', '{home}/seed42', '--mat', SAMPLE_MAT, '--seed', 'abc'],
      /^error: --seed must be a whole number/,
    ],
    [
      ['--model', '{home}/seed42', '--mat', SAMPLE_MAT, '--seed', '4294967296'],
      /^error: --seed must be a whole number/,
    ],
    [
      ['--model', '{home}/seed42', '--mat', SAMPLE_MAT, '--test-fraction', '0.9'],
      /^error: --test-fraction must be a number from 0\.05 to 0\.5/,
    ],
    [
      ['--model', '{home}/seed42', '--mat', SAMPLE_MAT, '--bogus'],
      /^error: Unknown option '--bogus'/,
    ],
    [
      ['--model', '{home}/seed42', '--mat', SAMPLE_MAT, 'extra'],
      /^error: Unexpected argument 'extra'/,
    ],
  ])('%j exits 2 with one error line', async (args, message) => {
    const run = await cliInProcess('evaluate', ...args.map((a) => a.replace('{home}', home)));
    expectRefused(run, message);
  });
});
