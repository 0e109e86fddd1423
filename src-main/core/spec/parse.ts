// Reads a model spec from JSON the user picked, checking every field against its bounds.
// Errors name the JSON path: "layers[3].units must be a whole number from 1 to 4096, got -2".
//
// Fields Keras lets you leave out may be missing: a pool's strides (= its window), padding
// ('valid'), Conv2D strides (1), activation ('linear'), learningRate (the optimizer's default).
// Unknown fields are dropped.

import type {
  Activation,
  CompileSpec,
  InputSpec,
  LayerSpec,
  ModelSpec,
  OptimizerName,
  Padding,
} from '../../contract/spec';
import { DEFAULT_LEARNING_RATE } from './defaults';
import { LAYER_TYPES } from './layer-types';
import { SpecError } from './spec-error';
import { jsonSyntaxReason } from '../errors';

export { defaultLayer } from './defaults';

export const SPEC_LIMITS = {
  layers: 100,
  units: 4096,
  filters: 4096,
  window: 28,
  poolStride: 28,
  imageSize: 128,
  channels: 4,
  classes: 100,
  nameLength: 100,
  maxLearningRate: 10,
  epochs: 1000,
  batchSize: 4096,
} as const;

const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'softmax', 'linear'];
const PADDINGS: readonly Padding[] = ['valid', 'same'];
const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'adam', 'rmsprop'];

type Json = Record<string, unknown>;

function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'an object';
  // Objects and lists are named above: what is left prints as itself.
  // eslint-disable-next-line @typescript-eslint/no-base-to-string
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function fail(path: string, rule: string, value: unknown): never {
  throw new SpecError('spec.invalid', `${path} must be ${rule}, got ${shown(value)}`, { path });
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function object(value: unknown, path: string, what: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(path, what, value);
  return value as Json;
}

function int(obj: Json, key: string, path: string, min: number, max: number, fallback?: number) {
  const value = obj[key] === undefined && fallback !== undefined ? fallback : obj[key];
  const ok = typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
  if (!ok) fail(join(path, key), `a whole number from ${min} to ${max}`, value);
  return value;
}

function oneOf<T extends string>(
  obj: Json,
  key: string,
  path: string,
  options: readonly T[],
  fallback?: T,
): T {
  const value = obj[key] === undefined && fallback !== undefined ? fallback : obj[key];
  if (!options.includes(value as T)) fail(join(path, key), `one of ${options.join(', ')}`, value);
  return value as T;
}

function layer(value: unknown, path: string): LayerSpec {
  const obj = object(value, path, 'an object with a "type"');
  const type = oneOf(obj, 'type', path, LAYER_TYPES);
  const activation = () => oneOf(obj, 'activation', path, ACTIVATIONS, 'linear');
  switch (type) {
    case 'conv2d':
      return {
        type,
        filters: int(obj, 'filters', path, 1, SPEC_LIMITS.filters),
        kernelSize: int(obj, 'kernelSize', path, 1, SPEC_LIMITS.window),
        strides: int(obj, 'strides', path, 1, 2, 1) as 1 | 2,
        padding: oneOf(obj, 'padding', path, PADDINGS, 'valid'),
        activation: activation(),
      };
    case 'maxPool2d':
    case 'averagePool2d': {
      const poolSize = int(obj, 'poolSize', path, 1, SPEC_LIMITS.window);
      return {
        type,
        poolSize,
        strides: int(obj, 'strides', path, 1, SPEC_LIMITS.poolStride, poolSize),
        padding: oneOf(obj, 'padding', path, PADDINGS, 'valid'),
      };
    }
    case 'dense':
      return {
        type,
        units: int(obj, 'units', path, 1, SPEC_LIMITS.units),
        activation: activation(),
      };
    case 'dropout': {
      const rate = obj.rate;
      if (!(typeof rate === 'number' && rate >= 0 && rate < 1)) {
        fail(join(path, 'rate'), 'a number from 0 up to (but not including) 1', rate);
      }
      return { type, rate };
    }
    case 'activation':
      return { type, activation: oneOf(obj, 'activation', path, ACTIVATIONS) };
    default:
      return { type };
  }
}

function input(value: unknown): InputSpec {
  const obj = object(value, 'input', 'an object with height, width and channels');
  return {
    height: int(obj, 'height', 'input', 1, SPEC_LIMITS.imageSize),
    width: int(obj, 'width', 'input', 1, SPEC_LIMITS.imageSize),
    channels: int(obj, 'channels', 'input', 1, SPEC_LIMITS.channels),
  };
}

function compile(value: unknown): CompileSpec {
  const obj = object(
    value,
    'compile',
    'an object with optimizer, learningRate, epochs and batchSize',
  );
  const optimizer = oneOf(obj, 'optimizer', 'compile', OPTIMIZERS);
  const rate = obj.learningRate === undefined ? DEFAULT_LEARNING_RATE[optimizer] : obj.learningRate;
  if (!(typeof rate === 'number' && rate > 0 && rate <= SPEC_LIMITS.maxLearningRate)) {
    fail('compile.learningRate', `a number above 0, at most ${SPEC_LIMITS.maxLearningRate}`, rate);
  }
  return {
    optimizer,
    learningRate: rate,
    epochs: int(obj, 'epochs', 'compile', 1, SPEC_LIMITS.epochs),
    batchSize: int(obj, 'batchSize', 'compile', 1, SPEC_LIMITS.batchSize),
  };
}

/** Checks an imported model spec (already JSON-parsed) and returns a clean copy. */
export function parseSpec(json: unknown): ModelSpec {
  const obj = object(
    json,
    'the model',
    'a JSON object with version, name, input, layers, classes and compile',
  );
  if (obj.version !== 1) {
    const newer = typeof obj.version === 'number' && obj.version > 1;
    throw new SpecError(
      'spec.unsupported-version',
      `version must be 1, got ${shown(obj.version)}${newer ? ': this model was saved by a newer Letter Lab; update Letter Lab to open it' : ''}`,
      { path: 'version' },
    );
  }
  const name = obj.name;
  if (typeof name !== 'string' || name.trim() === '' || name.length > SPEC_LIMITS.nameLength) {
    fail('name', `a text of 1 to ${SPEC_LIMITS.nameLength} characters`, name);
  }
  if (!Array.isArray(obj.layers)) fail('layers', 'a list of blocks', obj.layers);
  if (obj.layers.length > SPEC_LIMITS.layers) {
    fail('layers', `a list of at most ${SPEC_LIMITS.layers} blocks`, obj.layers.length);
  }
  return {
    version: 1,
    name,
    input: input(obj.input),
    layers: obj.layers.map((item, i) => layer(item, `layers[${i}]`)),
    classes: int(obj, 'classes', '', 2, SPEC_LIMITS.classes),
    compile: compile(obj.compile),
  };
}

/** Parses the text of a model file, then checks it with parseSpec. */
export function parseSpecText(text: string): ModelSpec {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const reason = jsonSyntaxReason(err);
    throw new SpecError(
      'spec.not-json',
      `The model file is not valid JSON (${reason}). Pick a .json model file saved by Letter Lab.`,
    );
  }
  return parseSpec(json);
}
