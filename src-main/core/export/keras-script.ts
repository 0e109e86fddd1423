// Writes a Letter Lab model as a readable Keras script in the style of Piotr Migdał's
// notMNIST Keras intro: Sequential + model.add(...), compile, summary, the data from
// notMNIST_small.mat via scipy, optionally the trained weights, then model.fit.

import type { LayerSpec, ModelSpec, OptimizerName } from '../../contract/spec';
import type { DatasetRef } from '../../contract/training';
import { DEFAULT_SEED, DEFAULT_TEST_FRACTION, SPLIT_METHOD } from '../dataset/split';
import { LetterLabError } from '../errors';
import { summarize } from '../spec';
import { exportLayers, type OutputLayerSpec } from './model-layers';
import { commentText, pyNum, pyStr, pyTuple } from './python';

export interface KerasScriptOptions {
  /** Write the cell that loads weights.npz (exported next to the script). */
  hasWeights: boolean;
  /** Where the dataset was on the exporting machine; used when no copy sits next to the script. */
  datasetFile?: string;
  /**
   * What the weights were trained on (the saved network's meta.json `dataset`): model.py splits
   * with its seed and test share, and says so when its test letters were not all held out.
   */
  trainedOn?: DatasetRef | null;
}

/** notMNIST_small.mat: 28x28 letters with one channel, ten classes (A-J). */
export const NOTMNIST_INPUT = { height: 28, width: 28, channels: 1, classes: 10 } as const;

/**
 * Why model.py cannot train this network (it loads notMNIST_small.mat's 28x28x1 letters, ten
 * classes), or null when it can.
 */
export function scriptInputProblem(spec: ModelSpec): string | null {
  const { height, width, channels } = spec.input;
  const { classes } = spec;
  const n = NOTMNIST_INPUT;
  if (height === n.height && width === n.width && channels === n.channels && classes === n.classes)
    return null;
  return (
    `model.py trains on notMNIST_small.mat, whose letters are ${n.height}x${n.width} pixels with ` +
    `${n.channels} channel in ${n.classes} classes (A-J), but this network takes ` +
    `${height}x${width}x${channels} pictures in ${classes} classes. Change its input to ` +
    `${n.height}x${n.width}x${n.channels} with ${n.classes} classes to export it for Keras; ` +
    'saving it in Letter Lab works for any input.'
  );
}

/** The split model.py makes: the one the weights were trained with, else the notebook's. */
export function scriptSplit(trainedOn: DatasetRef | null | undefined): {
  seed: number;
  testFraction: number;
} {
  return {
    seed: trainedOn?.splitSeed ?? DEFAULT_SEED,
    testFraction: trainedOn?.testFraction ?? DEFAULT_TEST_FRACTION,
  };
}

/** The marker on the first line of every model.py we write (to recognise our own exports). */
export const SCRIPT_MARKER = '# Letter Lab export';
export const DATASET_FILE_NAME = 'notMNIST_small.mat';
export const WEIGHTS_FILE_NAME = 'weights.npz';

/** Longest model.add(...) line whose shape comment is aligned with the others. */
const ALIGN_LIMIT = 72;

export const OPTIMIZER_CLASS: Record<OptimizerName, string> = {
  sgd: 'SGD',
  adam: 'Adam',
  rmsprop: 'RMSprop',
};

/** Keras class of each layer type, in the order the import line lists them. */
const KERAS_CLASS: Record<LayerSpec['type'] | 'output', string> = {
  conv2d: 'Conv2D',
  maxPool2d: 'MaxPooling2D',
  averagePool2d: 'AveragePooling2D',
  globalMaxPool2d: 'GlobalMaxPooling2D',
  globalAveragePool2d: 'GlobalAveragePooling2D',
  batchNormalization: 'BatchNormalization',
  activation: 'Activation',
  flatten: 'Flatten',
  dense: 'Dense',
  output: 'Dense',
  dropout: 'Dropout',
};

/** One line of the model: the Python call and what it produces. */
export interface ScriptLayerRow {
  name: string;
  call: string;
  outputShape: (number | null)[];
  params: number;
}

function square(n: number): string {
  return pyTuple([n, n]);
}

