import { spawn } from 'node:child_process';
import {
  mkdtemp,
  mkdir,
  readFile,
  readdir,
  rm,
  stat,
  truncate,
  writeFile,
  cp,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { ModelSpec } from '../../../src-main/contract/spec';
import type { ModelMeta } from '../../../src-main/contract/training';
import { initBackend } from '../../../src-main/core/backend';
import { buildModel, compileModel } from '../../../src-main/core/model/build';
import {
  deleteModel,
  listModels,
  loadModel,
  renameModel,
  saveModel,
} from '../../../src-main/core/model/store';

const SPEC: ModelSpec = {
  version: 1,
  name: 'round trip',
  input: { height: 10, width: 10, channels: 1 },
  classes: 3,
  compile: { optimizer: 'adam', learningRate: 0.01, epochs: 1, batchSize: 8 },
  layers: [
    { type: 'conv2d', filters: 4, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
    { type: 'batchNormalization' },
    { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
    { type: 'flatten' },
    { type: 'dense', units: 8, activation: 'tanh' },
    { type: 'dropout', rate: 0.25 },
  ],
};

function meta(name: string, spec = SPEC): ModelMeta {
  return {
    version: 1,
    name,
    spec,
    compile: spec.compile,
    history: [
      {
        epoch: 1,
        loss: 1.2,
        acc: 0.5,
        valLoss: 1.1,
        valAcc: 0.55,
        seconds: 2,
        samplesPerSecond: 100,
      },
    ],
    dataset: { fingerprint: 'sha256:abc', splitSeed: 42 },
    accuracy: 0.55,
    backend: 'wasm',
    savedAt: '2024-05-01T12:00:00.000Z',
  };
}

const x = () =>
  tf.tensor4d(
    Float32Array.from({ length: 6 * 100 }, (_, i) => ((i * 37) % 101) / 101),
    [6, 10, 10, 1],
  );
const y = () => tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2], 'int32'), 3);

function predict(model: tfl.LayersModel): Float32Array {
  return tf.tidy(() => (model.predict(x()) as tf.Tensor).dataSync() as Float32Array);
}

async function trainedModel(seed: number): Promise<tfl.LayersModel> {
  const model = buildModel(SPEC, { seed });
  compileModel(model, SPEC.compile);
  const [xs, ys] = [x(), y()];
  for (let i = 0; i < 3; i++) await model.trainOnBatch(xs, ys);
  tf.dispose([xs, ys]);
  return model;
}

let root: string;

