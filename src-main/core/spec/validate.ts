// Finds what is wrong with a model spec, in words a 12-year-old understands, each with the block
// it belongs to and one-click fixes where one exists. Never throws.
//
// Errors stop training; warnings only advise:
//   too-many-params  more than PARAMS_WARNING_LIMIT numbers to learn (a laptop trains for ages)
//   linear-stack     a Dense without activation followed by another Dense (they act as one)
//   hidden-softmax   softmax inside the network (it belongs to the answer layer)

import type {
  Activation,
  LayerSpec,
  ModelSpec,
  OptimizerName,
  Severity,
  SpecFix,
  SpecProblem,
} from '../../contract/spec';
import {
  DEFAULT_BATCH_SIZE,
  DEFAULT_EPOCHS,
  DEFAULT_LEARNING_RATE,
  defaultLayer,
} from './defaults';
import { insertFix, MODEL_LEVEL, removeFix, setFix } from './fixes';
import { layerNotation } from './layer-label';
import { formatSpecMessage } from './messages';
import { isPositiveInt, summarize, traceShapes, type LayerTrace } from './shapes';

/** Above this many parameters the builder warns that training will be very slow. */
export const PARAMS_WARNING_LIMIT = 5_000_000;

export const ACTIVATIONS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'softmax', 'linear'];
export const OPTIMIZERS: readonly OptimizerName[] = ['sgd', 'adam', 'rmsprop'];

type Params = Record<string, string | number>;

function problem(
  severity: Severity,
  layer: number | null,
  code: string,
  params: Params,
  fixes: SpecFix[] = [],
  /** The message's variant, when the code has more than one wording. */
  variant = '',
): SpecProblem {
  const messageKey = `spec.${code}${variant}`;
  return {
    severity,
    layer,
    code,
    messageKey,
    params,
    message: formatSpecMessage('en', messageKey, params),
    fixes,
  };
}

/** A value for a broken whole-number field: the nearest whole number when that works. */
function repairedInt(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0.5
    ? Math.round(value)
    : fallback;
}

function shown(value: unknown): string | number {
  return typeof value === 'number' ? value : String(value);
}

function checkInt(
  i: number,
  field: string,
  value: unknown,
  code: string,
  fallback: number,
  params: Params = {},
) {
  if (isPositiveInt(value)) return [];
  const fix = setFix(i, field, repairedInt(value, fallback));
  return [problem('error', i, code, { ...params, value: shown(value) }, [fix])];
}

function checkPadding(i: number, layer: LayerSpec, value: unknown): SpecProblem[] {
  if (value === 'valid' || value === 'same') return [];
  const params = { layer: layerNotation(layer), value: shown(value) };
  return [problem('error', i, 'padding', params, [setFix(i, 'padding', 'valid')])];
}

function checkActivation(i: number, layer: LayerSpec, value: unknown): SpecProblem[] {
  if ((ACTIVATIONS as readonly unknown[]).includes(value)) return [];
  const params = { layer: layerNotation(layer), value: shown(value) };
  return [problem('error', i, 'activation', params, [setFix(i, 'activation', 'relu')])];
}