/** The Keras constructor call for one layer, leaving out arguments that are Keras defaults. */
function layerCall(layer: LayerSpec | OutputLayerSpec, name: string, where: string): string {
  const cls = KERAS_CLASS[layer.type];
  const args: string[] = [];
  switch (layer.type) {
    case 'conv2d':
      args.push(pyNum(layer.filters, `${where} filters`), square(layer.kernelSize));
      if (layer.strides !== 1) args.push(`strides=${square(layer.strides)}`);
      if (layer.padding !== 'valid') args.push(`padding=${pyStr(layer.padding)}`);
      args.push(`activation=${pyStr(layer.activation)}`);
      break;
    case 'maxPool2d':
    case 'averagePool2d':
      args.push(square(layer.poolSize));
      if (layer.strides !== layer.poolSize) args.push(`strides=${square(layer.strides)}`);
      if (layer.padding !== 'valid') args.push(`padding=${pyStr(layer.padding)}`);
      break;
    case 'dense':
    case 'output':
      args.push(pyNum(layer.units, `${where} units`), `activation=${pyStr(layer.activation)}`);
      break;
    case 'dropout':
      args.push(pyNum(layer.rate, `${where} dropout rate`));
      break;
    case 'activation':
      args.push(pyStr(layer.activation));
      break;
    default:
      break;
  }
  args.push(`name=${pyStr(name)}`);
  return `${cls}(${args.join(', ')})`;
}

