// The Predict channels through the real API registry, against real networks: a conv network
// trained for a few batches on the bundled sample letters and an untrained logistic regression,
// both saved into a temp user-data folder and loaded by the model cache.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type { ModelSpec } from '../../src-main/contract/spec';
import type { ModelMeta } from '../../src-main/contract/training';
import { datasetRef } from '../../src-main/core/dataset/split';
import { buildModel, compileModel, loadModel, saveModel } from '../../src-main/core/model';
import { PRESETS } from '../../src-main/core/spec';
import { train } from '../../src-main/core/training';
import type { HostContext } from '../../src-main/host/context';
import { setupDataset } from '../../src-main/host/dataset';
import { setupPredict } from '../../src-main/host/predict';
import { ApiRegistry } from '../../src-main/host/registry';
import {
  hostCalls,
  makeHostContext,
  webPlatformWithoutTrainer,
  type HostCalls,
} from '../helpers/host';

function preset(id: string, epochs = 1): ModelSpec {
  const spec = structuredClone(PRESETS.find((p) => p.id === id)?.spec);
  if (!spec) throw new Error(`no preset ${id}`);
  spec.compile.epochs = epochs;
  return spec;
}

let userData: string;
let ctx: HostContext;
let registry: ApiRegistry;
let convDir: string;
let logisticDir: string;

let call: HostCalls['call'];
let fail: HostCalls['fail'];

function meta(spec: ModelSpec, history: ModelMeta['history'], accuracy: number | null): ModelMeta {
  const open = ctx.session.dataset;
  if (!open) throw new Error('no letters open');
  return {
    version: 1,
    name: spec.name,
    spec,
    compile: spec.compile,
    history,
    dataset: datasetRef({
      fingerprint: open.info.fingerprint,
      seed: open.info.split.seed,
      testFraction: open.info.split.testFraction,
    }),
    accuracy,
    backend: ctx.backend.name,
    savedAt: new Date().toISOString(),
  };
}