function checkFields(layer: LayerSpec, i: number): SpecProblem[] {
  const name = { layer: layerNotation(layer) };
  switch (layer.type) {
    case 'conv2d': {
      const stride =
        layer.strides === 1 || layer.strides === 2
          ? []
          : [
              problem('error', i, 'conv-stride', { value: shown(layer.strides) }, [
                setFix(i, 'strides', 1),
              ]),
            ];
      return [
        ...checkInt(i, 'filters', layer.filters, 'filters', 16),
        ...checkInt(i, 'kernelSize', layer.kernelSize, 'window-size', 3, name),
        ...stride,
        ...checkPadding(i, layer, layer.padding),
        ...checkActivation(i, layer, layer.activation),
      ];
    }
    case 'maxPool2d':
    case 'averagePool2d':
      return [
        ...checkInt(i, 'poolSize', layer.poolSize, 'window-size', 2, name),
        ...checkInt(
          i,
          'strides',
          layer.strides,
          'stride',
          isPositiveInt(layer.poolSize) ? layer.poolSize : 2,
          name,
        ),
        ...checkPadding(i, layer, layer.padding),
      ];
    case 'dense':
      return [
        ...checkInt(i, 'units', layer.units, 'units', 64),
        ...checkActivation(i, layer, layer.activation),
      ];
    case 'dropout': {
      const rate = layer.rate;
      if (typeof rate === 'number' && rate >= 0 && rate < 1) return [];
      return [
        problem('error', i, 'dropout-rate', { value: shown(rate) }, [setFix(i, 'rate', 0.5)]),
      ];
    }
    case 'activation':
      return checkActivation(i, layer, layer.activation);
    default:
      return [];
  }
}

/** The first place where the data does not fit the block (later blocks cannot be judged). */
function checkShapes(spec: ModelSpec, traces: LayerTrace[]): SpecProblem[] {
  const broken = traces.find(
    (t) => t.issue && t.issue.kind !== 'bad-field' && t.issue.kind !== 'unknown-input',
  );
  if (!broken?.issue) return [];
  const { issue, index } = broken;
  const end = spec.layers.length;
  const flatten = defaultLayer('flatten');
  const globalMax = defaultLayer('globalMaxPool2d');
  switch (issue.kind) {
    case 'needs-list': {
      const [h, w, c] = issue.picture;
      if (broken.type === 'dense') {
        return [
          problem('error', index, 'dense-needs-list', { h, w, c }, [
            insertFix(index, flatten),
            insertFix(index, globalMax),
          ]),
        ];
      }
      if (end === 0) return [problem('error', null, 'empty', { h, w, c }, [insertFix(0, flatten)])];
      const params = { h, w, c, classes: spec.classes };
      return [
        problem('error', null, 'output-needs-list', params, [
          insertFix(end, flatten),
          insertFix(end, globalMax),
        ]),
      ];
    }
    // The block right before is named; when the list was made further up, that block too
    // (a camper reads "after Flatten" as the block just above).
    case 'needs-picture': {
      const layer = spec.layers[index];
      const params = {
        layer: layerNotation(layer),
        after: layerNotation(spec.layers[issue.listMaker]),
        before: layerNotation(spec.layers[index - 1]),
      };
      const variant = issue.listMaker === index - 1 ? '' : '-later';
      return [problem('error', index, 'needs-picture', params, [removeFix(index, layer)], variant)];
    }
    case 'already-list': {
      const params = {
        after: layerNotation(spec.layers[issue.listMaker]),
        before: layerNotation(spec.layers[index - 1]),
      };
      const variant = issue.listMaker === index - 1 ? '' : '-later';
      const fixes = [removeFix(index, spec.layers[index])];
      return [problem('error', index, 'flatten-nothing', params, fixes, variant)];
    }
    case 'window-too-big': {
      const layer = spec.layers[index];
      const [h, w] = issue.picture;
      const fits = Math.min(h, w);
      const params = { h, w, window: issue.window, layer: layerNotation(layer) };
      const fixes =
        layer.type === 'conv2d'
          ? [setFix(index, 'kernelSize', fits), setFix(index, 'padding', 'same')]
          : [
              ...(fits >= 2 ? [setFix(index, 'poolSize', fits)] : []),
              setFix(index, 'padding', 'same'),
              removeFix(index, layer),
            ];
      return [problem('error', index, 'window-too-big', params, fixes)];
    }
    default:
      return [];
  }
}