/** The model's layers as script lines, output layer last. */
export function scriptLayerRows(spec: ModelSpec): ScriptLayerRow[] {
  // Shapes and counts as the app's summary shows them (the same numbers Keras prints).
  const summary = summarize(spec).layers;
  return exportLayers(spec).map((l, i) => {
    const row = summary[i];
    if (row === undefined) throw new Error(`the summary of "${spec.name}" lacks layer ${i + 1}`);
    return {
      name: l.name,
      call: layerCall(l.layer, l.name, `layer ${i + 1} (${l.name})`),
      outputShape: row.outputShape ?? [null, ...l.outputShape],
      params: row.params,
    };
  });
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

function modelCell(spec: ModelSpec, rows: ScriptLayerRow[]): string[] {
  const { height, width, channels } = spec.input;
  const adds = rows.map((r) => ({ add: `model.add(${r.call})`, row: r }));
  // Align the shape comments, but let an unusually long line keep its comment close.
  const column = Math.max(...adds.map(({ add }) => (add.length <= ALIGN_LIMIT ? add.length : 0)));
  const lines = adds.map(({ add, row }) => {
    const note = `# -> ${pyTuple(row.outputShape)}, ${plural(row.params, 'param')}`;
    return `${add.padEnd(column)}  ${note}`;
  });
  const total = rows.reduce((n, r) => n + r.params, 0);
  return [
    '# %% The model',
    '#',
    `# ${rows.length} layers, ${plural(total, 'parameter')}. The last Dense gives one probability per letter.`,
    '',
    'model = Sequential()',
    `model.add(Input(shape=${pyTuple([height, width, channels])}))`,
    ...lines,
    '',
    "model.compile(loss='categorical_crossentropy',",
    `              optimizer=${OPTIMIZER_CLASS[spec.compile.optimizer]}(learning_rate=${pyNum(spec.compile.learningRate, 'the learning rate')}),`,
    "              metrics=['accuracy'])",
    '',
    'model.summary()',
  ];
}

function dataCell(spec: ModelSpec, opts: KerasScriptOptions): string[] {
  const { height, width, channels } = spec.input;
  const { datasetFile } = opts;
  const { seed, testFraction } = scriptSplit(opts.trainedOn);
  const location = datasetFile
    ? [
        `DATASET_FILE = HERE / ${pyStr(DATASET_FILE_NAME)}`,
        'if not DATASET_FILE.exists():',
        '    # Where the dataset was when you exported from Letter Lab.',
        `    DATASET_FILE = Path(${pyStr(datasetFile)})`,
      ]
    : [`DATASET_FILE = HERE / ${pyStr(DATASET_FILE_NAME)}`];
  return [
    '# %% The data',
    '#',
    "# notMNIST_small.mat: 'images' is 28 x 28 x N (pixel values 0..255),",
    "# 'labels' is N x 1 (0 = A, 1 = B, ..., 9 = J).",
    '',
    ...location,
    'if not DATASET_FILE.exists():',
    `    sys.exit(f'Cannot find {DATASET_FILE}. Put ${DATASET_FILE_NAME} next to model.py (see README.md).')`,
    '',
    'data = loadmat(DATASET_FILE)',
    "X = data['images'].transpose(2, 0, 1) / 255.",
    `X = X.reshape(-1, ${height}, ${width}, ${channels}).astype('float32')`,
    "y = data['labels'].ravel().astype(int)",
    `Y = to_categorical(y, ${pyNum(spec.classes, 'the number of classes')})`,
    '',
    '# The same split as in Letter Lab (and, with 0.2 and 42, as in the notebook).',
    `X_train, X_test, Y_train, Y_test = train_test_split(X, Y, test_size=${pyNum(testFraction, 'the test share')}, random_state=${pyNum(seed, 'the split seed')})`,
  ];
}

/** What the weights cell says about the test letters the accuracy is measured on. */
function heldOutNote(trainedOn: DatasetRef | null | undefined): string[] {
  if (trainedOn?.split === SPLIT_METHOD) {
    return [
      '# Letter Lab trained them with this very split, so X_test holds only letters',
      '# these weights never learned from: the accuracy below is an honest one.',
    ];
  }
  if (trainedOn?.split === 'mixed') {
    return [
      '# These weights learned from more than one split in Letter Lab, so some of these',
      '# test letters were training letters for them: the accuracy below looks better',
      '# than it really is.',
    ];
  }
  if (!trainedOn) {
    return [
      '# Letter Lab does not know which letters these weights learned from, so some of',
      '# these test letters may have been training letters for them.',
    ];
  }
  return [
    '# These weights were trained before Letter Lab used the notebook’s split, so many',
    '# of these test letters were training letters for them: the accuracy below looks',
    '# better than it really is. Train the network again in Letter Lab for an honest one.',
  ];
}

function weightsCell(spec: ModelSpec, trainedOn: DatasetRef | null | undefined): string[] {
  const table: string[] = [];
  let index = 0;
  for (const layer of exportLayers(spec)) {
    for (const w of layer.weights) {
      const key = `arr_${index++}`;
      table.push(`#   ${key.padEnd(7)}${`${layer.name} ${w.kind}`.padEnd(40)}${pyTuple(w.shape)}`);
    }
  }
  return [
    '# %% The weights you trained in Letter Lab',
    '#',
    `# ${WEIGHTS_FILE_NAME} holds one array per weight, in Keras get_weights() order:`,
    ...table,
    '#',
    ...heldOutNote(trainedOn),
    '',
    `WEIGHTS_FILE = HERE / ${pyStr(WEIGHTS_FILE_NAME)}`,
    'if WEIGHTS_FILE.exists():',
    '    weights = np.load(WEIGHTS_FILE)',
    "    model.set_weights([weights[f'arr_{i}'] for i in range(len(weights.files))])",
    '    loss, accuracy = model.evaluate(X_test, Y_test, verbose=0)',
    "    print(f'With the weights from Letter Lab: test accuracy {accuracy:.1%}, loss {loss:.3f}')",
    'else:',
    `    print('No ${WEIGHTS_FILE_NAME} next to model.py: training from scratch.')`,
  ];
}

/** The import line for the layer classes the model uses (Input first, fixed order). */
function layerImports(spec: ModelSpec): string {
  const used = new Set<string>(['Input', 'Dense', ...spec.layers.map((l) => KERAS_CLASS[l.type])]);
  const order = ['Input', ...new Set(Object.values(KERAS_CLASS))];
  return `from keras.layers import ${order.filter((c) => used.has(c)).join(', ')}`;
}

/** A complete, runnable Keras script (Python 3) for the model. */
export function kerasScript(spec: ModelSpec, opts: KerasScriptOptions): string {
  const problem = scriptInputProblem(spec);
  if (problem) throw new LetterLabError('export.not-notmnist', problem);
  const rows = scriptLayerRows(spec);
  const name = commentText(spec.name) || 'my model';
  const lines = [
    `${SCRIPT_MARKER}: ${name}`,
    '#',
    '# The network you built in Letter Lab, written for Keras in the style of',
    "# Piotr Migdał's notMNIST Keras intro. It loads the notMNIST_small letters (A-J),",
    opts.hasWeights
      ? '# loads the weights you trained in Letter Lab and trains a little further.'
      : '# and trains the network from scratch.',
    '#',
    '# Run it with:  python model.py   (README.md says what to install)',
    '',
    'import sys',
    'from pathlib import Path',
    '',
    'import numpy as np',
    'from scipy.io import loadmat',
    'from sklearn.model_selection import train_test_split',
    '',
    'from keras.models import Sequential',
    layerImports(spec),
    `from keras.optimizers import ${OPTIMIZER_CLASS[spec.compile.optimizer]}`,
    'from keras.utils import to_categorical',
    '',
    '# The folder of this script (in a notebook: the current folder).',
    "HERE = Path(__file__).resolve().parent if '__file__' in globals() else Path.cwd()",
    '',
    ...modelCell(spec, rows),
    '',
    ...dataCell(spec, opts),
    '',
    ...(opts.hasWeights ? [...weightsCell(spec, opts.trainedOn), ''] : []),
    '# %% Training',
    '',
    'model.fit(X_train, Y_train,',
    `          epochs=${pyNum(spec.compile.epochs, 'the number of epochs')},`,
    `          batch_size=${pyNum(spec.compile.batchSize, 'the batch size')},`,
    '          validation_data=(X_test, Y_test))',
  ];
  return lines.join('\n') + '\n';
}
