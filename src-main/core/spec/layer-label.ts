// Short, language-neutral names for blocks, as campers see them in the notebook:
// "Conv2D(16, 3x3)", "MaxPool2D(2x2)", "Dense(64)", "Dropout(0.5)".

import type { LayerSpec, LayerType } from '../../contract/spec';

/** The block's name on its own, Keras-like. */
export const LAYER_DISPLAY_NAME: Record<LayerType | 'output', string> = {
  conv2d: 'Conv2D',
  maxPool2d: 'MaxPool2D',
  averagePool2d: 'AvgPool2D',
  flatten: 'Flatten',
  dense: 'Dense',
  dropout: 'Dropout',
  batchNormalization: 'BatchNorm',
  globalMaxPool2d: 'GlobalMaxPool2D',
  globalAveragePool2d: 'GlobalAvgPool2D',
  activation: 'Activation',
  output: 'Dense',
};

/** Keras's class name of each block (what model.summary() and keras-sequential-ascii print). */
export const KERAS_CLASS_NAME: Record<LayerType | 'output', string> = {
  conv2d: 'Conv2D',
  maxPool2d: 'MaxPooling2D',
  averagePool2d: 'AveragePooling2D',
  flatten: 'Flatten',
  dense: 'Dense',
  dropout: 'Dropout',
  batchNormalization: 'BatchNormalization',
  globalMaxPool2d: 'GlobalMaxPooling2D',
  globalAveragePool2d: 'GlobalAveragePooling2D',
  activation: 'Activation',
  output: 'Dense',
};

/** Keras 2's default name prefix (snake_case class name); names count from 1 per prefix. */
export const KERAS_NAME_PREFIX: Record<LayerType | 'output', string> = {
  conv2d: 'conv2d',
  maxPool2d: 'max_pooling2d',
  averagePool2d: 'average_pooling2d',
  flatten: 'flatten',
  dense: 'dense',
  dropout: 'dropout',
  batchNormalization: 'batch_normalization',
  globalMaxPool2d: 'global_max_pooling2d',
  globalAveragePool2d: 'global_average_pooling2d',
  activation: 'activation',
  output: 'dense',
};

function window(size: number): string {
  return `${size}x${size}`;
}

/** "Conv2D(16, 3x3)", "MaxPool2D(2x2)", "Dense(64)", "Dropout(0.5)", "Flatten". */
export function layerNotation(layer: LayerSpec): string {
  const name = LAYER_DISPLAY_NAME[layer.type];
  switch (layer.type) {
    case 'conv2d':
      return `${name}(${layer.filters}, ${window(layer.kernelSize)})`;
    case 'maxPool2d':
    case 'averagePool2d':
      return `${name}(${window(layer.poolSize)})`;
    case 'dense':
      return `${name}(${layer.units})`;
    case 'dropout':
      return `${name}(${layer.rate})`;
    case 'activation':
      return `${name}(${layer.activation})`;
    default:
      return name;
  }
}

/**
 * Keras 2 style names, counted per type from 1: conv2d_1, conv2d_2, max_pooling2d_1, dense_1, ...
 * One name per spec layer, then the output Dense, which counts on from the hidden Dense layers.
 */
export function kerasLayerNames(layers: readonly LayerSpec[]): string[] {
  const counts = new Map<string, number>();
  const next = (prefix: string): string => {
    const n = (counts.get(prefix) ?? 0) + 1;
    counts.set(prefix, n);
    return `${prefix}_${n}`;
  };
  return [...layers.map((l) => next(KERAS_NAME_PREFIX[l.type])), next(KERAS_NAME_PREFIX.output)];
}
