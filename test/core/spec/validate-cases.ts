// Broken model specs for the validation tests: what is wrong, which problem and fixes to expect.

import type { LayerSpec, ModelSpec } from '../../../src-main/contract/spec';
import { PARAMS_WARNING_LIMIT } from '../../../src-main/core/spec';

export function spec(layers: LayerSpec[], changes: Partial<ModelSpec> = {}): ModelSpec {
  return {
    version: 1,
    name: 'test',
    input: { height: 28, width: 28, channels: 1 },
    layers,
    classes: 10,
    compile: { optimizer: 'adam', learningRate: 0.001, epochs: 10, batchSize: 128 },
    ...changes,
  };
}
export const compile = (changes: Record<string, unknown>) =>
  ({ ...spec([]).compile, ...changes }) as ModelSpec['compile'];

export const conv = (filters = 16, kernelSize = 3, strides: 1 | 2 = 1): LayerSpec => ({
  type: 'conv2d',
  filters,
  kernelSize,
  strides,
  padding: 'valid',
  activation: 'relu',
});
export const maxPool = (poolSize = 2, strides = poolSize): LayerSpec => ({
  type: 'maxPool2d',
  poolSize,
  strides,
  padding: 'valid',
});
export const flatten: LayerSpec = { type: 'flatten' };
export const dense = (units = 64, activation: string = 'relu'): LayerSpec =>
  ({ type: 'dense', units, activation }) as LayerSpec;
export const dropout = (rate: number): LayerSpec => ({ type: 'dropout', rate });
/** Casts a layer with a broken field (as a hand-edited or old file could have). */
const broken = (layer: LayerSpec, field: string, value: unknown): LayerSpec =>
  ({ ...layer, [field]: value }) as LayerSpec;

export interface Case {
  what: string;
  spec: ModelSpec;
  code: string;
  severity: 'error' | 'warning';
  layer: number | null;
  params?: Record<string, string | number>;
  fixes: string[];
  /** The wording, when the code has more than one: `spec.<code><variant>`. */
  variant?: string;
  /** Words the English message must have. */
  says?: string[];
}

