// A real, briefly trained network on real letters for the evaluation tests: the bundled sample set,
// or notMNIST_small.mat when NOTMNIST_MAT points at it. Also a direct, one-shot prediction to
// compare the evaluation against (a single model.predict on all test letters, tf.argMax, tf.max).
import { existsSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ModelSpec } from '../../../src-main/contract/spec';
import type { DatasetRef, ModelMeta } from '../../../src-main/contract/training';
import { loadDataset } from '../../../src-main/core/dataset/load';
import type { DatasetInfo, SplitImageSet } from '../../../src-main/core/dataset/types';
import { saveModel } from '../../../src-main/core/model';
import { buildModel, compileModel } from '../../../src-main/core/model/build';
import { train } from '../../../src-main/core/training';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const SAMPLE_MAT = path.join(ROOT, 'resources/sample/sample-letters.mat');
const REAL = process.env.NOTMNIST_MAT;
/** notMNIST_small.mat when NOTMNIST_MAT points at it, else the bundled sample letters. */
export const LETTERS_MAT = REAL && existsSync(REAL) ? REAL : SAMPLE_MAT;
if (LETTERS_MAT === SAMPLE_MAT) {
  console.warn(
    'evaluation tests: NOTMNIST_MAT is unset or missing, so they run on the bundled sample letters.',
  );
}
/** Training letters used: a few batches are enough for a network that is right and wrong. */
const TRAIN_LETTERS = 1280;

export function loadLetters(seed = 42): Promise<{ set: SplitImageSet; info: DatasetInfo }> {
  return loadDataset(LETTERS_MAT, { seed, testFraction: 0.2 });
}

/** conv -> batch norm -> max pool -> flatten -> dropout -> softmax: inference mode matters. */
export function tinyConvSpec(classes = 10): ModelSpec {
  return {
    version: 1,
    name: 'Tiny ConvNet',
    input: { height: 28, width: 28, channels: 1 },
    classes,
    compile: { optimizer: 'adam', learningRate: 0.003, epochs: 1, batchSize: 64 },
    layers: [
      {
        type: 'conv2d',
        filters: 4,
        kernelSize: 3,
        strides: 1,
        padding: 'valid',
        activation: 'relu',
      },
      { type: 'batchNormalization' },
      { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
      { type: 'flatten' },
      { type: 'dropout', rate: 0.5 },
    ],
  };
}

/** Builds `spec` and trains it one epoch on the first TRAIN_LETTERS training letters. */
export async function trainTiny(
  set: SplitImageSet,
  spec: ModelSpec = tinyConvSpec(set.classes),
  seed = 7,
): Promise<tfl.LayersModel> {
  const model = buildModel(spec, { seed });
  compileModel(model, spec.compile);
  const part: SplitImageSet = { ...set, train: set.train.slice(0, TRAIN_LETTERS) };
  await train(part, model, { epochs: 1, batchSize: spec.compile.batchSize, seed });
  return model;
}

/** One model.predict over every test letter at once: answers and their probabilities. */
export function predictDirectly(
  model: tfl.LayersModel,
  set: SplitImageSet,
  indices: Uint32Array = set.test,
): { labels: number[]; predicted: number[]; confidence: number[] } {
  const pixels = set.height * set.width;
  const images = new Float32Array(indices.length * pixels);
  indices.forEach((index, k) =>
    images.set(set.images.subarray(index * pixels, (index + 1) * pixels), k * pixels),
  );
  return tf.tidy(() => {
    const x = tf.tensor4d(images, [indices.length, set.height, set.width, 1]);
    const probs = model.predict(x) as tf.Tensor2D;
    return {
      labels: Array.from(indices, (i) => set.labels[i]),
      predicted: Array.from(tf.argMax(probs, 1).dataSync()),
      confidence: Array.from(tf.max(probs, 1).dataSync()),
    };
  });
}

/** Saves `model` as a trained model folder, recording the letters it was trained on. */
export async function saveTrained(
  dir: string,
  model: tfl.LayersModel,
  spec: ModelSpec,
  dataset: DatasetRef | null,
  name = spec.name,
): Promise<void> {
  const meta: ModelMeta = {
    version: 1,
    name,
    spec,
    compile: spec.compile,
    history: [
      { epoch: 1, loss: 1, acc: 0.5, valLoss: null, valAcc: null, seconds: 1, samplesPerSecond: 1 },
    ],
    dataset,
    accuracy: null,
    backend: 'wasm',
    savedAt: new Date().toISOString(),
  };
  await saveModel(dir, model, meta);
}
