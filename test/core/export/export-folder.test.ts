import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LetterLabError } from '../../../src-main/core/errors';
import { exportKerasFolder } from '../../../src-main/core/export/export-folder';
import { expectedWeights } from '../../../src-main/core/export/weights-order';
import { patterns, readNpy, readZip, words } from './read-npz';
import { appNames, convnet, fullyConv, logistic } from './specs';
import { expectReportMatchesSpec, hasNumpyScipy, runWithStandIns, writeSmallMat } from './stand-in';
import { tfjsModel, tfjsWeights } from './tfjs-model';

const root = mkdtempSync(join(tmpdir(), 'letter-lab-export-'));
let counter = 0;
const freshDir = (): string => join(root, `out-${counter++}`);
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** Trained-looking weights from a real tfjs model of the spec, in tfjs's own order. */
function weightsOf(spec: typeof convnet): ReturnType<typeof tfjsWeights> {
  const model = tfjsModel(spec, appNames(spec));
  const weights = tfjsWeights(model).map((w) => ({
    ...w,
    data: w.data.map((v, i) => v + i * 1e-3),
  }));
  model.dispose();
  return weights;
}

async function errorOf(promise: Promise<unknown>): Promise<LetterLabError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LetterLabError);
  return err as LetterLabError;
}

describe('exportKerasFolder', () => {
  it('writes model.py, weights.npz in Keras order (bit for bit) and README.md', async () => {
    const dir = freshDir();
    const weights = weightsOf(fullyConv);
    const { files } = await exportKerasFolder(dir, fullyConv, weights);
    expect(files).toEqual(['model.py', 'weights.npz', 'README.md'].map((f) => join(dir, f)));
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'model.py', 'weights.npz']);

    const entries = readZip(readFileSync(join(dir, 'weights.npz')));
    const order = expectedWeights(fullyConv).map((e) => `${e.layerName}/${e.kind}`);
    expect(entries.map((e) => e.name)).toEqual(order.map((_, i) => `arr_${i}.npy`));
    entries.forEach((entry, i) => {
      const source = weights.find((w) => w.name === order[i]);
      if (!source) throw new Error(`no weight ${order[i]}`);
      const npy = readNpy(entry.data);
      expect(npy.shape, order[i]).toEqual(source.shape);
      expect(words(npy.bytes), order[i]).toEqual(patterns(source.data));
    });

    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('pip install tensorflow scipy scikit-learn numpy');
    expect(readme).toContain('python model.py');
    expect(readme).toContain('notMNIST_small.mat');
    expect(readme).toContain('Colab');
    expect(readme).toContain('| batch_normalization_2 | (None, 26, 26, 20) | 80 |');
  });

  it.skipIf(!hasNumpyScipy)(
    'model.py hands the weights to set_weights in Keras order',
    async () => {
      const dir = freshDir();
      const weights = weightsOf(fullyConv);
      await exportKerasFolder(dir, fullyConv, weights);
      writeSmallMat(join(dir, 'notMNIST_small.mat'), 30);
      const report = runWithStandIns(dir);
      expectReportMatchesSpec(report, fullyConv, appNames(fullyConv));
      const sha = (d: Float32Array): string =>
        createHash('sha256')
          .update(new Uint8Array(d.buffer, d.byteOffset, d.byteLength))
          .digest('hex');
      const expected = expectedWeights(fullyConv).map((e) => {
        const w = weights.find((x) => x.name === `${e.layerName}/${e.kind}`);
        if (!w) throw new Error(`no weight ${e.layerName}/${e.kind}`);
        return { shape: w.shape, dtype: 'float32', sha256: sha(w.data) };
      });
      expect(report.set_weights).toEqual(expected);
      expect(report.evaluate?.X.shape).toEqual([6, 28, 28, 1]);
    },
  );

  it('creates missing parent folders and writes no weights.npz without weights', async () => {
    const dir = join(freshDir(), 'nested', 'deeper');
    const { files } = await exportKerasFolder(dir, logistic, null);
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['model.py', 'README.md']);
    expect(readFileSync(join(dir, 'model.py'), 'utf8')).not.toContain('weights.npz');
  });

  it('refuses a folder with other files in it and writes nothing there', async () => {
    const dir = freshDir();
    mkdirSync(dir);
    writeFileSync(join(dir, 'thesis.docx'), 'precious');
    const err = await errorOf(exportKerasFolder(dir, convnet, null));
    expect(err.code).toBe('export.folder-not-empty');
    expect(err.message).toContain('thesis.docx');
    expect(readdirSync(dir)).toEqual(['thesis.docx']);
  });

  it('ignores files the operating system drops into folders', async () => {
    const dir = freshDir();
    mkdirSync(dir);
    writeFileSync(join(dir, '.DS_Store'), '');
    await exportKerasFolder(dir, convnet, null);
    expect(existsSync(join(dir, 'model.py'))).toBe(true);
  });

  it('overwrites an earlier export, keeps the dataset copy and drops stale weights', async () => {
    const dir = freshDir();
    await exportKerasFolder(dir, convnet, weightsOf(convnet));
    writeFileSync(join(dir, 'notMNIST_small.mat'), 'the user put the dataset here');
    await exportKerasFolder(dir, fullyConv, null);
    expect(readdirSync(dir).sort()).toEqual(['README.md', 'model.py', 'notMNIST_small.mat']);
    expect(readFileSync(join(dir, 'model.py'), 'utf8')).toContain(
      '# Letter Lab export: Fully convolutional',
    );
    expect(readFileSync(join(dir, 'notMNIST_small.mat'), 'utf8')).toBe(
      'the user put the dataset here',
    );
  });

  it('refuses a model.py that is not ours', async () => {
    const dir = freshDir();
    mkdirSync(dir);
    writeFileSync(join(dir, 'model.py'), 'print("my own work")\n');
    expect((await errorOf(exportKerasFolder(dir, convnet, null))).code).toBe(
      'export.folder-not-empty',
    );
    expect(readFileSync(join(dir, 'model.py'), 'utf8')).toBe('print("my own work")\n');
  });

  it('refuses a path that is a file', async () => {
    const file = join(root, `a-file-${counter++}`);
    writeFileSync(file, 'x');
    const err = await errorOf(exportKerasFolder(file, convnet, null));
    expect(err.code).toBe('export.not-a-folder');
  });

  it('checks the weights before creating anything', async () => {
    const dir = freshDir();
    const err = await errorOf(exportKerasFolder(dir, convnet, weightsOf(fullyConv)));
    expect(err.code).toBe('export.weights-mismatch');
    expect(existsSync(dir)).toBe(false);
  });
});
