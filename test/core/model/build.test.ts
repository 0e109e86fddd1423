import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { LayerSpec, ModelSpec } from '../../../src-main/contract/spec';
import { initBackend } from '../../../src-main/core/backend';
import { buildModel, compileModel } from '../../../src-main/core/model/build';
import { PRESETS, summarize } from '../../../src-main/core/spec';

function spec(layers: LayerSpec[], input = { height: 28, width: 28, channels: 1 }): ModelSpec {
  return {
    version: 1,
    name: 'test',
    input,
    classes: 10,
    compile: { optimizer: 'adam', learningRate: 0.001, epochs: 1, batchSize: 32 },
    layers,
  };
}

const EVERY_TYPE: LayerSpec[] = [
  { type: 'conv2d', filters: 8, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
  { type: 'batchNormalization' },
  { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
  { type: 'conv2d', filters: 16, kernelSize: 3, strides: 2, padding: 'valid', activation: 'tanh' },
  { type: 'averagePool2d', poolSize: 2, strides: 1, padding: 'same' },
  { type: 'activation', activation: 'sigmoid' },
  { type: 'globalMaxPool2d' },
  { type: 'dense', units: 12, activation: 'linear' },
  { type: 'dropout', rate: 0.5 },
];

const values = (model: tfl.LayersModel) => model.getWeights().map((w) => Array.from(w.dataSync()));

describe('buildModel', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  it('builds every layer type with Keras names, shapes and the output Dense(classes, softmax)', () => {
    const model = buildModel(spec(EVERY_TYPE));
    expect(model.layers.map((l) => l.name)).toEqual([
      'conv2d_1',
      'batch_normalization_1',
      'max_pooling2d_1',
      'conv2d_2',
      'average_pooling2d_1',
      'activation_1',
      'global_max_pooling2d_1',
      'dense_1',
      'dropout_1',
      'dense_2',
    ]);
    expect(model.layers.map((l) => l.getClassName())).toEqual([
      'Conv2D',
      'BatchNormalization',
      'MaxPooling2D',
      'Conv2D',
      'AveragePooling2D',
      'Activation',
      'GlobalMaxPooling2D',
      'Dense',
      'Dropout',
      'Dense',
    ]);
    expect(model.inputs[0].shape).toEqual([null, 28, 28, 1]);
    expect(model.layers[3].outputShape).toEqual([null, 6, 6, 16]);
    expect(model.outputs[0].shape).toEqual([null, 10]);
    const output = model.layers.at(-1).getConfig();
    expect(output.activation).toBe('softmax');
    expect(output.units).toBe(10);
    // Keras's parameter count for this stack.
    const convs = 3 * 3 * 1 * 8 + 8 + (3 * 3 * 8 * 16 + 16);
    expect(model.countParams()).toBe(convs + 4 * 8 + (16 * 12 + 12) + (12 * 10 + 10));
    model.dispose();
  });

  it('uses glorot-uniform kernels, zero biases and Keras batch norm defaults', () => {
    const model = buildModel(
      spec([
        { type: 'flatten' },
        { type: 'dense', units: 64, activation: 'relu' },
        { type: 'batchNormalization' },
      ]),
      {
        seed: 3,
      },
    );
    const [kernel, bias] = model.layers[1].getWeights();
    const [gamma, beta, mean, variance] = model.layers[2].getWeights();
    const limit = Math.sqrt(6 / (784 + 64));
    const k = kernel.dataSync();
    expect(Math.max(...k)).toBeLessThanOrEqual(limit);
    expect(Math.min(...k)).toBeGreaterThanOrEqual(-limit);
    expect(Math.max(...k)).toBeGreaterThan(0.9 * limit); // uniform over the whole range, not normal
    expect(Array.from(bias.dataSync()).every((v) => v === 0)).toBe(true);
    expect(Array.from(gamma.dataSync()).every((v) => v === 1)).toBe(true);
    expect(Array.from(beta.dataSync()).every((v) => v === 0)).toBe(true);
    expect(Array.from(mean.dataSync()).every((v) => v === 0)).toBe(true);
    expect(Array.from(variance.dataSync()).every((v) => v === 1)).toBe(true);
    const bn = model.layers[2].getConfig();
    expect([bn.momentum, bn.epsilon]).toEqual([0.99, 0.001]);
    model.dispose();
  });

  it('gives the same weights for the same seed, and different ones otherwise', () => {
    const layers = EVERY_TYPE;
    const a = buildModel(spec(layers), { seed: 7 });
    const b = buildModel(spec(layers), { seed: 7 });
    const c = buildModel(spec(layers), { seed: 8 });
    expect(values(b)).toEqual(values(a));
    expect(values(c)[0]).not.toEqual(values(a)[0]);
    // Two conv layers of one model never share an initializer stream.
    const twin = buildModel(
      spec(
        [
          {
            type: 'conv2d',
            filters: 4,
            kernelSize: 3,
            strides: 1,
            padding: 'same',
            activation: 'relu',
          },
          {
            type: 'conv2d',
            filters: 4,
            kernelSize: 3,
            strides: 1,
            padding: 'same',
            activation: 'relu',
          },
          { type: 'flatten' },
        ],
        { height: 8, width: 8, channels: 4 },
      ),
      { seed: 1 },
    );
    expect(values(twin)[0]).not.toEqual(values(twin)[2]);
    [a, b, c, twin].forEach((m) => m.dispose());
  });

  it('refuses a model whose output layer would get an image instead of a vector', () => {
    const tensorsBefore = tf.memory().numTensors;
    expect(() => buildModel(spec([]))).toThrow(/add a Flatten or a global pooling layer/);
    expect(() =>
      buildModel(
        spec([
          {
            type: 'conv2d',
            filters: 4,
            kernelSize: 3,
            strides: 1,
            padding: 'valid',
            activation: 'relu',
          },
        ]),
      ),
    ).toThrow(expect.objectContaining({ code: 'model.invalid-spec' }));
    expect(() =>
      buildModel(
        spec(
          [
            {
              type: 'conv2d',
              filters: 4,
              kernelSize: 9,
              strides: 1,
              padding: 'valid',
              activation: 'relu',
            },
          ],
          { height: 4, width: 4, channels: 1 },
        ),
      ),
    ).toThrow(expect.objectContaining({ code: 'model.invalid-spec' }));
    // A refused model leaves no half-built weights behind.
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });

  it('builds every preset with the shapes and parameter counts of the spec summary, and trains it', async () => {
    for (const preset of PRESETS) {
      const model = buildModel(preset.spec, { seed: 1 });
      compileModel(model, preset.spec.compile);
      const summary = summarize(preset.spec);
      expect(model.layers.map((l) => l.name)).toEqual(summary.layers.map((l) => l.name));
      expect(model.layers.map((l) => l.outputShape)).toEqual(
        summary.layers.map((l) => l.outputShape),
      );
      expect(model.layers.map((l) => l.countParams())).toEqual(summary.layers.map((l) => l.params));
      expect(model.countParams()).toBe(summary.totalParams);
      const x = tf.randomUniform([8, 28, 28, 1]);
      const y = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 5, 6, 7], 'int32'), 10);
      const before = model.getWeights().map((w) => w.dataSync().slice());
      const [loss, acc] = (await model.trainOnBatch(x, y)) as number[];
      expect(Number.isFinite(loss) && loss > 0).toBe(true);
      // Accuracy over 8 letters is a whole number of eighths, at most 1.
      expect(acc * 8).toBeCloseTo(Math.round(acc * 8), 5);
      expect(acc).toBeLessThanOrEqual(1);
      // The step changed the weights: it trained.
      const after = model.getWeights().map((w) => w.dataSync());
      const changed = after.some((values, k) => values.some((v, j) => v !== before[k][j]));
      expect(changed, preset.id).toBe(true);
      tf.dispose([x, y]);
      model.dispose();
    }
  });
});

describe('compileModel', () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  for (const [optimizer, className, expected] of [
    ['adam', 'Adam', { learningRate: 0.002, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }],
    ['sgd', 'SGD', { learningRate: 0.002 }],
    [
      'rmsprop',
      'RMSProp',
      { learningRate: 0.002, decay: 0.9, momentum: 0, epsilon: 1e-7, centered: false },
    ],
  ] as const) {
    it(`${optimizer}: Keras defaults with the spec's learning rate, cross-entropy and accuracy`, () => {
      const s = spec([{ type: 'flatten' }]);
      const model = buildModel(s);
      compileModel(model, { ...s.compile, optimizer, learningRate: 0.002 });
      expect(model.optimizer.getClassName()).toBe(className);
      expect(model.optimizer.getConfig()).toMatchObject(expected);
      expect(model.loss).toBe('categoricalCrossentropy');
      expect(model.metricsNames).toEqual(['loss', 'acc']);
      model.dispose();
    });
  }

  it('rejects a learning rate that is not positive', () => {
    const s = spec([{ type: 'flatten' }]);
    const model = buildModel(s);
    expect(() => compileModel(model, { ...s.compile, learningRate: 0 })).toThrow(
      /learning rate must be a positive number/,
    );
    model.dispose();
  });
});
