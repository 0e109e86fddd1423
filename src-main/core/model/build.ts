// Builds and compiles a tfjs-layers model from a ModelSpec, with Keras's defaults:
// glorot-uniform kernels, zero biases, Keras 2 layer names (conv2d_1, dense_2, ... from
// core/spec's kerasLayerNames, so the summary, the export and the model agree), the output
// Dense(classes, softmax) appended, categorical cross-entropy and accuracy.

import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import type { CompileSpec, LayerSpec, ModelSpec } from '../../contract/spec';
import { LetterLabError } from '../errors';
import { kerasLayerNames } from '../spec';
import { kerasAdam, kerasRmsprop } from './keras-optimizers';

/** A per-layer initializer seed derived from the run seed (distinct for every layer). */
export function layerSeed(seed: number, index: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  return (h ^ (h >>> 12)) >>> 0;
}

function kernelInit(
  seed: number | undefined,
  index: number,
): ReturnType<typeof tfl.initializers.glorotUniform> {
  return tfl.initializers.glorotUniform({
    seed: seed == null ? undefined : layerSeed(seed, index),
  });
}

/** Layer arguments every layer gets: its name, and for the first layer the input shape. */
interface BaseArgs {
  name: string;
  inputShape?: number[];
}

function makeLayer(
  layer: LayerSpec,
  base: BaseArgs,
  seed: number | undefined,
  index: number,
): tfl.layers.Layer {
  switch (layer.type) {
    case 'conv2d':
      return tfl.layers.conv2d({
        ...base,
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides,
        padding: layer.padding,
        activation: layer.activation,
        kernelInitializer: kernelInit(seed, index),
        biasInitializer: 'zeros',
      });
    case 'maxPool2d':
      return tfl.layers.maxPooling2d({
        ...base,
        poolSize: layer.poolSize,
        strides: layer.strides,
        padding: layer.padding,
      });
    case 'averagePool2d':
      return tfl.layers.averagePooling2d({
        ...base,
        poolSize: layer.poolSize,
        strides: layer.strides,
        padding: layer.padding,
      });
    case 'flatten':
      return tfl.layers.flatten(base);
    case 'dense':
      return tfl.layers.dense({
        ...base,
        units: layer.units,
        activation: layer.activation,
        kernelInitializer: kernelInit(seed, index),
        biasInitializer: 'zeros',
      });
    case 'dropout':
      return tfl.layers.dropout({ ...base, rate: layer.rate });
    case 'batchNormalization':
      return tfl.layers.batchNormalization(base);
    case 'globalMaxPool2d':
      return tfl.layers.globalMaxPooling2d(base);
    case 'globalAveragePool2d':
      return tfl.layers.globalAveragePooling2d(base);
    case 'activation':
      return tfl.layers.activation({ ...base, activation: layer.activation });
  }
}

export interface BuildOptions {
  /** Seeds the weight initializers: the same seed gives the same weights (and runs, on one backend). */
  seed?: number;
}

/** A tf.sequential for `spec`, including the output Dense(classes, softmax). Not compiled. */
export function buildModel(spec: ModelSpec, opts: BuildOptions = {}): tfl.Sequential {
  const names = kerasLayerNames(spec.layers);
  const { height, width, channels } = spec.input;
  const inputShape = [height, width, channels];
  const model = tfl.sequential();
  let adding: tfl.layers.Layer | null = null;
  try {
    for (const [i, layer] of spec.layers.entries()) {
      const extra = { name: names[i], ...(i === 0 ? { inputShape } : {}) };
      adding = makeLayer(layer, extra, opts.seed, i);
      model.add(adding);
    }
  } catch (err) {
    // A layer that made its weights and then did not fit is not the model's: free them here.
    if (adding && !model.layers.includes(adding)) adding.weights.forEach((w) => w.dispose());
    model.dispose();
    const detail = err instanceof Error ? err.message : String(err);
    throw new LetterLabError(
      'model.invalid-spec',
      `The model "${spec.name}" cannot be built: ${detail}`,
    );
  }
  const before = spec.layers.length > 0 ? model.outputs[0].shape : [null, ...inputShape];
  if (before.length !== 2) {
    model.dispose();
    throw new LetterLabError(
      'model.invalid-spec',
      `The model "${spec.name}" ends with a ${before.length - 1}-D output [${before.slice(1)}], but the ` +
        'output layer needs a flat vector: add a Flatten or a global pooling layer before it.',
    );
  }
  model.add(
    tfl.layers.dense({
      name: names[names.length - 1],
      ...(spec.layers.length === 0 ? { inputShape } : {}),
      units: spec.classes,
      activation: 'softmax',
      kernelInitializer: kernelInit(opts.seed, spec.layers.length),
      biasInitializer: 'zeros',
    }),
  );
  return model;
}

/** Keras 2.1.4's optimizers and their defaults (see keras-optimizers), with the spec's rate. */
export function makeOptimizer(compile: CompileSpec): tf.Optimizer {
  const lr = compile.learningRate;
  if (!(lr > 0) || !Number.isFinite(lr)) {
    throw new LetterLabError(
      'model.invalid-spec',
      `The learning rate must be a positive number, got ${lr}.`,
    );
  }
  switch (compile.optimizer) {
    case 'adam':
      return kerasAdam(lr);
    case 'sgd':
      return tf.train.sgd(lr);
    case 'rmsprop':
      return kerasRmsprop(lr);
  }
}

/** Compiles with categorical cross-entropy and accuracy, as the notebook does. */
export function compileModel(model: tfl.LayersModel, compile: CompileSpec): void {
  model.compile({
    optimizer: makeOptimizer(compile),
    loss: 'categoricalCrossentropy',
    metrics: ['accuracy'],
  });
}