function checkModel(spec: ModelSpec): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const { height, width, channels } = (spec.input ?? {}) as Partial<ModelSpec['input']>;
  if (![height, width, channels].every(isPositiveInt)) {
    problems.push(
      problem('error', null, 'input-size', { value: `${height}x${width}x${channels}` }),
    );
  }
  if (!(isPositiveInt(spec.classes) && spec.classes >= 2)) {
    problems.push(problem('error', null, 'classes', { value: shown(spec.classes) }));
  }
  const compile = (spec.compile ?? {}) as Partial<ModelSpec['compile']>;
  const optimizer = OPTIMIZERS.includes(compile.optimizer as OptimizerName)
    ? (compile.optimizer as OptimizerName)
    : null;
  if (!optimizer) {
    const fix = setFix(MODEL_LEVEL, 'compile.optimizer', 'adam');
    problems.push(problem('error', null, 'optimizer', { value: shown(compile.optimizer) }, [fix]));
  }
  const rate = compile.learningRate;
  if (!(typeof rate === 'number' && Number.isFinite(rate) && rate > 0)) {
    const fix = setFix(
      MODEL_LEVEL,
      'compile.learningRate',
      DEFAULT_LEARNING_RATE[optimizer ?? 'adam'],
    );
    problems.push(problem('error', null, 'learning-rate', { value: shown(rate) }, [fix]));
  }
  problems.push(
    ...checkInt(MODEL_LEVEL, 'compile.epochs', compile.epochs, 'epochs', DEFAULT_EPOCHS),
  );
  problems.push(
    ...checkInt(
      MODEL_LEVEL,
      'compile.batchSize',
      compile.batchSize,
      'batch-size',
      DEFAULT_BATCH_SIZE,
    ),
  );
  // checkInt attaches to the block index it was given; these belong to the whole model.
  return problems.map((p) => ({ ...p, layer: null }));
}

const LINEAR_IN_BETWEEN = new Set<LayerSpec['type']>(['dropout', 'batchNormalization']);

/** What comes after the Dense at `i` when only linear blocks stand in between (or null). */
function nextDense(spec: ModelSpec, i: number): string | null {
  for (let j = i + 1; j < spec.layers.length; j++) {
    const layer = spec.layers[j];
    if (layer.type === 'dense') return layerNotation(layer);
    if (!LINEAR_IN_BETWEEN.has(layer.type)) return null;
  }
  return `Dense(${spec.classes})`;
}

function warnings(spec: ModelSpec): SpecProblem[] {
  const found: SpecProblem[] = [];
  spec.layers.forEach((layer, i) => {
    const name = layerNotation(layer);
    if (layer.type === 'dense' && layer.activation === 'linear') {
      const next = nextDense(spec, i);
      if (next)
        found.push(
          problem('warning', i, 'linear-stack', { layer: name, next }, [
            setFix(i, 'activation', 'relu'),
          ]),
        );
    }
    if ('activation' in layer && layer.activation === 'softmax') {
      found.push(
        problem('warning', i, 'hidden-softmax', { layer: name }, [setFix(i, 'activation', 'relu')]),
      );
    }
  });
  const total = summarize(spec).totalParams;
  if (total > PARAMS_WARNING_LIMIT) {
    found.push(
      problem('warning', null, 'too-many-params', { params: total, limit: PARAMS_WARNING_LIMIT }),
    );
  }
  return found;
}

function order(p: SpecProblem): number {
  const place = p.layer === null ? 1e9 : p.layer;
  return place * 2 + (p.severity === 'error' ? 0 : 1);
}

/** Every problem of the spec: by block, errors first, then the whole-model ones. */
export function validateSpec(spec: ModelSpec): SpecProblem[] {
  const layers = Array.isArray(spec.layers) ? spec.layers : [];
  const safe = { ...spec, layers };
  const { layers: traces } = traceShapes(safe);
  const problems = [
    ...layers.flatMap((layer, i) => checkFields(layer, i)),
    ...checkShapes(safe, traces),
    ...checkModel(safe),
    ...warnings(safe),
  ];
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => order(a.p) - order(b.p) || a.i - b.i)
    .map(({ p }) => p);
}
