// The block types and the fields a camper sets on each: one table for parsing, one-click fixes
// and "what changed" between two specs.
import type { LayerType } from '../../contract/spec';

/** Each block type's own settings, in the order they are shown and compared. */
export const LAYER_FIELDS: Readonly<Record<LayerType, readonly string[]>> = {
  conv2d: ['filters', 'kernelSize', 'strides', 'padding', 'activation'],
  maxPool2d: ['poolSize', 'strides', 'padding'],
  averagePool2d: ['poolSize', 'strides', 'padding'],
  flatten: [],
  dense: ['units', 'activation'],
  dropout: ['rate'],
  batchNormalization: [],
  globalMaxPool2d: [],
  globalAveragePool2d: [],
  activation: ['activation'],
};

/** Every block type (complete by construction: LAYER_FIELDS has a key for each). */
export const LAYER_TYPES = Object.keys(LAYER_FIELDS) as readonly LayerType[];