describe('model store', () => {
  beforeAll(async () => {
    await initBackend('wasm');
    root = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-models-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('saves model.json + weights.bin + meta.json and loads identical predictions, meta and optimizer', async () => {
    const model = await trainedModel(1);
    const dir = path.join(root, 'round-trip');
    await saveModel(dir, model, meta('My model'));
    expect((await readdir(dir)).sort()).toEqual(['meta.json', 'model.json', 'weights.bin']);
    const { model: loaded, meta: loadedMeta } = await loadModel(dir);
    expect(loadedMeta).toEqual(meta('My model'));
    expect(Array.from(predict(loaded))).toEqual(Array.from(predict(model)));
    expect(loaded.layers.map((l) => l.name)).toEqual(model.layers.map((l) => l.name));
    // The optimizer state came along: one more identical step gives identical weights
    // (with the same dropout mask in both, as the training loop does with its per-batch seeds).
    for (const m of [model, loaded]) {
      for (const l of m.layers)
        if (l.getClassName() === 'Dropout') (l as unknown as { seed: number }).seed = 77;
    }
    const [xs, ys] = [x(), y()];
    await model.trainOnBatch(xs, ys);
    await loaded.trainOnBatch(xs, ys);
    tf.dispose([xs, ys]);
    const after = model.getWeights().map((w) => Array.from(w.dataSync()));
    const afterLoaded = loaded.getWeights().map((w) => Array.from(w.dataSync()));
    expect(afterLoaded).toEqual(after);
    model.dispose();
    loaded.dispose();
  });

  it('writes a folder that plain tf.loadLayersModel reads (model.json + weights through tf.io.fromMemory)', async () => {
    const model = await trainedModel(2);
    const dir = path.join(root, 'plain-tfjs');
    await saveModel(dir, model, meta('plain')); // with the optimizer state, the default
    const json = JSON.parse(await readFile(path.join(dir, 'model.json'), 'utf8'));
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0].paths).toEqual(['./weights.bin']);
    const weights = await readFile(path.join(dir, 'weights.bin'));
    const specs = json.weightsManifest.flatMap((g: { weights: unknown[] }) => g.weights);
    const plain = await tfl.loadLayersModel(
      tf.io.fromMemory({
        modelTopology: json.modelTopology,
        weightSpecs: specs,
        weightData: weights.buffer.slice(
          weights.byteOffset,
          weights.byteOffset + weights.byteLength,
        ),
      }),
    );
    expect(Array.from(predict(plain))).toEqual(Array.from(predict(model)));
    model.dispose();
    plain.dispose();
  });

  it('saves without the optimizer state on request, and compiles such a model from meta on load', async () => {
    const model = await trainedModel(8);
    const lean = path.join(root, 'lean');
    const full = path.join(root, 'full');
    await saveModel(lean, model, meta('lean'), { includeOptimizer: false });
    await saveModel(full, model, meta('full'));
    const size = async (d: string) => (await stat(path.join(d, 'weights.bin'))).size;
    expect(await size(lean)).toBeLessThan(await size(full));
    const { model: loaded } = await loadModel(lean);
    expect(loaded.optimizer.getClassName()).toBe('Adam');
    expect(loaded.optimizer.getConfig()).toMatchObject({
      learningRate: SPEC.compile.learningRate,
      epsilon: 1e-7,
    });
    expect(Array.from(predict(loaded))).toEqual(Array.from(predict(model)));
    model.dispose();
    loaded.dispose();
  });

  it('replaces an existing model, or refuses with overwrite: false', async () => {
    const dir = path.join(root, 'replace');
    const first = await trainedModel(3);
    const second = await trainedModel(4);
    await saveModel(dir, first, meta('first'));
    await saveModel(dir, second, meta('second'));
    const { model, meta: m } = await loadModel(dir);
    expect(m.name).toBe('second');
    expect(Array.from(predict(model))).toEqual(Array.from(predict(second)));
    await expect(saveModel(dir, first, meta('third'), { overwrite: false })).rejects.toMatchObject({
      code: 'model.exists',
    });
    expect((await readdir(root)).filter((n) => n.startsWith('.'))).toEqual([]);
    tf.dispose([first, second, model] as unknown as tf.Tensor[]);
  });

  it('names the missing folder, and the damaged file and what is wrong with it', async () => {
    await expect(loadModel(path.join(root, 'nope'))).rejects.toMatchObject({
      code: 'model.not-found',
    });
    const good = path.join(root, 'good');
    const model = await trainedModel(5);
    await saveModel(good, model, meta('good'));
    model.dispose();
    const damaged = async (name: string, damage: (dir: string) => Promise<void>) => {
      const dir = path.join(root, name);
      await cp(good, dir, { recursive: true });
      await damage(dir);
      return loadModel(dir);
    };
    await expect(
      damaged('short-weights', (d) => truncate(path.join(d, 'weights.bin'), 100)),
    ).rejects.toMatchObject({
      code: 'model.corrupt',
      message: expect.stringMatching(/weights\.bin has 100 bytes but model\.json needs \d+/),
    });
    await expect(damaged('no-weights', (d) => rm(path.join(d, 'weights.bin')))).rejects.toThrow(
      /weights\.bin is missing/,
    );
    await expect(
      damaged('bad-json', (d) => writeFile(path.join(d, 'model.json'), '{"modelTopology": ')),
    ).rejects.toThrow(/model\.json is not valid JSON/);
    await expect(
      damaged('bad-topology', async (d) => {
        const json = JSON.parse(await readFile(path.join(d, 'model.json'), 'utf8'));
        json.modelTopology.config.layers[0].class_name = 'NoSuchLayer';
        await writeFile(path.join(d, 'model.json'), JSON.stringify(json));
      }),
    ).rejects.toThrow(/model\.json does not describe a loadable model/);
    await expect(
      damaged('bad-meta', async (d) => {
        const m = JSON.parse(await readFile(path.join(d, 'meta.json'), 'utf8'));
        delete m.history;
        await writeFile(path.join(d, 'meta.json'), JSON.stringify(m));
      }),
    ).rejects.toThrow(/meta\.json field "history" is not a list/);
    await expect(
      damaged('bad-split', async (d) => {
        const m = JSON.parse(await readFile(path.join(d, 'meta.json'), 'utf8'));
        m.dataset = { ...m.dataset, split: 'random' };
        await writeFile(path.join(d, 'meta.json'), JSON.stringify(m));
      }),
    ).rejects.toThrow(/meta\.json field "dataset\.split" is neither "sklearn" nor "mixed"/);
    await expect(damaged('no-meta', (d) => rm(path.join(d, 'meta.json')))).rejects.toThrow(
      /meta\.json is missing/,
    );
  });

  it('lists, renames and deletes models', async () => {
    const shelf = path.join(root, 'shelf');
    const model = await trainedModel(6);
    await saveModel(path.join(shelf, 'b-model'), model, meta('Bee'));
    await saveModel(path.join(shelf, 'a-model'), model, meta('Ay'));
    await mkdir(path.join(shelf, 'empty-folder'));
    await writeFile(path.join(shelf, 'stray.txt'), 'not a model');
    model.dispose();
    let list = await listModels(shelf);
    expect(list.map((e) => [e.id, e.meta?.name ?? null, e.problem === null])).toEqual([
      ['a-model', 'Ay', true],
      ['b-model', 'Bee', true],
      ['empty-folder', null, false],
    ]);
    expect(list[2].problem).toMatch(/meta\.json is missing/);
    const renamed = await renameModel(path.join(shelf, 'a-model'), '  Letters v2 ');
    expect(renamed.name).toBe('Letters v2');
    await expect(renameModel(path.join(shelf, 'a-model'), '   ')).rejects.toMatchObject({
      code: 'model.bad-name',
    });
    await deleteModel(path.join(shelf, 'b-model'));
    await expect(deleteModel(path.join(shelf, 'b-model'))).rejects.toMatchObject({
      code: 'model.not-found',
    });
    list = await listModels(shelf);
    expect(list.map((e) => [e.id, e.meta?.name ?? null])).toEqual([
      ['a-model', 'Letters v2'],
      ['empty-folder', null],
    ]);
    expect(await listModels(path.join(root, 'no-such-root'))).toEqual([]);
  });

  it('puts back the previous model when a save died between its two renames', async () => {
    const shelf = path.join(root, 'interrupted');
    const model = await trainedModel(7);
    await saveModel(path.join(shelf, 'm'), model, meta('kept'));
    // A process that is surely dead: a finished child.
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) =>
      child.on('exit', () => resolve(child.pid ?? 0)),
    );
    const { rename } = await import('node:fs/promises');
    await rename(path.join(shelf, 'm'), path.join(shelf, `.old-m-${deadPid}-0badf00d`));
    await mkdir(path.join(shelf, `.tmp-m-${deadPid}-0badf00d`));
    const list = await listModels(shelf);
    expect(list.map((e) => [e.id, e.meta?.name])).toEqual([['m', 'kept']]);
    expect(await readdir(shelf)).toEqual(['m']);
    const { model: loaded } = await loadModel(path.join(shelf, 'm'));
    expect(Array.from(predict(loaded))).toEqual(Array.from(predict(model)));
    model.dispose();
    loaded.dispose();
  });
});
