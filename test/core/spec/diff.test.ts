import { describe, expect, it } from 'vitest';
import type { LayerSpec, ModelSpec } from '../../../src-main/contract/spec';
import { diffSpecs, PRESETS } from '../../../src-main/core/spec';

const texts = (a: ModelSpec, b: ModelSpec, lang: 'en' | 'pl' = 'en') =>
  diffSpecs(a, b, lang).map((c) => c.text);

const conv = (filters: number): Extract<LayerSpec, { type: 'conv2d' }> => ({
  type: 'conv2d',
  filters,
  kernelSize: 3,
  strides: 1,
  padding: 'valid',
  activation: 'relu',
});
const maxPool: LayerSpec = { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' };
const flatten: LayerSpec = { type: 'flatten' };
const base = PRESETS[0].spec;
const model = (layers: LayerSpec[]): ModelSpec => ({ ...base, layers });

describe('diffSpecs between consecutive notebook models', () => {
  const steps: [from: string, to: string, changes: string[]][] = [
    [
      'logistic-regression',
      'mlp',
      [
        'added Dense(128) after Flatten',
        'name Logistic regression → Multilayer perceptron (MLP)',
        'optimizer sgd → adam',
        'learning rate 0.01 → 0.001',
        'epochs 10 → 20',
      ],
    ],
    [
      'mlp',
      'conv',
      [
        'added Conv2D(16, 3x3) at the start',
        'removed Dense(128) after Flatten',
        'name Multilayer perceptron (MLP) → Convolution',
        'epochs 20 → 10',
      ],
    ],
    [
      'conv',
      'conv-maxpool',
      [
        'Conv2D padding same → valid',
        'added MaxPool2D(2x2) after Conv2D(16, 3x3)',
        'name Convolution → Convolution + MaxPool',
      ],
    ],
    [
      'conv-maxpool',
      'typical-convnet',
      [
        'added Conv2D(16, 3x3) after Conv2D(16, 3x3)',
        'added Conv2D(32, 3x3) after MaxPool2D(2x2)',
        'added Conv2D(32, 3x3) after Conv2D(32, 3x3)',
        'added MaxPool2D(2x2) after Conv2D(32, 3x3)',
        'name Convolution + MaxPool → Typical ConvNet',
      ],
    ],
    [
      'typical-convnet',
      'convnet-dense-dropout',
      [
        'added Dense(64) after Flatten',
        'added Dropout(0.5) after Dense(64)',
        'name Typical ConvNet → Typical ConvNet + dense + dropout',
      ],
    ],
    [
      'convnet-dense-dropout',
      'batchnorm',
      [
        'added BatchNorm after Conv2D(16, 3x3)',
        'added BatchNorm after Conv2D(32, 3x3)',
        'name Typical ConvNet + dense + dropout → Batch normalization',
      ],
    ],
    [
      'batchnorm',
      'fully-convolutional',
      [
        'removed Flatten after MaxPool2D(2x2)',
        'added Conv2D(128, 3x3) after MaxPool2D(2x2)',
        'added GlobalMaxPool2D after Conv2D(128, 3x3)',
        'added Dropout(0.5) after GlobalMaxPool2D',
        'Dense neurons 64 → 128',
        'name Batch normalization → Fully convolutional',
      ],
    ],
  ];
  const byId = (id: string) => PRESETS.find((p) => p.id === id)!.spec;

  for (const [from, to, changes] of steps) {
    it(`${from} → ${to}`, () => {
      expect(texts(byId(from), byId(to))).toEqual(changes);
    });
  }

  it('in Polish', () => {
    expect(texts(byId('logistic-regression'), byId('mlp'), 'pl')).toEqual([
      'dodano Dense(128) po Flatten',
      'nazwa: Logistic regression → Multilayer perceptron (MLP)',
      'optymalizator: sgd → adam',
      'tempo uczenia: 0,01 → 0,001',
      'liczba epok: 10 → 20',
    ]);
    expect(texts(byId('mlp'), byId('conv'), 'pl').slice(0, 2)).toEqual([
      'dodano Conv2D(16, 3x3) na początku',
      'usunięto Dense(128) po Flatten',
    ]);
  });
});

describe('diffSpecs', () => {
  it('finds nothing between a model and its copy', () => {
    expect(diffSpecs(PRESETS[6].spec, structuredClone(PRESETS[6].spec))).toEqual([]);
  });

  it('reads an inserted block as an insertion, not as a chain of changes', () => {
    const a = model([conv(16), conv(32), flatten]);
    const b = model([conv(16), maxPool, conv(32), flatten]);
    expect(texts(a, b)).toEqual(['added MaxPool2D(2x2) after Conv2D(16, 3x3)']);
    expect(texts(b, a)).toEqual(['removed MaxPool2D(2x2) after Conv2D(16, 3x3)']);
  });

  it('removes the block that is gone, not a changed neighbour', () => {
    const a = model([conv(16), conv(32), flatten]);
    const b = model([conv(32), flatten]);
    expect(texts(a, b)).toEqual(['removed Conv2D(16, 3x3) at the start']);
  });

  it('names changed fields, numbering blocks of the same kind', () => {
    const a = model([conv(16), flatten]);
    const b = model([{ ...conv(32), kernelSize: 5, padding: 'same' }, flatten]);
    expect(texts(a, b)).toEqual([
      'Conv2D filters 16 → 32',
      'Conv2D window 3x3 → 5x5',
      'Conv2D padding valid → same',
    ]);
    const two = model([conv(16), conv(16), flatten]);
    const changed = model([conv(16), conv(32), flatten]);
    expect(diffSpecs(two, changed)).toEqual([
      {
        key: 'diff.layer-field',
        params: { layer: 'Conv2D #2', field: 'filters', from: 16, to: 32 },
        text: 'Conv2D #2 filters 16 → 32',
      },
    ]);
    expect(texts(two, changed, 'pl')).toEqual(['Conv2D #2: liczba filtrów 16 → 32']);
  });

  it('reports settings: optimizer, learning rate, epochs, batch size, classes, input', () => {
    const b: ModelSpec = {
      ...base,
      input: { height: 32, width: 32, channels: 3 },
      classes: 26,
      compile: { optimizer: 'rmsprop', learningRate: 0.001, epochs: 5, batchSize: 32 },
    };
    expect(texts(base, b)).toEqual([
      'input 28x28x1 → 32x32x3',
      'classes 10 → 26',
      'optimizer sgd → rmsprop',
      'learning rate 0.01 → 0.001',
      'epochs 10 → 5',
      'batch size 128 → 32',
    ]);
  });
});
