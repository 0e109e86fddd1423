// The reference the shape tests compare against: a spec built as a real tfjs-layers model
// (tfjs-layers implements Keras's shape and parameter rules), read back layer by layer.

import * as tfl from '@tensorflow/tfjs-layers';
import type { LayerSpec, ModelSpec } from '../../../src-main/contract/spec';

function tfjsLayer(layer: LayerSpec): tfl.layers.Layer {
  switch (layer.type) {
    case 'conv2d':
      return tfl.layers.conv2d({
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides,
        padding: layer.padding,
        activation: layer.activation,
      });
    case 'maxPool2d':
    case 'averagePool2d': {
      const config = { poolSize: layer.poolSize, strides: layer.strides, padding: layer.padding };
      return layer.type === 'maxPool2d'
        ? tfl.layers.maxPooling2d(config)
        : tfl.layers.averagePooling2d(config);
    }
    case 'flatten':
      return tfl.layers.flatten();
    case 'dense':
      return tfl.layers.dense({ units: layer.units, activation: layer.activation });
    case 'dropout':
      return tfl.layers.dropout({ rate: layer.rate });
    case 'batchNormalization':
      return tfl.layers.batchNormalization();
    case 'globalMaxPool2d':
      return tfl.layers.globalMaxPooling2d({});
    case 'globalAveragePool2d':
      return tfl.layers.globalAveragePooling2d({});
    case 'activation':
      return tfl.layers.activation({ activation: layer.activation });
  }
}

export interface ReferenceLayer {
  outputShape: (number | null)[];
  params: number;
  trainable: number;
}

/**
 * Each layer (then the output Dense) as tfjs-layers builds it; throws when tfjs refuses the
 * model. Weights are created on the current backend and freed before returning.
 */
export function referenceLayers(spec: ModelSpec): ReferenceLayer[] {
  const { height, width, channels } = spec.input;
  const model = tfl.sequential();
  try {
    model.add(tfl.layers.inputLayer({ inputShape: [height, width, channels] }));
    for (const layer of spec.layers) model.add(tfjsLayer(layer));
    model.add(tfl.layers.dense({ units: spec.classes, activation: 'softmax' }));
    const layers = model.layers.filter((layer) => layer.getClassName() !== 'InputLayer');
    return layers.map((layer) => ({
      outputShape: layer.outputShape as (number | null)[],
      params: layer.countParams(),
      trainable: layer.trainableWeights.reduce(
        (n, w) => n + w.shape.reduce((a, b) => a! * b!, 1)!,
        0,
      ),
    }));
  } finally {
    model.dispose();
  }
}
