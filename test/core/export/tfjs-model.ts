// Builds a spec as a real tfjs-layers model (test helper, independent of the exporter),
// so the tests can compare the exporter's expectations with what tfjs actually creates.

import * as tfl from '@tensorflow/tfjs-layers';
import type { LayerSpec, ModelSpec } from '../../../src-main/contract/spec';

function tfjsLayer(layer: LayerSpec, config: { name?: string }): tfl.layers.Layer {
  switch (layer.type) {
    case 'conv2d':
      return tfl.layers.conv2d({
        ...config,
        filters: layer.filters,
        kernelSize: layer.kernelSize,
        strides: layer.strides,
        padding: layer.padding,
        activation: layer.activation,
      });
    case 'maxPool2d':
      return tfl.layers.maxPooling2d({
        ...config,
        poolSize: layer.poolSize,
        strides: layer.strides,
        padding: layer.padding,
      });
    case 'averagePool2d':
      return tfl.layers.averagePooling2d({
        ...config,
        poolSize: layer.poolSize,
        strides: layer.strides,
        padding: layer.padding,
      });
    case 'flatten':
      return tfl.layers.flatten(config);
    case 'dense':
      return tfl.layers.dense({ ...config, units: layer.units, activation: layer.activation });
    case 'dropout':
      return tfl.layers.dropout({ ...config, rate: layer.rate });
    case 'batchNormalization':
      return tfl.layers.batchNormalization(config);
    case 'globalMaxPool2d':
      return tfl.layers.globalMaxPooling2d(config);
    case 'globalAveragePool2d':
      return tfl.layers.globalAveragePooling2d(config);
    case 'activation':
      return tfl.layers.activation({ ...config, activation: layer.activation });
  }
}

/** The spec as a tfjs Sequential model; `names` (one per layer, output last) are optional. */
export function tfjsModel(spec: ModelSpec, names?: string[]): tfl.Sequential {
  const { height, width, channels } = spec.input;
  const model = tfl.sequential();
  model.add(tfl.layers.inputLayer({ inputShape: [height, width, channels] }));
  spec.layers.forEach((layer, i) => model.add(tfjsLayer(layer, names ? { name: names[i] } : {})));
  const output = names ? { name: names[spec.layers.length] } : {};
  model.add(tfl.layers.dense({ ...output, units: spec.classes, activation: 'softmax' }));
  return model;
}

/** model.getWeights() with each variable's name, as a trainer would hand them to the exporter. */
export function tfjsWeights(
  model: tfl.Sequential,
  which: 'name' | 'originalName' = 'originalName',
): { name: string; shape: number[]; data: Float32Array }[] {
  return model.weights.map((w) => ({
    name: w[which],
    shape: w.shape.map((d) => d ?? 0),
    data: w.read().dataSync() as Float32Array,
  }));
}
