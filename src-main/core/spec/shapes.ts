// Output shapes, parameter counts and multiply-adds of a model spec, identical to what Keras
// reports. Never throws: a layer whose shape cannot be worked out gets `outputShape: null`
// (and so does everything after it); validateSpec says why in plain words.
//
// Multiply-adds (MACs) per image, as counted here:
//   Conv2D        outH * outW * filters * k * k * inChannels (bias adds are not counted)
//   Dense/output  inputs * units
//   BatchNorm     one per number passing through (at prediction time it is x * scale + shift)
//   pools, global pools, Flatten, Dropout, Activation: 0 (they compare, copy or squash numbers,
//   they do not multiply by weights)

import type {
  LayerSpec,
  LayerSummary,
  LayerType,
  ModelSpec,
  ModelSummary,
  Padding,
} from '../../contract/spec';
import { kerasLayerNames } from './layer-label';

/** Why a layer's shape cannot be worked out. */
export type ShapeIssue =
  /** A size field (units, filters, window, step, padding) is not usable; validateSpec says which. */
  | { kind: 'bad-field' }
  /** Dense (or the output) gets a picture (height, width, channels) instead of a list. */
  | { kind: 'needs-list'; picture: number[] }
  /** A picture block gets a list; `listMaker` is the index of the block that made the list. */
  | { kind: 'needs-picture'; listMaker: number }
  /** Flatten gets a list already (tfjs-layers refuses that: Flatten needs a picture). */
  | { kind: 'already-list'; listMaker: number }
  /** A 'valid' window larger than the picture. */
  | { kind: 'window-too-big'; picture: number[]; window: number }
  /** The input size is unusable, or an earlier layer has a problem. */
  | { kind: 'unknown-input' };

export interface LayerTrace {
  /** Index into spec.layers; spec.layers.length for the output layer. */
  index: number;
  type: LayerType | 'output';
  /** Shapes without the batch dimension: [h, w, c] for a picture, [n] for a list. */
  input: number[] | null;
  output: number[] | null;
  params: number;
  trainable: number;
  nonTrainable: number;
  macs: number;
  issue: ShapeIssue | null;
}

export interface ModelTrace {
  input: number[] | null;
  /** One per spec layer, then the output layer. */
  layers: LayerTrace[];
}

