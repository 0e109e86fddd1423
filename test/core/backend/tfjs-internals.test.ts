// Canary: every private part of TensorFlow.js that Letter Lab relies on, by name, with the file
// that relies on it. tfjs does not promise these between versions; when an upgrade breaks one,
// this test says which, before training silently changes. README: "Upgrading TensorFlow.js".
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../../src-main/core/backend';
import { originalKernel } from '../../../src-main/core/backend/kernels/originals';
import { WASM_KERNELS } from '../../../src-main/core/backend/kernels/register';
import { KerasAdam, KerasRMSprop } from '../../../src-main/core/model/keras-optimizers';
import { wasmApi } from '../../../src-main/core/backend/simd/wasm-api';

/** The tfjs version the parts below were checked against. Change it only after README's steps. */
const CHECKED_VERSION = '4.22.0';
const PACKAGES = [
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-backend-wasm',
  '@tensorflow/tfjs-backend-cpu',
];

const require = createRequire(import.meta.url);

function installedVersion(name: string): string {
  const main = require.resolve(name);
  const root = main.slice(0, main.lastIndexOf(`/node_modules/${name}/`) + 14 + name.length);
  return (JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { version: string }).version;
}

/**
 * The fields of tfjs's optimizers that core/training/optimizer-step.ts (one kernel per variable)
 * and core/model/keras-optimizers.ts (Keras 2.1.4's Adam and RMSprop) read and write.
 */
interface OptimizerFields {
  learningRate: unknown;
  incrementIterations: unknown;
  [field: string]: unknown;
}

interface Slot {
  originalName: unknown;
  variable: unknown;
}

/** One optimizer step on a 2x3 variable, so the optimizer has made its slots. */
function stepped(optimizer: tf.Optimizer): { fields: OptimizerFields; variable: tf.Variable } {
  const variable = tf.variable(tf.ones([2, 3]), true, `canary_${optimizer.getClassName()}`);
  optimizer.minimize(() => tf.sum<tf.Scalar>(tf.square(variable)));
  return { fields: optimizer as unknown as OptimizerFields, variable };
}

/** `optimizer[name][0]` is the slot of `variable`, named `<variable>/<suffix>` as tfjs saves it. */
function expectSlots(
  fields: OptimizerFields,
  name: string,
  variable: tf.Variable,
  suffix: string,
): void {
  const slots = fields[name] as Slot[] | undefined;
  expect(Array.isArray(slots), `optimizer.${name}`).toBe(true);
  const [slot] = slots as Slot[];
  expect(slot.originalName, `optimizer.${name}[0].originalName`).toBe(`${variable.name}/${suffix}`);
  expect(slot.variable, `optimizer.${name}[0].variable`).toBeInstanceOf(tf.Variable);
  expect((slot.variable as tf.Variable).shape).toEqual(variable.shape);
}

/** The protected incrementIterations() moves the public `iterations` count on by one. */
function expectIterationCounter(optimizer: tf.Optimizer): void {
  const fields = optimizer as unknown as OptimizerFields;
  expect(typeof fields.incrementIterations, 'optimizer.incrementIterations').toBe('function');
  const before = optimizer.iterations;
  (fields.incrementIterations as () => void).call(optimizer);
  expect(optimizer.iterations).toBe(before + 1);
}

describe('the TensorFlow.js version these parts were checked against', () => {
  it.each(PACKAGES)('%s is the checked version', (name) => {
    expect(installedVersion(name), `${name}: see README "Upgrading TensorFlow.js"`).toBe(
      CHECKED_VERSION,
    );
  });
});

describe('tfjs-layers private parts', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('Dropout reads its `seed` field on every call (core/training/step.ts)', () => {
    const layer = tfl.layers.dropout({ rate: 0.5 });
    const x = tf.ones([1, 64]);
    const masked = (seed: number) => {
      (layer as unknown as { seed?: number }).seed = seed;
      return Array.from((layer.apply(x, { training: true }) as tf.Tensor).dataSync());
    };
    expect(masked(7)).toEqual(masked(7));
    expect(masked(7)).not.toEqual(masked(8));
    x.dispose();
  });
});

