// Hand-written model specs for the export tests (the notebook's kinds of models).

import type { LayerSpec, ModelSpec } from '../../../src-main/contract/spec';
import { summarize } from '../../../src-main/core/spec';

/** The layer names the app's own summary shows (output layer last). */
export function appNames(spec: ModelSpec): string[] {
  return summarize(spec).layers.map((l) => l.name);
}

export function makeSpec(
  name: string,
  layers: LayerSpec[],
  overrides: Partial<ModelSpec> = {},
): ModelSpec {
  return {
    version: 1,
    name,
    input: { height: 28, width: 28, channels: 1 },
    layers,
    classes: 10,
    compile: { optimizer: 'adam', learningRate: 0.001, epochs: 3, batchSize: 32 },
    ...overrides,
  };
}

/** Logistic regression: Flatten, then the app's Dense(10, softmax). */
export const logistic = makeSpec('Logistic regression', [{ type: 'flatten' }], {
  compile: { optimizer: 'sgd', learningRate: 0.1, epochs: 5, batchSize: 128 },
});

/** A typical convnet with a hidden dense layer and dropout. */
export const convnet = makeSpec('Convnet + dense + dropout', [
  { type: 'conv2d', filters: 16, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
  { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
  { type: 'conv2d', filters: 32, kernelSize: 3, strides: 1, padding: 'valid', activation: 'relu' },
  { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
  { type: 'flatten' },
  { type: 'dense', units: 64, activation: 'relu' },
  { type: 'dropout', rate: 0.5 },
]);

/** Every other layer type and non-default argument: strides, same padding, batch norm, ... */
export const unusual = makeSpec(
  'Bob\'s "odd" net\nwith a newline',
  [
    {
      type: 'conv2d',
      filters: 8,
      kernelSize: 5,
      strides: 2,
      padding: 'same',
      activation: 'linear',
    },
    { type: 'batchNormalization' },
    { type: 'activation', activation: 'tanh' },
    { type: 'averagePool2d', poolSize: 3, strides: 2, padding: 'valid' },
    { type: 'maxPool2d', poolSize: 2, strides: 1, padding: 'same' },
    { type: 'globalAveragePool2d' },
  ],
  { compile: { optimizer: 'rmsprop', learningRate: 1e-4, epochs: 2, batchSize: 64 } },
);

/** Fully convolutional with batch norm twice and a global max pool. */
export const fullyConv = makeSpec('Fully convolutional', [
  { type: 'conv2d', filters: 12, kernelSize: 3, strides: 1, padding: 'same', activation: 'relu' },
  { type: 'batchNormalization' },
  {
    type: 'conv2d',
    filters: 20,
    kernelSize: 3,
    strides: 1,
    padding: 'valid',
    activation: 'sigmoid',
  },
  { type: 'batchNormalization' },
  { type: 'globalMaxPool2d' },
  { type: 'dense', units: 16, activation: 'relu' },
]);
