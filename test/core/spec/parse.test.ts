import { describe, expect, it } from 'vitest';
import type { LayerSpec, ModelSpec } from '../../../src-main/contract/spec';
import {
  defaultLayer,
  LAYER_TYPES,
  parseSpec,
  parseSpecText,
  PRESETS,
  SpecError,
  validateSpec,
} from '../../../src-main/core/spec';

const convnet = PRESETS.find((p) => p.id === 'convnet-dense-dropout')!.spec;

/** The convnet preset as plain JSON with one change made to it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- free-form edits of raw JSON
function edited(edit: (json: Record<string, any>) => void): unknown {
  const json = JSON.parse(JSON.stringify(convnet));
  edit(json);
  return json;
}

function parseError(json: unknown): SpecError {
  try {
    parseSpec(json);
  } catch (err) {
    expect(err).toBeInstanceOf(SpecError);
    return err as SpecError;
  }
  throw new Error('parseSpec accepted the file');
}

describe('parseSpec', () => {
  it('accepts every preset after a trip through JSON, unchanged', () => {
    for (const preset of PRESETS) {
      expect(parseSpec(JSON.parse(JSON.stringify(preset.spec)))).toEqual(preset.spec);
    }
  });

  const BAD: [what: string, json: unknown, message: string][] = [
    [
      'a negative number of units',
      edited((j) => (j.layers[7].units = -2)),
      'layers[7].units must be a whole number from 1 to 4096, got -2',
    ],
    [
      'units as text',
      edited((j) => (j.layers[7].units = '64')),
      'layers[7].units must be a whole number from 1 to 4096, got "64"',
    ],
    [
      'too many filters',
      edited((j) => (j.layers[0].filters = 5000)),
      'layers[0].filters must be a whole number from 1 to 4096, got 5000',
    ],
    [
      'a kernel larger than the picture',
      edited((j) => (j.layers[1].kernelSize = 29)),
      'layers[1].kernelSize must be a whole number from 1 to 28, got 29',
    ],
    [
      'a Conv2D stride of 3',
      edited((j) => (j.layers[0].strides = 3)),
      'layers[0].strides must be a whole number from 1 to 2, got 3',
    ],
    [
      'an unknown padding',
      edited((j) => (j.layers[2].padding = 'full')),
      'layers[2].padding must be one of valid, same, got "full"',
    ],
    [
      'an unknown block type',
      edited((j) => (j.layers[0].type = 'conv3d')),
      'layers[0].type must be one of conv2d, maxPool2d, averagePool2d, flatten, dense, dropout, batchNormalization, globalMaxPool2d, globalAveragePool2d, activation, got "conv3d"',
    ],
    [
      'a block that is not an object',
      edited((j) => (j.layers[3] = 'conv')),
      'layers[3] must be an object with a "type", got "conv"',
    ],
    [
      'an unknown activation',
      edited((j) => (j.layers[7].activation = 'swish')),
      'layers[7].activation must be one of relu, tanh, sigmoid, softmax, linear, got "swish"',
    ],
    [
      'a dropout rate of 1',
      edited((j) => (j.layers[8].rate = 1)),
      'layers[8].rate must be a number from 0 up to (but not including) 1, got 1',
    ],
    [
      'too many blocks',
      edited((j) => (j.layers = Array.from({ length: 101 }, () => ({ type: 'dropout', rate: 0 })))),
      'layers must be a list of at most 100 blocks, got 101',
    ],
    [
      'layers that are not a list',
      edited((j) => (j.layers = { 0: { type: 'flatten' } })),
      'layers must be a list of blocks, got an object',
    ],
    [
      'an empty name',
      edited((j) => (j.name = '  ')),
      'name must be a text of 1 to 100 characters, got "  "',
    ],
    [
      'one class',
      edited((j) => (j.classes = 1)),
      'classes must be a whole number from 2 to 100, got 1',
    ],
    [
      'no channels',
      edited((j) => (j.input.channels = 0)),
      'input.channels must be a whole number from 1 to 4, got 0',
    ],
    [
      'no input',
      edited((j) => delete j.input),
      'input must be an object with height, width and channels, got nothing',
    ],
    [
      'no compile settings',
      edited((j) => delete j.compile),
      'compile must be an object with optimizer, learningRate, epochs and batchSize, got nothing',
    ],
    [
      'a learning rate of 0',
      edited((j) => (j.compile.learningRate = 0)),
      'compile.learningRate must be a number above 0, at most 10, got 0',
    ],
    [
      'an unknown optimizer',
      edited((j) => (j.compile.optimizer = 'adagrad')),
      'compile.optimizer must be one of sgd, adam, rmsprop, got "adagrad"',
    ],
    [
      'half an epoch',
      edited((j) => (j.compile.epochs = 0.5)),
      'compile.epochs must be a whole number from 1 to 1000, got 0.5',
    ],
    [
      'a huge batch',
      edited((j) => (j.compile.batchSize = 100000)),
      'compile.batchSize must be a whole number from 1 to 4096, got 100000',
    ],
    [
      'a list instead of a model',
      [convnet],
      'the model must be a JSON object with version, name, input, layers, classes and compile, got a list',
    ],
    [
      'null',
      null,
      'the model must be a JSON object with version, name, input, layers, classes and compile, got null',
    ],
  ];

  for (const [what, json, message] of BAD) {
    it(`rejects ${what}`, () => {
      const err = parseError(json);
      expect(err.code).toBe('spec.invalid');
      expect(err.message).toBe(message);
      expect(err.details?.path).toBe(message.split(' must ')[0]);
    });
  }

  it('rejects other versions, and says when a newer Letter Lab saved the file', () => {
    const newer = parseError(edited((j) => (j.version = 2)));
    expect(newer.code).toBe('spec.unsupported-version');
    expect(newer.message).toBe(
      'version must be 1, got 2: this model was saved by a newer Letter Lab; update Letter Lab to open it',
    );
    expect(parseError(edited((j) => delete j.version)).message).toBe(
      'version must be 1, got nothing',
    );
  });

  it('fills in what Keras lets you leave out and drops unknown fields', () => {
    const spec = parseSpec(
      edited((j) => {
        j.layers[0] = { type: 'conv2d', filters: 8, kernelSize: 5, color: 'red' };
        j.layers[2] = { type: 'maxPool2d', poolSize: 3 };
        j.layers[7] = { type: 'dense', units: 20 };
        delete j.compile.learningRate;
        j.compile.optimizer = 'sgd';
        j.author = 'camper';
      }),
    );
    expect(spec.layers[0]).toEqual({
      type: 'conv2d',
      filters: 8,
      kernelSize: 5,
      strides: 1,
      padding: 'valid',
      activation: 'linear',
    });
    expect(spec.layers[2]).toEqual({
      type: 'maxPool2d',
      poolSize: 3,
      strides: 3,
      padding: 'valid',
    });
    expect(spec.layers[7]).toEqual({ type: 'dense', units: 20, activation: 'linear' });
    expect(spec.compile.learningRate).toBe(0.01);
    expect(spec).not.toHaveProperty('author');
  });
});

describe('parseSpecText', () => {
  it('reads a saved model file', () => {
    expect(parseSpecText(JSON.stringify(convnet, null, 2))).toEqual(convnet);
  });

  it('says plainly when the file is not JSON', () => {
    try {
      parseSpecText('{"version": 1,');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SpecError);
      expect((err as SpecError).code).toBe('spec.not-json');
      expect((err as SpecError).message).toMatch(
        /^The model file is not valid JSON \(.+\)\. Pick a \.json model file saved by Letter Lab\.$/,
      );
    }
  });
});

describe('defaultLayer', () => {
  const base = (layers: LayerSpec[]): ModelSpec => ({ ...convnet, layers });

  it('gives the palette defaults', () => {
    expect(defaultLayer('conv2d')).toEqual({
      type: 'conv2d',
      filters: 16,
      kernelSize: 3,
      strides: 1,
      padding: 'valid',
      activation: 'relu',
    });
    expect(defaultLayer('maxPool2d')).toEqual({
      type: 'maxPool2d',
      poolSize: 2,
      strides: 2,
      padding: 'valid',
    });
    expect(defaultLayer('dense')).toEqual({ type: 'dense', units: 64, activation: 'relu' });
    expect(defaultLayer('dropout')).toEqual({ type: 'dropout', rate: 0.5 });
  });

  it('every new block is a valid block where it belongs, and survives parseSpec', () => {
    const flatten = defaultLayer('flatten');
    for (const type of LAYER_TYPES) {
      const layer = defaultLayer(type);
      const layers =
        type === 'dense'
          ? [flatten, layer]
          : type === 'flatten' || type.startsWith('global')
            ? [layer]
            : [layer, flatten];
      const spec = base(layers);
      expect(validateSpec(spec), type).toEqual([]);
      expect(parseSpec(JSON.parse(JSON.stringify(spec))), type).toEqual(spec);
      expect(defaultLayer(type)).not.toBe(layer);
    }
  });
});