describe('tfjs-core optimizer fields (core/training/optimizer-step.ts, core/model/keras-optimizers.ts)', () => {
  it('Adam: learningRate, beta1, beta2, epsilon, accBeta1/2 (beta^t), m and v slots, iterations', () => {
    const adam = tf.train.adam(0.001, 0.9, 0.999, 1e-7);
    const { fields, variable } = stepped(adam);
    for (const name of ['learningRate', 'beta1', 'beta2', 'epsilon']) {
      expect(typeof fields[name], `adam.${name}`).toBe('number');
    }
    // Start at beta and are multiplied by beta after each step: step t reads beta^t (the
    // optimizer step reads them and moves them on the same way).
    expect(fields.accBeta1).toBeInstanceOf(tf.Variable);
    expect(fields.accBeta2).toBeInstanceOf(tf.Variable);
    expect((fields.accBeta1 as tf.Variable).dataSync()[0]).toBeCloseTo(0.9 ** 2, 6);
    expect((fields.accBeta2 as tf.Variable).dataSync()[0]).toBeCloseTo(0.999 ** 2, 6);
    expectSlots(fields, 'accumulatedFirstMoment', variable, 'm');
    expectSlots(fields, 'accumulatedSecondMoment', variable, 'v');
    expect(adam.iterations).toBe(1);
    expectIterationCounter(adam);
  });

  it('RMSProp: learningRate, decay, momentum, epsilon, centered, rms and momentum slots', () => {
    const rmsprop = tf.train.rmsprop(0.001, 0.9, 0, 1e-7, false);
    const { fields, variable } = stepped(rmsprop);
    for (const name of ['learningRate', 'decay', 'momentum', 'epsilon']) {
      expect(typeof fields[name], `rmsprop.${name}`).toBe('number');
    }
    expect(fields.centered).toBe(false);
    expectSlots(fields, 'accumulatedMeanSquares', variable, 'rms');
    expectSlots(fields, 'accumulatedMoments', variable, 'momentum');
    expectIterationCounter(rmsprop);
  });

  it('SGD: learningRate and the iteration counter', () => {
    const sgd = tf.train.sgd(0.01);
    const { fields } = stepped(sgd);
    expect(fields.learningRate).toBe(0.01);
    expect(sgd.iterations).toBe(1);
    expectIterationCounter(sgd);
  });

  it('engine().registeredVariables finds a variable by the name applyGradients is given', () => {
    const variable = tf.variable(tf.zeros([2]), true, 'canary_registered');
    expect(tf.engine().registeredVariables.canary_registered).toBe(variable);
    variable.dispose();
  });

  it('a saved model names its optimizer Adam or RMSProp, the names the Keras classes load under', () => {
    expect(tf.AdamOptimizer.className).toBe('Adam');
    expect(tf.RMSPropOptimizer.className).toBe('RMSProp');
    expect(KerasAdam.className).toBe('Adam');
    expect(KerasRMSprop.className).toBe('RMSProp');
  });
});

describe('tfjs-layers layer internals (core/training/forward.ts)', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('Conv2D and Dense keep [kernel, bias] in that order; BatchNormalization names its four', () => {
    const model = tfl.sequential({
      layers: [
        tfl.layers.conv2d({ inputShape: [6, 6, 1], filters: 2, kernelSize: 3 }),
        tfl.layers.batchNormalization(),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 3 }),
      ],
    });
    const names = (layer: number) =>
      model.layers[layer].weights.map((w) => w.originalName.split('/').at(-1));
    expect(names(0)).toEqual(['kernel', 'bias']);
    expect(names(3)).toEqual(['kernel', 'bias']);
    expect(names(1)).toEqual(
      expect.arrayContaining(['gamma', 'beta', 'moving_mean', 'moving_variance']),
    );
    // The config keys the plans read.
    expect(Object.keys(model.layers[0].getConfig())).toEqual(
      expect.arrayContaining(['strides', 'padding', 'dilationRate', 'activation', 'useBias']),
    );
    expect(Object.keys(model.layers[1].getConfig())).toEqual(
      expect.arrayContaining(['axis', 'momentum', 'epsilon', 'center', 'scale']),
    );
    model.dispose();
  });

  it('a compiled functional model keeps its loss in lossFunctions; a Sequential has none of its own', () => {
    const input = tfl.input({ shape: [4] });
    const output = tfl.layers.dense({ units: 2, activation: 'softmax' }).apply(input);
    const functional = tfl.model({ inputs: input, outputs: output as tfl.SymbolicTensor });
    functional.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
    const losses = (functional as unknown as { lossFunctions?: unknown[] }).lossFunctions;
    expect(losses).toHaveLength(1);
    expect(typeof losses?.[0]).toBe('function');
    const sequential = tfl.sequential({
      layers: [tfl.layers.dense({ inputShape: [4], units: 2 })],
    });
    sequential.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
    // So forward.ts's lossOf falls back to categorical cross-entropy, the loss every preset has.
    expect((sequential as unknown as { lossFunctions?: unknown }).lossFunctions).toBeUndefined();
    functional.dispose();
    sequential.dispose();
  });
});