/** The grey levels 0..255 of letter `index` of the open set. */
function levels(index: number): number[] {
  const set = ctx.session.dataset?.set;
  if (!set) throw new Error('no letters open');
  return Array.from(set.images.subarray(index * 784, (index + 1) * 784), (v) =>
    Math.round(v * 255),
  );
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

beforeAll(async () => {
  userData = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-predict-'));
  ctx = await makeHostContext(
    userData,
    webPlatformWithoutTrainer('no training process in this test'),
  );
  registry = new ApiRegistry();
  ({ call, fail } = hostCalls(registry));
  setupDataset(registry, ctx);
  setupPredict(registry, ctx);
  await call('dataset:open-sample');
  const set = ctx.session.dataset?.set;
  if (!set) throw new Error('the sample letters did not open');

  // A conv network trained on a few batches of the sample letters.
  const convSpec = preset('conv-maxpool');
  const conv = buildModel(convSpec, { seed: 1 });
  compileModel(conv, convSpec.compile);
  const few = { ...set, train: set.train.slice(0, 512), test: set.test.slice(0, 128) };
  const result = await train(few, conv, { epochs: 1, batchSize: 64, seed: 1 });
  convDir = path.join(userData, 'models', 'conv');
  await saveModel(convDir, conv, meta(convSpec, result.history, result.valAcc));
  conv.dispose();

  // An untrained logistic regression: its answers are still probabilities.
  const logisticSpec = preset('logistic-regression');
  const logistic = buildModel(logisticSpec, { seed: 2 });
  compileModel(logistic, logisticSpec.compile);
  logisticDir = path.join(userData, 'models', 'logistic');
  await saveModel(logisticDir, logistic, meta(logisticSpec, [], null));
  logistic.dispose();
});

afterAll(async () => {
  await rm(userData, { recursive: true, force: true });
});

describe('predict channels', () => {
  it('before any network: no model info, and a clear error for predictions', async () => {
    expect(await call('predict:model')).toBeNull();
    const error = await fail('predict:pixels', { pixels: levels(0) });
    expect(error.code).toBe('model.not-found');
    expect(error.message).toMatch(/train one .* or load a saved one/);
    expect((await fail('predict:samples', { count: 3, seed: 1 })).code).toBe('model.not-found');
  });

  it('describes the network in use', async () => {
    ctx.session.models?.choose(convDir);
    const info = await call('predict:model');
    expect(info).toEqual({
      name: 'Convolution + MaxPool',
      source: 'saved',
      epochs: 1,
      accuracy: expect.any(Number),
      classNames: ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'],
      input: { height: 28, width: 28 },
      mapLayers: ['conv2d_1', 'max_pooling2d_1'],
      hasConv: true,
      sameSplit: true,
    });
  });

  it('answers for a picture with probabilities that sum to 1, as the saved network does', async () => {
    ctx.session.models?.choose(convDir);
    const { model } = await loadModel(convDir);
    try {
      for (const index of ctx.session.dataset?.set.test.slice(0, 5) ?? []) {
        const answer = await call('predict:pixels', { pixels: levels(index) });
        expect(answer.probabilities).toHaveLength(10);
        expect(sum(answer.probabilities)).toBeCloseTo(1, 5);
        expect(answer.predicted).toBe(
          answer.probabilities.indexOf(Math.max(...answer.probabilities)),
        );
        const direct = tf.tidy(() =>
          Array.from(
            (
              model.predict(
                tf.tensor4d(
                  levels(index).map((v) => v / 255),
                  [1, 28, 28, 1],
                ),
              ) as tf.Tensor
            ).dataSync(),
          ),
        );
        answer.probabilities.forEach((p, k) => expect(p).toBeCloseTo(direct[k], 5));
      }
    } finally {
      model.dispose();
    }
  });

  it('picks random test letters, the same for the same seed, with the network’s answers', async () => {
    ctx.session.models?.choose(convDir);
    const first = await call('predict:samples', { count: 8, seed: 99 });
    const again = await call('predict:samples', { count: 8, seed: 99 });
    const other = await call('predict:samples', { count: 8, seed: 100 });
    const test = new Set(ctx.session.dataset?.set.test);
    const indices = first.letters.map((l) => l.image.index);
    expect(new Set(indices).size).toBe(8);
    expect(indices.every((i) => test.has(i))).toBe(true);
    expect(first.letters.every((l) => l.image.test)).toBe(true);
    expect(again.letters.map((l) => l.image.index)).toEqual(indices);
    expect(other.letters.map((l) => l.image.index)).not.toEqual(indices);
    expect(first.testCount).toBe(test.size);
    expect(first.sameSplit).toBe(true);
    for (const letter of first.letters) {
      expect(letter.image.label).toBe(ctx.session.dataset?.set.labels[letter.image.index]);
      expect(sum(letter.probabilities)).toBeCloseTo(1, 5);
      // The batch answer equals the single-picture answer.
      const single = await call('predict:pixels', { pixels: letter.image.pixels });
      letter.probabilities.forEach((p, k) => expect(p).toBeCloseTo(single.probabilities[k], 5));
    }
    // A few batches of training already beat chance (10%) on the test letters.
    const right = (await call('predict:samples', { count: 24, seed: 5 })).letters.filter(
      (l) => l.predicted === l.image.label,
    ).length;
    expect(right).toBeGreaterThan(24 * 0.1);
  });

  it('shows the activation maps of a test letter and of a drawn picture, and the first filters', async () => {
    ctx.session.models?.choose(convDir);
    const index = ctx.session.dataset?.set.test[3] ?? 0;
    const view = await call('predict:activations', { index });
    expect(view.label).toBe(ctx.session.dataset?.set.labels[index]);
    expect(view.input).toEqual(levels(index));
    expect(
      view.layers.map((l) => [l.name, l.className, l.height, l.width, l.channels, l.shown]),
    ).toEqual([
      ['conv2d_1', 'Conv2D', 26, 26, 16, 16],
      ['max_pooling2d_1', 'MaxPooling2D', 13, 13, 16, 16],
    ]);
    for (const layer of view.layers) {
      const bytes = Buffer.from(layer.maps, 'base64');
      expect(bytes.length).toBe(layer.shown * layer.height * layer.width);
      expect(layer.ranges).toHaveLength(layer.shown);
    }
    // Max pooling keeps the largest value of each 2x2 window: the same maximum per map.
    view.layers[1].ranges.forEach(([, max], c) =>
      expect(max).toBeCloseTo(view.layers[0].ranges[c][1], 3),
    );
    expect(view.filters).toMatchObject({
      layerName: 'conv2d_1',
      kernelHeight: 3,
      kernelWidth: 3,
      filters: 16,
      shown: 16,
    });
    expect(view.filters?.weights).toHaveLength(16 * 9);
    const answer = await call('predict:pixels', { pixels: levels(index) });
    view.probabilities.forEach((p, k) => expect(p).toBeCloseTo(answer.probabilities[k], 5));
    const drawn = await call('predict:activations', { pixels: levels(index) });
    expect(drawn.label).toBeNull();
    expect(drawn.layers[0].maps).toBe(view.layers[0].maps);
    // Small enough to send on every stroke: report the size.
    const bytes = JSON.stringify(view).length;
    console.log(`predict:activations for conv-maxpool: ${bytes} bytes of JSON`);
    expect(bytes).toBeLessThan(40_000);
  });

  it('a network without convolutions has no maps or filters, and its answers are probabilities', async () => {
    ctx.session.models?.choose(logisticDir);
    const info = await call('predict:model');
    expect(info).toMatchObject({
      name: 'Logistic regression',
      mapLayers: [],
      hasConv: false,
      epochs: 0,
    });
    const view = await call('predict:activations', { pixels: levels(1) });
    expect(view.layers).toEqual([]);
    expect(view.filters).toBeNull();
    expect(sum(view.probabilities)).toBeCloseTo(1, 5);
    const answer = await call('predict:pixels', { pixels: new Array(784).fill(0) });
    expect(sum(answer.probabilities)).toBeCloseTo(1, 5);
  });

  it('keeps no tensors from call to call', async () => {
    ctx.session.models?.choose(convDir);
    await call('predict:activations', { index: 0 });
    const before = tf.memory().numTensors;
    for (let k = 0; k < 3; k++) {
      await call('predict:pixels', { pixels: levels(k) });
      await call('predict:samples', { count: 6, seed: k });
      await call('predict:activations', { index: k });
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses bad requests with specific messages', async () => {
    ctx.session.models?.choose(convDir);
    const short = await fail('predict:pixels', { pixels: new Array(100).fill(0) });
    expect(short.code).toBe('predict.bad-input');
    expect(short.message).toMatch(/28x28x1 images \(784 values each\); got 100 values/);
    expect((await fail('predict:pixels', { pixels: [...levels(0).slice(1), 300] })).code).toBe(
      'api.bad-request',
    );
    expect((await fail('predict:pixels', { pixels: [] })).code).toBe('api.bad-request');
    expect((await fail('predict:samples', { count: 0, seed: 1 })).code).toBe('api.bad-request');
    expect((await fail('predict:samples', { count: 25, seed: 1 })).code).toBe('api.bad-request');
    const far = await fail('predict:activations', { index: 10_000_000 });
    expect(far.code).toBe('api.bad-request');
    expect(far.message).toMatch(/no letter number 10000000/);
  });

  it('says when the open letters are split differently from the network’s training', async () => {
    ctx.session.models?.choose(convDir);
    await call('dataset:split', { seed: 7, testFraction: 0.2 });
    expect((await call('predict:model'))?.sameSplit).toBe(false);
    expect((await call('predict:samples', { count: 2, seed: 1 })).sameSplit).toBe(false);
    await call('dataset:split', { seed: 42, testFraction: 0.2 });
    expect((await call('predict:model'))?.sameSplit).toBe(true);
  });
});