export const CASES: Case[] = [
  {
    what: 'nothing between input and output',
    spec: spec([]),
    code: 'empty',
    severity: 'error',
    layer: null,
    params: { h: 28, w: 28, c: 1 },
    fixes: ['Add Flatten'],
  },
  {
    what: 'Dense right after a conv block',
    spec: spec([conv(), maxPool(), dense()]),
    code: 'dense-needs-list',
    severity: 'error',
    layer: 2,
    params: { h: 13, w: 13, c: 16 },
    fixes: ['Add Flatten', 'Add GlobalMaxPool2D'],
  },
  {
    what: 'the output right after a conv block',
    spec: spec([conv(), maxPool()]),
    code: 'output-needs-list',
    severity: 'error',
    layer: null,
    params: { h: 13, w: 13, c: 16, classes: 10 },
    fixes: ['Add Flatten', 'Add GlobalMaxPool2D'],
  },
  {
    what: 'Conv2D after Flatten',
    spec: spec([flatten, conv()]),
    code: 'needs-picture',
    severity: 'error',
    layer: 1,
    params: { layer: 'Conv2D(16, 3x3)', after: 'Flatten', before: 'Flatten' },
    fixes: ['Remove Conv2D(16, 3x3)'],
  },
  {
    what: 'MaxPool2D after Flatten and Dense',
    spec: spec([conv(), flatten, dense(), maxPool()]),
    code: 'needs-picture',
    severity: 'error',
    layer: 3,
    params: { layer: 'MaxPool2D(2x2)', after: 'Flatten', before: 'Dense(64)' },
    fixes: ['Remove MaxPool2D(2x2)'],
    variant: '-later',
    says: ['Dense(64) right before it gives a list', 'Flatten further up'],
  },
  {
    what: 'Conv2D after a global pool',
    spec: spec([conv(), { type: 'globalMaxPool2d' }, conv(8)]),
    code: 'needs-picture',
    severity: 'error',
    layer: 2,
    params: { layer: 'Conv2D(8, 3x3)', after: 'GlobalMaxPool2D', before: 'GlobalMaxPool2D' },
    fixes: ['Remove Conv2D(8, 3x3)'],
  },
  {
    what: 'a global pool after Flatten',
    spec: spec([flatten, { type: 'globalAveragePool2d' }]),
    code: 'needs-picture',
    severity: 'error',
    layer: 1,
    params: { layer: 'GlobalAvgPool2D', after: 'Flatten', before: 'Flatten' },
    fixes: ['Remove GlobalAvgPool2D'],
  },
  {
    what: 'Flatten twice',
    spec: spec([flatten, dense(), flatten]),
    code: 'flatten-nothing',
    severity: 'error',
    layer: 2,
    params: { after: 'Flatten', before: 'Dense(64)' },
    fixes: ['Remove Flatten'],
    variant: '-later',
    says: ['Dense(64) right before it already gives a list'],
  },
  {
    what: 'a 3x3 kernel on a 2x2 picture',
    spec: spec([conv(8, 3, 2), conv(8, 3, 2), conv(8, 3, 2), conv(8, 3), flatten]),
    code: 'window-too-big',
    severity: 'error',
    layer: 3,
    params: { h: 2, w: 2, window: 3, layer: 'Conv2D(8, 3x3)' },
    fixes: ['Set window to 2', 'Set padding to same'],
  },
  {
    what: 'a 7x7 pool on a 5x5 picture',
    spec: spec([conv(), maxPool(5), maxPool(7), flatten]),
    code: 'window-too-big',
    severity: 'error',
    layer: 2,
    params: { h: 5, w: 5, window: 7, layer: 'MaxPool2D(7x7)' },
    fixes: ['Set window to 5', 'Set padding to same', 'Remove MaxPool2D(7x7)'],
  },
  {
    what: 'a 2x2 pool on a 1x1 picture',
    spec: spec([{ type: 'globalMaxPool2d' }], { input: { height: 1, width: 1, channels: 3 } }),
    code: 'window-too-big',
    severity: 'error',
    layer: 0,
    fixes: ['Set padding to same', 'Remove MaxPool2D(2x2)'],
  },
  {
    what: 'Dropout rate 1',
    spec: spec([flatten, dropout(1)]),
    code: 'dropout-rate',
    severity: 'error',
    layer: 1,
    params: { value: 1 },
    fixes: ['Set rate to 0.5'],
  },
  {
    what: 'Dropout rate below 0',
    spec: spec([flatten, dropout(-0.1)]),
    code: 'dropout-rate',
    severity: 'error',
    layer: 1,
    fixes: ['Set rate to 0.5'],
  },
  {
    what: 'Dense with 0 units',
    spec: spec([flatten, dense(0)]),
    code: 'units',
    severity: 'error',
    layer: 1,
    params: { value: 0 },
    fixes: ['Set neurons to 64'],
  },
  {
    what: 'Dense with 2.5 units',
    spec: spec([flatten, dense(2.5)]),
    code: 'units',
    severity: 'error',
    layer: 1,
    fixes: ['Set neurons to 3'],
  },
  {
    what: 'Conv2D with -2 filters',
    spec: spec([conv(-2), flatten]),
    code: 'filters',
    severity: 'error',
    layer: 0,
    fixes: ['Set filters to 16'],
  },
  {
    what: 'Conv2D with kernel 0',
    spec: spec([conv(16, 0), flatten]),
    code: 'window-size',
    severity: 'error',
    layer: 0,
    fixes: ['Set window to 3'],
  },
  {
    what: 'Conv2D with stride 3',
    spec: spec([broken(conv(), 'strides', 3), flatten]),
    code: 'conv-stride',
    severity: 'error',
    layer: 0,
    fixes: ['Set step to 1'],
  },
  {
    what: 'a pool with step 0',
    spec: spec([maxPool(2, 0), flatten]),
    code: 'stride',
    severity: 'error',
    layer: 0,
    fixes: ['Set step to 2'],
  },
  {
    what: 'an unknown padding',
    spec: spec([broken(conv(), 'padding', 'full'), flatten]),
    code: 'padding',
    severity: 'error',
    layer: 0,
    fixes: ['Set padding to valid'],
  },
  {
    what: 'an unknown activation',
    spec: spec([flatten, dense(64, 'swish')]),
    code: 'activation',
    severity: 'error',
    layer: 1,
    fixes: ['Set activation to relu'],
  },
  {
    what: 'learning rate 0',
    spec: spec([flatten], { compile: compile({ learningRate: 0 }) }),
    code: 'learning-rate',
    severity: 'error',
    layer: null,
    fixes: ['Set learning rate to 0.001'],
  },
  {
    what: 'a negative learning rate with SGD',
    spec: spec([flatten], { compile: compile({ optimizer: 'sgd', learningRate: -1 }) }),
    code: 'learning-rate',
    severity: 'error',
    layer: null,
    fixes: ['Set learning rate to 0.01'],
  },
  {
    what: 'an unknown optimizer',
    spec: spec([flatten], { compile: compile({ optimizer: 'adagrad' }) }),
    code: 'optimizer',
    severity: 'error',
    layer: null,
    fixes: ['Set optimizer to adam'],
  },
  {
    what: '0 epochs',
    spec: spec([flatten], { compile: compile({ epochs: 0 }) }),
    code: 'epochs',
    severity: 'error',
    layer: null,
    fixes: ['Set epochs to 10'],
  },
  {
    what: '2.5 epochs',
    spec: spec([flatten], { compile: compile({ epochs: 2.5 }) }),
    code: 'epochs',
    severity: 'error',
    layer: null,
    fixes: ['Set epochs to 3'],
  },
  {
    what: 'batch size -5',
    spec: spec([flatten], { compile: compile({ batchSize: -5 }) }),
    code: 'batch-size',
    severity: 'error',
    layer: null,
    fixes: ['Set batch size to 128'],
  },
  {
    what: 'a linear Dense before the output',
    spec: spec([flatten, dense(64, 'linear')]),
    code: 'linear-stack',
    severity: 'warning',
    layer: 1,
    params: { layer: 'Dense(64)', next: 'Dense(10)' },
    fixes: ['Set activation to relu'],
  },
  {
    what: 'a linear Dense, Dropout, then another Dense',
    spec: spec([flatten, dense(64, 'linear'), dropout(0.5), dense(32)]),
    code: 'linear-stack',
    severity: 'warning',
    layer: 1,
    params: { layer: 'Dense(64)', next: 'Dense(32)' },
    fixes: ['Set activation to relu'],
  },
  {
    what: 'softmax in a hidden layer',
    spec: spec([flatten, dense(64, 'softmax')]),
    code: 'hidden-softmax',
    severity: 'warning',
    layer: 1,
    fixes: ['Set activation to relu'],
  },
  {
    what: 'very many parameters',
    spec: spec([conv(64), flatten, dense(4096)]),
    code: 'too-many-params',
    severity: 'warning',
    layer: null,
    params: { params: 640 + 43_264 * 4096 + 4096 + 4096 * 10 + 10, limit: PARAMS_WARNING_LIMIT },
    fixes: [],
  },
];
// The 1x1 case needs its pool in front of the global pool.
CASES.find((c) => c.what === 'a 2x2 pool on a 1x1 picture')!.spec.layers.unshift(maxPool(2));