describe('tfjs-backend-cpu private parts (core/backend/kernels/heap.ts)', () => {
  it('backend.data.get(dataId).values is the tensor’s Float32Array; makeTensorInfo exists', async () => {
    await initBackend('cpu');
    const backend = tf.backend() as unknown as {
      data: { get(id: object): { values: unknown } };
      makeTensorInfo: unknown;
    };
    const t = tf.tensor([1.5, 2.5]);
    const values = backend.data.get(t.dataId).values;
    expect(values).toBeInstanceOf(Float32Array);
    expect(Array.from(values as Float32Array)).toEqual([1.5, 2.5]);
    expect(typeof backend.makeTensorInfo).toBe('function');
    t.dispose();
  });

  it('has the kernels Letter Lab wraps or replaces there: FusedConv2D, AvgPoolGrad', async () => {
    await initBackend('cpu');
    for (const name of ['FusedConv2D', 'AvgPoolGrad']) {
      expect(tf.getKernel(name, 'cpu'), `cpu ${name}`).toBeDefined();
    }
  });
});

describe('tfjs-backend-wasm private parts (core/backend/kernels, core/backend/simd/module.ts)', () => {
  let backend: BackendWasm;
  beforeAll(async () => {
    await initBackend('wasm');
    backend = tf.backend() as BackendWasm;
  });
  afterAll(async () => {
    await initBackend('cpu');
  });

  it('backend.wasm.asm.memory is the WebAssembly.Memory our SIMD kernels share', () => {
    const memory = (backend as unknown as { wasm?: { asm?: { memory?: unknown } } }).wasm?.asm
      ?.memory;
    expect(memory).toBeInstanceOf(wasmApi.Memory);
  });

  it('backend.dataIdMap.get(dataId).memoryOffset is where typedArrayFromHeap reads', () => {
    const t = tf.tensor([3, 1, 4, 1, 5]);
    const internals = backend as unknown as {
      wasm: { asm: { memory: { buffer: ArrayBuffer } } };
      dataIdMap: { get(id: object): { memoryOffset: unknown } | undefined };
    };
    const offset = internals.dataIdMap.get(t.dataId)?.memoryOffset;
    expect(typeof offset).toBe('number');
    const heap = new Float32Array(internals.wasm.asm.memory.buffer, offset as number, 5);
    expect(Array.from(heap)).toEqual([3, 1, 4, 1, 5]);
    expect(Array.from(backend.typedArrayFromHeap(t) as Float32Array)).toEqual([3, 1, 4, 1, 5]);
    t.dispose();
  });

  it('BackendWasm has makeOutput, disposeData, incRef and typedArrayFromHeap', () => {
    for (const method of ['makeOutput', 'disposeData', 'incRef', 'typedArrayFromHeap'] as const) {
      expect(typeof backend[method], `BackendWasm.${method}`).toBe('function');
    }
  });

  it('has the kernels Letter Lab calls through to: BatchMatMul, Sum, Transpose, Conv2D, Identity, FusedConv2D', () => {
    for (const name of ['BatchMatMul', 'Sum', 'Transpose', 'Conv2D', 'Identity']) {
      expect(typeof originalKernel(name), `wasm ${name}`).toBe('function');
    }
    expect(tf.getKernel('FusedConv2D', 'wasm')).toBeDefined();
  });

  it('runs Letter Lab’s kernels in place of its own: Conv2DBackpropFilter/Input, pool grads, …', () => {
    for (const config of WASM_KERNELS) {
      expect(tf.getKernel(config.kernelName, 'wasm')?.kernelFunc, config.kernelName).toBe(
        config.kernelFunc,
      );
    }
    expect(WASM_KERNELS.map((c) => c.kernelName)).toEqual(
      expect.arrayContaining([
        'Conv2DBackpropFilter',
        'Conv2DBackpropInput',
        'MaxPoolGrad',
        'AvgPoolGrad',
        'BatchMatMul',
        'Sum',
        'Identity',
      ]),
    );
  });
});
