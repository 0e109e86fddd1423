// Runs an exported model.py against the Keras / scikit-learn stand-ins in
// fixtures/stand-in (real NumPy and SciPy) and checks what it asked Keras to build.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { LayerSpec, ModelSpec } from '../../../src-main/contract/spec';
import { pythonHas, runPython } from './run-python';

export const STAND_IN_PATH = resolve(
  dirname(fileURLToPath(import.meta.url)),
  'fixtures',
  'stand-in',
);
export const hasNumpyScipy = pythonHas('numpy', 'scipy.io');

export interface ArrayReport {
  shape: number[];
  dtype: string;
  sha256: string;
}
export interface CallReport {
  class: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
}
export interface KerasReport {
  layers: CallReport[];
  compile: { loss: string; optimizer: { class: string; learning_rate: number }; metrics: string[] };
  summary: boolean;
  set_weights: ArrayReport[] | null;
  evaluate: { X: ArrayReport; Y: ArrayReport } | null;
  fit: {
    epochs: number;
    batch_size: number;
    X: ArrayReport;
    Y: ArrayReport;
    X_range: [number, number];
    Y_rows_sum_to_one: boolean;
    X_val: ArrayReport;
    Y_val: ArrayReport;
  };
}

/** Writes a small notMNIST-like .mat (28 x 28 x count doubles 0..255, labels count x 1). */
export function writeSmallMat(path: string, count: number): void {
  runPython([
    '-c',
    `import sys, numpy as np
from scipy.io import savemat
n = int(sys.argv[2])
rng = np.random.RandomState(0)
images = rng.randint(0, 256, size=(28, 28, n)).astype(np.float64)
images[0, 0, 0] = 255
labels = (np.arange(n) % 10).astype(np.float64).reshape(n, 1)
savemat(sys.argv[1], {'images': images, 'labels': labels}, format='5', oned_as='column')`,
    path,
    String(count),
  ]);
}

/** Runs `python3 model.py` in `dir` with the stand-ins and returns their report. */
export function runWithStandIns(dir: string): KerasReport {
  const report = join(dir, 'keras-report.json');
  runPython(
    [join(dir, 'model.py')],
    { PYTHONPATH: STAND_IN_PATH, LETTER_LAB_KERAS_REPORT: report },
    dir,
  );
  return JSON.parse(readFileSync(report, 'utf8')) as KerasReport;
}

const KERAS_CLASS: Record<LayerSpec['type'], string> = {
  conv2d: 'Conv2D',
  maxPool2d: 'MaxPooling2D',
  averagePool2d: 'AveragePooling2D',
  flatten: 'Flatten',
  dense: 'Dense',
  dropout: 'Dropout',
  batchNormalization: 'BatchNormalization',
  globalMaxPool2d: 'GlobalMaxPooling2D',
  globalAveragePool2d: 'GlobalAveragePooling2D',
  activation: 'Activation',
};

/** Checks one recorded call against its spec layer, filling in Keras's documented defaults. */
function expectLayerCall(call: CallReport, layer: LayerSpec, name: string, where: string): void {
  expect(call.class, where).toBe(KERAS_CLASS[layer.type]);
  expect(call.kwargs.name, where).toBe(name);
  const kw = call.kwargs;
  switch (layer.type) {
    case 'conv2d':
      expect(call.args, where).toEqual([layer.filters, [layer.kernelSize, layer.kernelSize]]);
      expect(kw.strides ?? [1, 1], where).toEqual([layer.strides, layer.strides]);
      expect(kw.padding ?? 'valid', where).toBe(layer.padding);
      expect(kw.activation ?? 'linear', where).toBe(layer.activation);
      break;
    case 'maxPool2d':
    case 'averagePool2d': {
      const pool = call.args[0] ?? kw.pool_size ?? [2, 2];
      expect(pool, where).toEqual([layer.poolSize, layer.poolSize]);
      expect(kw.strides ?? pool, where).toEqual([layer.strides, layer.strides]);
      expect(kw.padding ?? 'valid', where).toBe(layer.padding);
      break;
    }
    case 'dense':
      expect(call.args, where).toEqual([layer.units]);
      expect(kw.activation ?? 'linear', where).toBe(layer.activation);
      break;
    case 'dropout':
      expect(call.args, where).toEqual([layer.rate]);
      break;
    case 'activation':
      expect(call.args, where).toEqual([layer.activation]);
      break;
    default:
      expect(call.args, where).toEqual([]);
  }
}

/** Checks the whole recorded model against the spec: Input, every layer in order, output, compile, fit. */
export function expectReportMatchesSpec(
  report: KerasReport,
  spec: ModelSpec,
  names: string[],
): void {
  const { height, width, channels } = spec.input;
  expect(report.layers[0]).toEqual({
    class: 'Input',
    args: [],
    kwargs: { shape: [height, width, channels] },
  });
  const hidden = report.layers.slice(1, -1);
  expect(hidden.length).toBe(spec.layers.length);
  spec.layers.forEach((layer, i) => expectLayerCall(hidden[i], layer, names[i], `layer ${i + 1}`));
  const output = report.layers[report.layers.length - 1];
  expectLayerCall(
    output,
    { type: 'dense', units: spec.classes, activation: 'softmax' },
    names[names.length - 1],
    'output layer',
  );
  expect(report.compile).toEqual({
    loss: 'categorical_crossentropy',
    optimizer: {
      class: { sgd: 'SGD', adam: 'Adam', rmsprop: 'RMSprop' }[spec.compile.optimizer],
      learning_rate: spec.compile.learningRate,
    },
    metrics: ['accuracy'],
  });
  expect(report.summary).toBe(true);
  expect(report.fit.epochs).toBe(spec.compile.epochs);
  expect(report.fit.batch_size).toBe(spec.compile.batchSize);
}