export function isPositiveInt(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

function isPadding(value: unknown): value is Padding {
  return value === 'valid' || value === 'same';
}

/** Keras's output length of a window sliding over `size` cells. */
export function windowOutput(size: number, window: number, stride: number, padding: Padding) {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

type Step = Omit<LayerTrace, 'index' | 'type' | 'input'>;

const NO_WEIGHTS = { params: 0, trainable: 0, nonTrainable: 0, macs: 0 };

function failed(issue: ShapeIssue): Step {
  return { output: null, issue, ...NO_WEIGHTS };
}

function passThrough(input: number[]): Step {
  return { output: input, issue: null, ...NO_WEIGHTS };
}

function dense(input: number[], units: unknown): Step {
  if (!isPositiveInt(units)) return failed({ kind: 'bad-field' });
  if (input.length !== 1) return failed({ kind: 'needs-list', picture: input });
  const params = input[0] * units + units;
  return {
    output: [units],
    issue: null,
    params,
    trainable: params,
    nonTrainable: 0,
    macs: input[0] * units,
  };
}

/** Conv2D and pools: a square window sliding over a picture. */
function sliding(
  input: number[],
  listMaker: number,
  window: unknown,
  stride: unknown,
  padding: unknown,
): { out: [number, number]; step?: undefined } | { step: Step; out?: undefined } {
  if (!isPositiveInt(window) || !isPositiveInt(stride) || !isPadding(padding)) {
    return { step: failed({ kind: 'bad-field' }) };
  }
  if (input.length !== 3) return { step: failed({ kind: 'needs-picture', listMaker }) };
  const [h, w] = input;
  if (padding === 'valid' && (window > h || window > w)) {
    return { step: failed({ kind: 'window-too-big', picture: input, window }) };
  }
  return {
    out: [windowOutput(h, window, stride, padding), windowOutput(w, window, stride, padding)],
  };
}

function stepOf(layer: LayerSpec, input: number[], listMaker: number): Step {
  switch (layer.type) {
    case 'conv2d': {
      if (!isPositiveInt(layer.filters)) return failed({ kind: 'bad-field' });
      const slid = sliding(input, listMaker, layer.kernelSize, layer.strides, layer.padding);
      if (slid.step) return slid.step;
      const [oh, ow] = slid.out;
      const k = layer.kernelSize;
      const weights = k * k * input[2] * layer.filters;
      const params = weights + layer.filters;
      return {
        output: [oh, ow, layer.filters],
        issue: null,
        params,
        trainable: params,
        nonTrainable: 0,
        macs: oh * ow * weights,
      };
    }
    case 'maxPool2d':
    case 'averagePool2d': {
      const slid = sliding(input, listMaker, layer.poolSize, layer.strides, layer.padding);
      if (slid.step) return slid.step;
      return passThrough([slid.out[0], slid.out[1], input[2]]);
    }
    case 'flatten':
      if (input.length !== 3) return failed({ kind: 'already-list', listMaker });
      return passThrough([input.reduce((a, b) => a * b, 1)]);
    case 'dense':
      return dense(input, layer.units);
    case 'dropout':
    case 'activation':
      return passThrough(input);
    case 'batchNormalization': {
      // gamma and beta are learned; the moving mean and variance are only tracked.
      const channels = input[input.length - 1];
      return {
        output: input,
        issue: null,
        params: 4 * channels,
        trainable: 2 * channels,
        nonTrainable: 2 * channels,
        macs: input.reduce((a, b) => a * b, 1),
      };
    }
    case 'globalMaxPool2d':
    case 'globalAveragePool2d':
      if (input.length !== 3) return failed({ kind: 'needs-picture', listMaker });
      return passThrough([input[2]]);
  }
}

/** Follows the data through every layer and the output Dense(classes, softmax). */
export function traceShapes(spec: ModelSpec): ModelTrace {
  const { height, width, channels } = (spec.input ?? {}) as Partial<ModelSpec['input']>;
  const input =
    isPositiveInt(height) && isPositiveInt(width) && isPositiveInt(channels)
      ? [height, width, channels]
      : null;
  const layers: LayerTrace[] = [];
  let current = input;
  let listMaker = -1;
  spec.layers.forEach((layer, index) => {
    const step = current ? stepOf(layer, current, listMaker) : failed({ kind: 'unknown-input' });
    if (current && step.output && current.length === 3 && step.output.length === 1) {
      listMaker = index;
    }
    layers.push({ index, type: layer.type, input: current, ...step });
    current = step.output;
  });
  const output = current ? dense(current, spec.classes) : failed({ kind: 'unknown-input' });
  layers.push({ index: spec.layers.length, type: 'output', input: current, ...output });
  return { input, layers };
}

/**
 * The Keras model.summary() of a spec: shapes, parameters, shares and multiply-adds. Rows: one
 * per spec layer, then the output Dense (type 'output'). Totals count the layers whose shape is
 * known; `input` is [null] when the input size itself is unusable.
 */
export function summarize(spec: ModelSpec): ModelSummary {
  const trace = traceShapes(spec);
  const names = kerasLayerNames(spec.layers);
  const sum = (key: 'params' | 'trainable' | 'nonTrainable' | 'macs') =>
    trace.layers.reduce((total, layer) => total + layer[key], 0);
  const totalParams = sum('params');
  const layers: LayerSummary[] = trace.layers.map((layer, i) => ({
    name: names[i],
    type: layer.type,
    outputShape: layer.output ? [null, ...layer.output] : null,
    params: layer.params,
    trainable: layer.trainable,
    nonTrainable: layer.nonTrainable,
    share: totalParams > 0 ? layer.params / totalParams : 0,
    macs: layer.macs,
  }));
  return {
    input: trace.input ? [null, ...trace.input] : [null],
    layers,
    totalParams,
    trainableParams: sum('trainable'),
    nonTrainableParams: sum('nonTrainable'),
    macsPerImage: sum('macs'),
  };
}
