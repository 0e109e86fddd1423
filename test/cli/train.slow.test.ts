// `letter-lab train` for real: logistic regression on the bundled sample letters in a training
// process, the JSON it prints, the tensors it leaves behind, and the model it saves.
import { spawn, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../../src-main/core/backend';
import { loadDataset } from '../../src-main/core/dataset/load';
import { cliInProcess, cliTestHome, ROOT, expectRefused } from '../helpers/cli';
import { loadOverHttp } from '../helpers/load-over-http';

const SAMPLE = path.join(ROOT, 'resources', 'sample', 'sample-letters.mat');

interface TrainJson {
  backend: string;
  epochs: {
    epoch: number;
    loss: number;
    acc: number;
    valLoss: number;
    valAcc: number;
    seconds: number;
    samplesPerSecond: number;
  }[];
  numTensors: { before: number; after: number };
  savedTo: string | null;
  runId: string | null;
}

let tmp: string;

describe('letter-lab train', () => {
  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-cli-train-'));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it('trains logistic regression on the sample set: JSON history, no leaked tensors, a loadable model', async () => {
    const saveDir = path.join(tmp, 'saved');
    const run = await cliInProcess(
      'train',
      '--mat',
      SAMPLE,
      '--preset',
      'logistic-regression',
      '--epochs',
      '1',
      '--save',
      saveDir,
      '--json',
    );
    expect(run.stderr).not.toMatch(/^error/m);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as TrainJson;
    expect(Object.keys(out).sort()).toEqual([
      'backend',
      'epochs',
      'numTensors',
      'runId',
      'savedTo',
      'stopped',
    ]);
    expect(['wasm', 'tensorflow', 'cpu']).toContain(out.backend);
    expect(out.epochs).toHaveLength(1);
    const [epoch] = out.epochs;
    expect(Object.keys(epoch).sort()).toEqual(
      ['acc', 'epoch', 'loss', 'samplesPerSecond', 'seconds', 'valAcc', 'valLoss'].sort(),
    );
    expect(epoch.epoch).toBe(1);
    // Ten letters: chance is 10% and ln(10) = 2.30; one epoch of SGD must do better.
    expect(epoch.loss).toBeLessThan(Math.log(10));
    expect(epoch.valAcc).toBeGreaterThan(0.2);
    expect(epoch.valAcc).toBeLessThanOrEqual(1);
    expect(epoch.seconds).toBeGreaterThan(0);
    expect(epoch.samplesPerSecond).toBeGreaterThan(0);
    expect(out.savedTo).toBe(saveDir);

    // Progress went to stderr: a line per ~10% of the batches, then the epoch line.
    const lines = run.stderr.trim().split('\n');
    expect(lines.filter((l) => /^epoch 1\/1 +\d+%/.test(l)).length).toBeGreaterThanOrEqual(8);
    expect(lines.at(-2)).toMatch(/^epoch 1\/1 {2}loss [\d.]+ {2}acc [\d.]+ {2}val_loss [\d.]+/);
    expect(lines.at(-1)).toBe(
      `Recorded in the lab notebook as run ${out.runId} (see \`letter-lab runs\`).`,
    );

    // The saved model is plain TensorFlow.js, and its accuracy on the test split is the reported one.
    expect((await readdir(saveDir)).sort()).toEqual(['meta.json', 'model.json', 'weights.bin']);
    await initBackend('wasm');
    const model = await loadOverHttp(saveDir);
    const { set } = await loadDataset(SAMPLE, { seed: 42, testFraction: 0.2 });
    const size = set.height * set.width;
    const images = new Float32Array(set.test.length * size);
    set.test.forEach((index, i) =>
      images.set(set.images.subarray(index * size, (index + 1) * size), i * size),
    );
    const predicted = tf.tidy(() => {
      const x = tf.tensor4d(images, [set.test.length, set.height, set.width, 1]);
      return tf.argMax(model.predict(x) as tf.Tensor, -1).dataSync();
    });
    const correct = set.test.filter((index, i) => predicted[i] === set.labels[index]).length;
    expect(correct / set.test.length).toBeCloseTo(epoch.valAcc, 5);
    model.dispose();
    // Last: the training process freed every tensor it made (model, optimizer, batches, saves).
    expect(Number.isInteger(out.numTensors.before)).toBe(true);
    expect(out.numTensors.after).toBe(out.numTensors.before);
  });

  it('prints a table without --json, and keeps no scratch model without --save', async () => {
    const before = new Set(spawnSync('ls', [os.tmpdir()], { encoding: 'utf8' }).stdout.split('\n'));
    const run = await cliInProcess(
      'train',
      '--mat',
      SAMPLE,
      '--preset',
      'logistic-regression',
      '--epochs',
      '2',
      '--batch-size',
      '256',
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^backend \w+\nepoch {2}loss/);
    expect(run.stdout.trim().split('\n')).toHaveLength(4);
    expect(run.stderr).toMatch(/batch \d+\/11 /); // 2,800 training letters in batches of 256
    const after = spawnSync('ls', [os.tmpdir()], { encoding: 'utf8' }).stdout.split('\n');
    expect(after.filter((n) => n.startsWith('letter-lab-train-') && !before.has(n))).toEqual([]);
  });

  it('stops on Ctrl+C after the current batch and still prints what it trained', async () => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src-main/cli/main.ts',
        'train',
        '--mat',
        SAMPLE,
        '--preset',
        'mlp',
        '--epochs',
        '50',
        '--json',
      ],
      { cwd: ROOT, env: { ...process.env, LETTER_LAB_HOME: cliTestHome() } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/^epoch 1\/50 {2}loss/m.test(stderr) && !child.killed) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    expect(stderr).toMatch(/Stopping after this batch/);
    expect(code).toBe(0);
    const out = JSON.parse(stdout) as TrainJson & { stopped: boolean };
    expect(out.stopped).toBe(true);
    expect(out.epochs.length).toBeGreaterThanOrEqual(1);
    expect(out.epochs.length).toBeLessThan(50);
    expect(out.numTensors.after).toBe(out.numTensors.before);
  });

  describe('bad input exits 2 with one line', () => {
    let notMat: string;
    let truncated: string;
    let occupied: string;
    beforeAll(async () => {
      notMat = path.join(tmp, 'letters.mat');
      await writeFile(notMat, 'just some text, not a MAT-file at all, but long enough '.repeat(4));
      truncated = path.join(tmp, 'short.mat');
      await writeFile(truncated, (await readFile(SAMPLE)).subarray(0, 60));
      occupied = path.join(tmp, 'occupied');
      await mkdir(occupied);
      await writeFile(path.join(occupied, 'notes.txt'), 'keep me');
    });

    const sample = ['--mat', SAMPLE];
    const lr = ['--preset', 'logistic-regression'];
    it.each([
      ['no --mat', () => ['train', ...lr], /^error: Give the letters file with --mat FILE/],
      [
        'no model',
        () => ['train', ...sample],
        /^error: Give exactly one of --preset ID or --spec FILE/,
      ],
      [
        'a preset that does not exist',
        () => ['train', ...sample, '--preset', 'resnet'],
        /^error: There is no preset "resnet"; presets: logistic-regression/,
      ],
      [
        'epochs that are not a whole number',
        () => ['train', ...sample, ...lr, '--epochs', '1.5'],
        /^error: --epochs must be a whole number from 1 to 1000, got "1\.5"/,
      ],
      [
        'a zero batch size',
        () => ['train', ...sample, ...lr, '--batch-size', '0'],
        /^error: --batch-size must be a whole number from 1 to/,
      ],
      [
        'a negative seed',
        () => ['train', ...sample, ...lr, '--seed=-3'],
        /^error: --seed must be a whole number/,
      ],
      [
        'a missing file',
        () => ['train', '--mat', path.join(tmp, 'nope.mat'), ...lr],
        /^error: There is no file at .*nope\.mat/,
      ],
      [
        'a folder as --mat',
        () => ['train', '--mat', tmp, ...lr],
        /^error: .* is a folder, not a \.mat file/,
      ],
      [
        'a file that is no MAT-file',
        () => ['train', '--mat', notMat, ...lr],
        /^error: This is not a MATLAB MAT-file/,
      ],
      [
        'a cut-short MAT-file',
        () => ['train', '--mat', truncated, ...lr],
        /^error: The file is cut short: the 128-byte MAT-file header/,
      ],
      [
        '--save into a folder with other files',
        () => ['train', ...sample, ...lr, '--save', occupied],
        /^error: --save .*occupied exists and is not an empty folder or a saved model/,
      ],
      [
        'an unknown option',
        () => ['train', ...sample, ...lr, '--gpu'],
        /^error: Unknown option '--gpu'\. Usage: letter-lab train/,
      ],
    ])('%s', async (_what, args, message) => {
      const run = await cliInProcess(...args());
      expectRefused(run, message);
    });

    it('left the occupied --save folder alone', async () => {
      expect(await readdir(occupied)).toEqual(['notes.txt']);
    });
  });
});
