// What the builder shows for each block type: its Keras name, colour group and editable fields.
import type { LayerSpec, LayerType } from '../../../src-main/contract/spec';
import { SPEC_LIMITS } from '../../../src-main/core/spec';

/** The blocks in the palette, in the order a network is usually built. */
export const PALETTE: LayerType[] = [
  'conv2d',
  'maxPool2d',
  'averagePool2d',
  'batchNormalization',
  'activation',
  'dropout',
  'flatten',
  'globalMaxPool2d',
  'globalAveragePool2d',
  'dense',
];

export type BlockGroup = 'conv' | 'pool' | 'reshape' | 'dense' | 'helper';

export const GROUPS: Record<LayerType, BlockGroup> = {
  conv2d: 'conv',
  maxPool2d: 'pool',
  averagePool2d: 'pool',
  globalMaxPool2d: 'pool',
  globalAveragePool2d: 'pool',
  flatten: 'reshape',
  dense: 'dense',
  dropout: 'helper',
  batchNormalization: 'helper',
  activation: 'helper',
};

export type FieldKey =
  'filters' | 'kernelSize' | 'strides' | 'padding' | 'activation' | 'poolSize' | 'units' | 'rate';

export interface NumberField {
  kind: 'number';
  key: FieldKey;
  min: number;
  max: number;
  step: number;
  integer: boolean;
}
export interface SelectField {
  kind: 'select';
  key: FieldKey;
  options: readonly (string | number)[];
}
export type Field = NumberField | SelectField;

const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear', 'softmax'] as const;
const PADDINGS = ['valid', 'same'] as const;

/** The same bounds parseSpec checks, so an exported model always imports again. */
export const LIMITS = {
  filters: { min: 1, max: SPEC_LIMITS.filters },
  kernelSize: { min: 1, max: SPEC_LIMITS.window },
  poolSize: { min: 1, max: SPEC_LIMITS.window },
  units: { min: 1, max: SPEC_LIMITS.units },
  /** Dropout must stay below 1; 0.95 is the most the box takes. */
  rate: { min: 0, max: 0.95 },
} as const;

function int(key: 'filters' | 'kernelSize' | 'poolSize' | 'units'): NumberField {
  return { kind: 'number', key, ...LIMITS[key], step: 1, integer: true };
}

export const FIELDS: Record<LayerType, Field[]> = {
  conv2d: [
    int('filters'),
    int('kernelSize'),
    { kind: 'select', key: 'strides', options: [1, 2] },
    { kind: 'select', key: 'padding', options: PADDINGS },
    { kind: 'select', key: 'activation', options: ACTIVATIONS },
  ],
  maxPool2d: [
    int('poolSize'),
    { kind: 'select', key: 'strides', options: [1, 2, 3, 4] },
    { kind: 'select', key: 'padding', options: PADDINGS },
  ],
  averagePool2d: [
    int('poolSize'),
    { kind: 'select', key: 'strides', options: [1, 2, 3, 4] },
    { kind: 'select', key: 'padding', options: PADDINGS },
  ],
  flatten: [],
  dense: [int('units'), { kind: 'select', key: 'activation', options: ACTIVATIONS }],
  dropout: [{ kind: 'number', key: 'rate', ...LIMITS.rate, step: 0.05, integer: false }],
  batchNormalization: [],
  globalMaxPool2d: [],
  globalAveragePool2d: [],
  activation: [{ kind: 'select', key: 'activation', options: ACTIVATIONS }],
};

/** The value of a field on a layer (fields a layer has not got read as undefined). */
export function fieldValue(layer: LayerSpec, key: FieldKey): string | number | undefined {
  return (layer as unknown as Record<string, string | number | undefined>)[key];
}

export const COMPILE_LIMITS = {
  learningRate: { min: 0.000001, max: SPEC_LIMITS.maxLearningRate, integer: false },
  epochs: { min: 1, max: SPEC_LIMITS.epochs, integer: true },
  batchSize: { min: 1, max: SPEC_LIMITS.batchSize, integer: true },
} as const;
