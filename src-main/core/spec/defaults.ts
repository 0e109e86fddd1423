// Sensible starting values: a new block from the palette, Keras's default learning rates.

import type { CompileSpec, LayerSpec, LayerType, OptimizerName } from '../../contract/spec';

/** Keras's default learning rate of each optimizer. */
export const DEFAULT_LEARNING_RATE: Record<OptimizerName, number> = {
  sgd: 0.01,
  adam: 0.001,
  rmsprop: 0.001,
};

export const DEFAULT_EPOCHS = 10;
export const DEFAULT_BATCH_SIZE = 128;

export const DEFAULT_COMPILE: CompileSpec = {
  optimizer: 'adam',
  learningRate: DEFAULT_LEARNING_RATE.adam,
  epochs: DEFAULT_EPOCHS,
  batchSize: DEFAULT_BATCH_SIZE,
};

/** A new block as it comes out of the palette. */
export function defaultLayer(type: LayerType): LayerSpec {
  switch (type) {
    case 'conv2d':
      return {
        type,
        filters: 16,
        kernelSize: 3,
        strides: 1,
        padding: 'valid',
        activation: 'relu',
      };
    case 'maxPool2d':
    case 'averagePool2d':
      return { type, poolSize: 2, strides: 2, padding: 'valid' };
    case 'dense':
      return { type, units: 64, activation: 'relu' };
    case 'dropout':
      return { type, rate: 0.5 };
    case 'activation':
      return { type, activation: 'relu' };
    case 'flatten':
    case 'batchNormalization':
    case 'globalMaxPool2d':
    case 'globalAveragePool2d':
      return { type };
  }
}
