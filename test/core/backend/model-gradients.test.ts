// End to end: the loss gradients of small models with every layer type, wasm vs cpu.
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../../src-main/core/backend';
import { relativeMaxError, seededFloats, size } from './numeric';

const TOLERANCE = 1e-4;
const BATCH = 6;
const CLASSES = 3;
const worst: Record<string, number> = {};

type LayerMaker = () => tfl.layers.Layer;

const MODELS: Record<string, { input: [number, number, number]; layers: LayerMaker[] }> = {
  'conv relu valid -> maxpool -> conv tanh same stride 2 -> dense sigmoid -> dropout': {
    input: [12, 12, 1],
    layers: [
      () => tfl.layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu' }),
      () => tfl.layers.maxPooling2d({ poolSize: 2 }),
      () =>
        tfl.layers.conv2d({
          filters: 6,
          kernelSize: 3,
          strides: 2,
          padding: 'same',
          activation: 'tanh',
        }),
      () => tfl.layers.flatten(),
      () => tfl.layers.dense({ units: 8, activation: 'sigmoid' }),
      // A fixed seed gives the same dropout mask on both backends.
      () => tfl.layers.dropout({ rate: 0.5, seed: 17 }),
    ],
  },
  'conv same -> batch norm -> avgpool same -> conv linear stride 2 -> global max pool': {
    input: [11, 11, 2],
    layers: [
      () => tfl.layers.conv2d({ filters: 5, kernelSize: 3, padding: 'same', activation: 'relu' }),
      () => tfl.layers.batchNormalization(),
      () => tfl.layers.averagePooling2d({ poolSize: 2, padding: 'same' }),
      () => tfl.layers.conv2d({ filters: 4, kernelSize: 2, strides: 2 }),
      () => tfl.layers.globalMaxPooling2d({}),
    ],
  },
  'conv stride 2 valid -> activation relu -> overlapping maxpool -> global average pool': {
    input: [13, 13, 1],
    layers: [
      () => tfl.layers.conv2d({ filters: 6, kernelSize: 3, strides: 2, activation: 'sigmoid' }),
      () => tfl.layers.activation({ activation: 'relu' }),
      () => tfl.layers.maxPooling2d({ poolSize: 3, strides: 1, padding: 'same' }),
      () => tfl.layers.globalAveragePooling2d({}),
    ],
  },
  'flatten -> dense relu -> batch norm -> dense tanh (an MLP)': {
    input: [8, 8, 1],
    layers: [
      () => tfl.layers.flatten(),
      () => tfl.layers.dense({ units: 16, activation: 'relu' }),
      () => tfl.layers.batchNormalization(),
      () => tfl.layers.dense({ units: 8, activation: 'tanh' }),
    ],
  },
};

function build(input: [number, number, number], layers: LayerMaker[]): tfl.Sequential {
  const model = tfl.sequential();
  model.add(tfl.layers.inputLayer({ inputShape: input }));
  for (const make of layers) model.add(make());
  model.add(tfl.layers.dense({ units: CLASSES, activation: 'softmax' }));
  return model;
}

/** Gradients of the training-mode cross-entropy of `model` with weights `weights`. */
function lossGradients(
  input: [number, number, number],
  layers: LayerMaker[],
  weights: Float32Array[] | null,
): { weights: Float32Array[]; grads: Float32Array[]; loss: number } {
  const model = build(input, layers);
  if (weights) model.setWeights(weights.map((w, i) => tf.tensor(w, model.getWeights()[i].shape)));
  const x = tf.tensor4d(seededFloats(BATCH * size(input), 3, 0, 1), [BATCH, ...input]);
  const labels = tf.oneHot(tf.tensor1d([0, 1, 2, 1, 0, 2], 'int32'), CLASSES);
  const { value, grads } = tf.variableGrads(() => {
    const probs = model.apply(x, { training: true }) as tf.Tensor;
    return tf.losses.softmaxCrossEntropy<tf.Tensor, tf.Scalar>(
      labels,
      tf.log(tf.clipByValue(probs, 1e-7, 1)),
    );
  });
  const trainable = model.trainableWeights.map((w) => w.read());
  const result = {
    weights: model.getWeights().map((w) => w.dataSync() as Float32Array),
    grads: trainable.map((w) => grads[(w as tf.Variable).name].dataSync() as Float32Array),
    loss: value.dataSync()[0],
  };
  tf.dispose([value, ...Object.values(grads), x, labels]);
  model.dispose();
  return result;
}

describe('model loss gradients: wasm (with our kernels) equals cpu', () => {
  afterAll(() =>
    console.log('worst relative gradient error per model:', JSON.stringify(worst, null, 1)),
  );

  for (const [name, { input, layers }] of Object.entries(MODELS)) {
    it(name, async () => {
      await initBackend('wasm');
      const wasm = lossGradients(input, layers, null);
      await initBackend('cpu');
      const cpu = lossGradients(input, layers, wasm.weights);
      expect(Math.abs(wasm.loss - cpu.loss)).toBeLessThan(1e-4 * Math.max(1, Math.abs(cpu.loss)));
      expect(wasm.grads.length).toBe(cpu.grads.length);
      let err = 0;
      wasm.grads.forEach((g, i) => {
        expect(g.some((v) => v !== 0)).toBe(true);
        err = Math.max(err, relativeMaxError(g, cpu.grads[i]));
      });
      worst[name] = err;
      expect(err).toBeLessThan(TOLERANCE);
    });
  }
});
