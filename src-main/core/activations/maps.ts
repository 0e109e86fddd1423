// What every convolution and pooling layer makes of one image: its activation maps, each scaled
// on its own to 0..255 so the weakest value is black and the strongest white.
import type * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { imageBatch } from './input';
import { argMax } from './probabilities';

/** tfjs class names of the layers whose output is a stack of 2-D maps worth showing. */
export const MAP_LAYER_CLASSES = ['Conv2D', 'MaxPooling2D', 'AveragePooling2D'] as const;
/** Default for how many channels of one layer are sent (the rest are counted, not shown). */
export const DEFAULT_MAX_CHANNELS = 64;

export interface LayerMaps {
  name: string;
  /** tfjs/Keras class name: Conv2D, MaxPooling2D, AveragePooling2D. */
  className: string;
  height: number;
  width: number;
  /** The layer's channel count. */
  channels: number;
  /** How many of them are in `maps` (the first ones). */
  shown: number;
  /** shown x height x width grey levels 0..255, map after map, each map row-major. */
  maps: Uint8Array;
  /** The raw [min, max] of every shown map, before scaling. */
  ranges: [number, number][];
}

export interface ActivationResult {
  layers: LayerMaps[];
  probabilities: number[];
  predicted: number;
}

/** The layers whose activation maps can be shown, in order. */
export function mapLayers(model: tfl.LayersModel): tfl.layers.Layer[] {
  return model.layers.filter((layer) => {
    const shape = (layer.output as tfl.SymbolicTensor).shape;
    return (
      (MAP_LAYER_CLASSES as readonly string[]).includes(layer.getClassName()) && shape.length === 4
    );
  });
}

/**
 * A model with the same weights whose outputs are the map layers' outputs and the answer. It
 * shares the layers (and their weights) with `model`, so it must never be disposed: it is kept
 * per model and goes away with it.
 */
const probes = new WeakMap<tfl.LayersModel, tfl.LayersModel>();

function probeOf(model: tfl.LayersModel): tfl.LayersModel {
  let probe = probes.get(model);
  if (!probe) {
    const outputs = [
      ...mapLayers(model).map((l) => l.output as tfl.SymbolicTensor),
      model.outputs[0],
    ];
    probe = tfl.model({ inputs: model.inputs, outputs });
    probes.set(model, probe);
  }
  return probe;
}

/** NHWC values of one image to `shown` maps of 0..255, channel after channel. */
function scaleMaps(
  values: Float32Array | Int32Array | Uint8Array,
  height: number,
  width: number,
  channels: number,
  shown: number,
): { maps: Uint8Array; ranges: [number, number][] } {
  const area = height * width;
  const maps = new Uint8Array(shown * area);
  const ranges: [number, number][] = [];
  for (let c = 0; c < shown; c++) {
    let min = Infinity;
    let max = -Infinity;
    for (let p = 0; p < area; p++) {
      const v = values[p * channels + c];
      if (v < min) min = v;
      if (v > max) max = v;
    }
    ranges.push([min, max]);
    const span = max - min;
    if (!(span > 1e-12)) continue; // a flat map stays black
    for (let p = 0; p < area; p++) {
      maps[c * area + p] = Math.round(((values[p * channels + c] - min) / span) * 255);
    }
  }
  return { maps, ranges };
}

/** Runs one image (0..1, row-major) through the network and collects every map layer's output. */
export function layerActivations(
  model: tfl.LayersModel,
  image: Float32Array,
  opts: { maxChannels?: number } = {},
): ActivationResult {
  const maxChannels = opts.maxChannels ?? DEFAULT_MAX_CHANNELS;
  const layers = mapLayers(model);
  const probe = probeOf(model);
  const x = imageBatch(model, image, 1);
  let outputs: tf.Tensor[] = [];
  try {
    const result = probe.predict(x);
    outputs = Array.isArray(result) ? result : [result];
    const maps = layers.map((layer, i): LayerMaps => {
      const [, height, width, channels] = outputs[i].shape as number[];
      const shown = Math.min(channels, maxChannels);
      return {
        name: layer.name,
        className: layer.getClassName(),
        height,
        width,
        channels,
        shown,
        ...scaleMaps(outputs[i].dataSync(), height, width, channels, shown),
      };
    });
    const probabilities = Array.from(outputs[outputs.length - 1].dataSync());
    return { layers: maps, probabilities, predicted: argMax(probabilities) };
  } finally {
    x.dispose();
    for (const t of outputs) t.dispose();
  }
}
