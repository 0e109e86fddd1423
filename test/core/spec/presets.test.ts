import { describe, expect, it } from 'vitest';
import type { LayerSpec, ModelSpec } from '../../../src-main/contract/spec';
import { PRESETS, summarize } from '../../../src-main/core/spec';
import { KERAS_MODELS, type KerasLayer } from './keras-tables';

/** A preset's layer (or the output Dense the app appends) in the table's terms. */
function asKeras(layer: LayerSpec | { type: 'output'; units: number }): {
  cls: KerasLayer['cls'];
  config: KerasLayer['config'];
} {
  switch (layer.type) {
    case 'conv2d':
      return {
        cls: 'Conv2D',
        config: {
          filters: layer.filters,
          kernel: layer.kernelSize,
          strides: layer.strides,
          padding: layer.padding,
          activation: layer.activation,
        },
      };
    case 'maxPool2d':
      return {
        cls: 'MaxPool2D',
        config: { pool: layer.poolSize, strides: layer.strides, padding: layer.padding },
      };
    case 'flatten':
      return { cls: 'Flatten', config: {} };
    case 'dense':
      return { cls: 'Dense', config: { units: layer.units, activation: layer.activation } };
    case 'output':
      return { cls: 'Dense', config: { units: layer.units, activation: 'softmax' } };
    case 'dropout':
      return { cls: 'Dropout', config: { rate: layer.rate } };
    case 'batchNormalization':
      return { cls: 'BatchNormalization', config: {} };
    case 'globalMaxPool2d':
      return { cls: 'GlobalMaxPool2D', config: {} };
    default:
      throw new Error(`the notebook has no ${layer.type} layer`);
  }
}

function presetLayers(spec: ModelSpec) {
  const summary = summarize(spec);
  const layers = [...spec.layers, { type: 'output' as const, units: spec.classes }];
  return layers.map((layer, i) => {
    const row = summary.layers[i];
    return {
      name: row.name,
      ...asKeras(layer),
      outputShape: row.outputShape,
      params: row.params,
      trainable: row.trainable,
      nonTrainable: row.nonTrainable,
    };
  });
}

describe('the eight presets are the notebook models, layer for layer', () => {
  it('are the notebook models in its order, with the ids other features use', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(Object.keys(KERAS_MODELS));
    expect(PRESETS.map((p) => p.name)).toEqual([
      'Logistic regression',
      'Multilayer perceptron (MLP)',
      'Convolution',
      'Convolution + MaxPool',
      'Typical ConvNet',
      'Typical ConvNet + dense + dropout',
      'Batch normalization',
      'Fully convolutional',
    ]);
  });

  it('the hand-written Keras tables add up to the totals Keras prints', () => {
    for (const model of Object.values(KERAS_MODELS)) {
      const sum = (key: 'params' | 'trainable' | 'nonTrainable') =>
        model.layers.reduce((n, l) => n + l[key], 0);
      expect([sum('params'), sum('trainable'), sum('nonTrainable')]).toEqual([
        model.total,
        model.trainable,
        model.nonTrainable,
      ]);
    }
  });

  for (const preset of PRESETS) {
    const keras = KERAS_MODELS[preset.id];

    it(`${preset.id}: every layer's type, settings, output shape and parameters`, () => {
      expect(preset.spec.input).toEqual({ height: 28, width: 28, channels: 1 });
      expect(preset.spec.classes).toBe(10);
      expect(presetLayers(preset.spec)).toEqual(keras.layers);
    });

    it(`${preset.id}: totals ${keras.total.toLocaleString('en-US')} (${keras.trainable.toLocaleString('en-US')} trainable)`, () => {
      const summary = summarize(preset.spec);
      expect(summary.input).toEqual([null, 28, 28, 1]);
      expect([summary.totalParams, summary.trainableParams, summary.nonTrainableParams]).toEqual([
        keras.total,
        keras.trainable,
        keras.nonTrainable,
      ]);
    });

    it(`${preset.id}: ${keras.optimizer}, ${keras.epochs} epochs, batch ${keras.batchSize}, Keras's default learning rate`, () => {
      expect(preset.spec.compile).toEqual({
        optimizer: keras.optimizer,
        learningRate: keras.optimizer === 'sgd' ? 0.01 : 0.001,
        epochs: keras.epochs,
        batchSize: keras.batchSize,
      });
    });
  }

  it('the model takes the preset name; both languages have a name and a description', () => {
    for (const preset of PRESETS) {
      expect(preset.spec.name).toBe(preset.name);
      for (const text of [preset.name, preset.description, preset.pl.name, preset.pl.description])
        expect(text.trim().length).toBeGreaterThan(0);
      expect(preset.pl.description).not.toBe(preset.description);
    }
  });
});
