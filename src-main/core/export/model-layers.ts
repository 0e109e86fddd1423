// The layers of an exported model as Keras will build them: the spec's hidden layers
// plus the app-appended output Dense(classes, softmax), each with its Keras-like name,
// its shapes (without the batch dimension) and its weights in Keras get_weights() order.

import type { Activation, LayerSpec, ModelSpec } from '../../contract/spec';
import { LetterLabError } from '../errors';
import { validateSpec } from '../spec';
import { appLayerNames } from './layer-names';

/** The weight variables of one layer, in the order Keras creates them. */
export type WeightKind = 'kernel' | 'bias' | 'gamma' | 'beta' | 'moving_mean' | 'moving_variance';

export interface OutputLayerSpec {
  type: 'output';
  units: number;
  activation: Activation;
}

export interface ExportLayer {
  /** Keras-like name, e.g. "conv2d_1"; also the name= argument in model.py. */
  name: string;
  layer: LayerSpec | OutputLayerSpec;
  inputShape: number[];
  outputShape: number[];
  weights: { kind: WeightKind; shape: number[] }[];
}

function invalid(index: number, name: string, what: string): LetterLabError {
  return new LetterLabError(
    'export.invalid-spec',
    `Cannot export layer ${index + 1} (${name}): ${what}. Fix the model in the builder, then export again.`,
  );
}

/** Output length of a window sliding over `size` cells, as Keras computes it. */
function windowOutput(size: number, window: number, stride: number, padding: string): number {
  return padding === 'same' ? Math.ceil(size / stride) : Math.floor((size - window) / stride) + 1;
}

function spatial(
  index: number,
  name: string,
  shape: number[],
  window: number,
  stride: number,
  padding: string,
  channels: number,
): number[] {
  const [height, width, ...rest] = shape;
  if (height === undefined || width === undefined || rest.length !== 1)
    throw invalid(
      index,
      name,
      `it needs an image (height, width, channels) input but gets (${shape.join(', ')})`,
    );
  const h = windowOutput(height, window, stride, padding);
  const w = windowOutput(width, window, stride, padding);
  if (h < 1 || w < 1)
    throw invalid(
      index,
      name,
      `its ${window}x${window} window is larger than its ${height}x${width} input`,
    );
  return [h, w, channels];
}

/** The last dimension of a layer's input shape (its channels or its length). */
function lastDim(shape: number[]): number {
  const last = shape.at(-1);
  if (last === undefined) throw new Error('a layer shape has at least one dimension');
  return last;
}

/** Output shape and weight shapes of one layer for the given input shape. */
function layerShapes(
  index: number,
  name: string,
  layer: LayerSpec | OutputLayerSpec,
  input: number[],
): Pick<ExportLayer, 'outputShape' | 'weights'> {
  switch (layer.type) {
    case 'conv2d': {
      const outputShape = spatial(
        index,
        name,
        input,
        layer.kernelSize,
        layer.strides,
        layer.padding,
        layer.filters,
      );
      const kernel = [layer.kernelSize, layer.kernelSize, lastDim(input), layer.filters];
      return {
        outputShape,
        weights: [
          { kind: 'kernel', shape: kernel },
          { kind: 'bias', shape: [layer.filters] },
        ],
      };
    }
    case 'maxPool2d':
    case 'averagePool2d':
      return {
        outputShape: spatial(
          index,
          name,
          input,
          layer.poolSize,
          layer.strides,
          layer.padding,
          lastDim(input),
        ),
        weights: [],
      };
    case 'flatten':
      return { outputShape: [input.reduce((n, d) => n * d, 1)], weights: [] };
    case 'dense':
    case 'output':
      return {
        outputShape: [...input.slice(0, -1), layer.units],
        weights: [
          { kind: 'kernel', shape: [lastDim(input), layer.units] },
          { kind: 'bias', shape: [layer.units] },
        ],
      };
    case 'dropout':
    case 'activation':
      return { outputShape: input, weights: [] };
    case 'batchNormalization': {
      const c = [lastDim(input)];
      const kinds: WeightKind[] = ['gamma', 'beta', 'moving_mean', 'moving_variance'];
      return { outputShape: input, weights: kinds.map((kind) => ({ kind, shape: c })) };
    }
    case 'globalMaxPool2d':
    case 'globalAveragePool2d':
      if (input.length !== 3)
        throw invalid(index, name, `it needs an image input but gets (${input.join(', ')})`);
      return { outputShape: [lastDim(input)], weights: [] };
    default: {
      const unknown = (layer as { type: unknown }).type;
      throw new LetterLabError(
        'export.unsupported-layer',
        `Cannot export layer ${index + 1}: the layer type "${String(unknown)}" has no Keras equivalent in this exporter.`,
      );
    }
  }
}

/**
 * Refuses a spec the app itself would not train (the builder's errors), so the script
 * never describes a model that Letter Lab shows differently.
 */
export function assertExportable(spec: ModelSpec): void {
  const errors = validateSpec(spec).filter((p) => p.severity === 'error');
  const [first] = errors;
  if (first === undefined) return;
  const where =
    first.layer === null ? '' : `, layer ${first.layer + 1} (${appLayerNames(spec)[first.layer]})`;
  const message = /[.!?]$/.test(first.message) ? first.message : `${first.message}.`;
  const more = errors.length > 1 ? ` There are ${errors.length - 1} more problems.` : '';
  throw new LetterLabError(
    'export.invalid-spec',
    `Cannot export "${spec.name}"${where}: ${message}${more} Fix the model in the builder, then export again.`,
  );
}

/** Every layer of the Keras model, output layer last, named as the app names them. */
export function exportLayers(spec: ModelSpec): ExportLayer[] {
  assertExportable(spec);
  const names = appLayerNames(spec);
  const all: (LayerSpec | OutputLayerSpec)[] = [
    ...spec.layers,
    { type: 'output', units: spec.classes, activation: 'softmax' },
  ];
  let shape = [spec.input.height, spec.input.width, spec.input.channels];
  return all.map((layer, i) => {
    const name = names[i];
    if (name === undefined) throw new Error(`no name for layer ${i + 1} of "${spec.name}"`);
    const { outputShape, weights } = layerShapes(i, name, layer, shape);
    const result = { name, layer, inputShape: shape, outputShape, weights };
    shape = outputShape;
    return result;
  });
}
