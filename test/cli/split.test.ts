// `letter-lab split`: the positions of the training and test letters, the same split the app and
// the trainer use (checked against scikit-learn in test/core/dataset/split.test.ts).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src-main/core/dataset/load';
import { cliInProcess, expectRefused, ROOT } from '../helpers/cli';

const SAMPLE = path.join(ROOT, 'resources/sample/sample-letters.mat');
const MAT = process.env.NOTMNIST_MAT;
const HAVE_MAT = Boolean(MAT && fs.existsSync(MAT));
if (!HAVE_MAT) console.warn('test/cli/split: NOTMNIST_MAT is not set or missing; skipped.');

interface SplitJson {
  seed: number;
  testShare: number;
  train: number[];
  test: number[];
}

async function split(...args: string[]): Promise<SplitJson> {
  const run = await cliInProcess('split', ...args, '--json');
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout.trim().split('\n')).toHaveLength(1);
  return JSON.parse(run.stdout) as SplitJson;
}

describe('letter-lab split', () => {
  it('prints the split the app uses, seed 42 and 20% by default, test and train in split order', async () => {
    const out = await split('--mat', SAMPLE);
    const { set } = await loadDataset(SAMPLE, { fingerprint: false });
    expect(Object.keys(out)).toEqual(['seed', 'testShare', 'train', 'test']);
    expect([out.seed, out.testShare]).toEqual([42, 0.2]);
    expect(out.train).toEqual(Array.from(set.train));
    expect(out.test).toEqual(Array.from(set.test));
    expect(out.test).toHaveLength(Math.ceil(0.2 * set.count));
    expect([...out.train, ...out.test].sort((a, b) => a - b)).toEqual(
      Array.from({ length: set.count }, (_, i) => i),
    );
  });

  it('takes another seed and test share', async () => {
    const out = await split('--mat', SAMPLE, '--seed', '7', '--test-share', '0.35');
    const { set } = await loadDataset(SAMPLE, { fingerprint: false, seed: 7, testFraction: 0.35 });
    expect([out.seed, out.testShare]).toEqual([7, 0.35]);
    expect(out.test).toEqual(Array.from(set.test));
    expect(out.test).not.toEqual((await split('--mat', SAMPLE)).test.slice(0, out.test.length));
  });

  it.skipIf(!HAVE_MAT)(
    'on notMNIST_small.mat gives the notebook’s split (numpy/scikit-learn fixture)',
    async () => {
      const fixtures = JSON.parse(
        fs.readFileSync(path.join(ROOT, 'test/core/dataset/fixtures/split-fixtures.json'), 'utf8'),
      ) as {
        splits: { n: number; seed: number; test: { sha256: string }; train: { sha256: string } }[];
      };
      const notebook = fixtures.splits.find((c) => c.n === 18_724 && c.seed === 42)!;
      const out = await split('--mat', MAT as string);
      const sha = (list: number[]) => createHash('sha256').update(list.join(',')).digest('hex');
      expect([out.train.length, out.test.length]).toEqual([14_979, 3_745]);
      expect(sha(out.test)).toBe(notebook.test.sha256);
      expect(sha(out.train)).toBe(notebook.train.sha256);
    },
  );

  it('without --json prints the counts and the first positions', async () => {
    const run = await cliInProcess('split', '--mat', SAMPLE);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^seed 42, test share 0\.2: \d+ training and \d+ test letters/);
  });

  it.each([
    [[], /^error: Give the letters file with --mat FILE\. Usage: letter-lab split/],
    [['--mat', SAMPLE, '--test-share', '0'], /--test-share must be a number above 0 and below 1/],
    [['--mat', SAMPLE, '--test-share', '1'], /above 0 and below 1, e\.g\. 0\.2, got "1"/],
    [['--mat', SAMPLE, '--test-share', '20'], /got "20" \(for 20% write 0\.2\)/],
    [['--mat', SAMPLE, '--test-share', 'abc'], /--test-share must be a number/],
    [['--mat', SAMPLE, '--seed=-1'], /--seed must be a whole number from 0 to 4294967295/],
    [['--mat', SAMPLE, '--seed', '4294967296'], /--seed must be a whole number/],
    [['--mat', SAMPLE, '--seed', '1.5'], /--seed must be a whole number/],
    [['--mat', '/nonexistent.mat'], /^error: There is no file at/],
    [['--mat', path.join(ROOT, 'package.json')], /^error: This is not a MATLAB MAT-file/],
    [['--mat', SAMPLE, '--shuffle'], /^error: Unknown option '--shuffle'/],
  ])('%j exits 2 with one error line and no stack trace', async (args, message) => {
    expectRefused(await cliInProcess('split', ...args), message);
  });
});
