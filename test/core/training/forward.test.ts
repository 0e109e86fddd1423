// The training forward pass (fused conv + bias + activation with its own gradient, batch norm as
// Keras 2.1.4 trains it) against tfjs-layers' own model.apply, on wasm and cpu: same outputs, same
// loss gradients, the same moving averages but for Keras's sample-size corrected variance.
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../../src-main/core/backend';
import { trainingForward, trainingLoss } from '../../../src-main/core/training/forward';
import { trainableVariables } from '../../../src-main/core/training/step';

const TOLERANCE = 2e-5;
const worst: Record<string, number> = {};

function seeded(n: number, seed: number): Float32Array {
  let s = seed >>> 0 || 1;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296 - 0.5;
  });
}

function relativeMaxError(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let scale = 1e-12;
  let err = 0;
  for (let i = 0; i < a.length; i++) {
    scale = Math.max(scale, Math.abs(b[i]));
    err = Math.max(err, Math.abs(a[i] - b[i]));
  }
  return err / scale;
}

const MODELS: Record<string, () => tfl.Sequential> = {
  'conv relu valid -> conv linear same stride 2 -> conv relu no bias -> flatten -> dense': () =>
    tfl.sequential({
      layers: [
        tfl.layers.conv2d({
          inputShape: [11, 11, 2],
          filters: 4,
          kernelSize: 3,
          activation: 'relu',
        }),
        tfl.layers.conv2d({ filters: 5, kernelSize: 3, strides: 2, padding: 'same' }),
        tfl.layers.conv2d({ filters: 3, kernelSize: 2, activation: 'relu', useBias: false }),
        tfl.layers.flatten(),
        tfl.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    }),
  'flatten -> dense relu -> batch norm (2-D) -> dense tanh': () =>
    tfl.sequential({
      layers: [
        tfl.layers.flatten({ inputShape: [6, 6, 1] }),
        tfl.layers.dense({ units: 7, activation: 'relu' }),
        tfl.layers.batchNormalization({ momentum: 0.9 }),
        tfl.layers.dense({ units: 3, activation: 'tanh' }),
      ],
    }),
  'conv relu -> batch norm -> maxpool -> conv tanh (not fused) -> global avg pool': () =>
    tfl.sequential({
      layers: [
        tfl.layers.conv2d({
          inputShape: [10, 10, 1],
          filters: 6,
          kernelSize: 3,
          activation: 'relu',
        }),
        tfl.layers.batchNormalization(),
        tfl.layers.maxPooling2d({ poolSize: 2 }),
        tfl.layers.conv2d({ filters: 4, kernelSize: 2, activation: 'tanh' }),
        tfl.layers.globalAveragePooling2d({}),
        tfl.layers.dense({ units: 3, activation: 'softmax' }),
      ],
    }),
  'conv relu 16 filters -> batch norm (shares the relu gradient) -> conv relu -> flatten -> dense':
    () =>
      tfl.sequential({
        layers: [
          tfl.layers.conv2d({
            inputShape: [9, 9, 4],
            filters: 16,
            kernelSize: 3,
            activation: 'relu',
          }),
          tfl.layers.batchNormalization(),
          tfl.layers.conv2d({ filters: 4, kernelSize: 3, activation: 'relu' }),
          tfl.layers.flatten(),
          tfl.layers.dense({ units: 3, activation: 'softmax' }),
        ],
      }),
};

/** [fused convolutions, batch norms] each model runs as our ops. */
const EXPECTED_OPS: Record<string, [number, number]> = {
  'conv relu valid -> conv linear same stride 2 -> conv relu no bias -> flatten -> dense': [3, 0],
  'flatten -> dense relu -> batch norm (2-D) -> dense tanh': [0, 1],
  'conv relu -> batch norm -> maxpool -> conv tanh (not fused) -> global avg pool': [1, 1],
  'conv relu 16 filters -> batch norm (shares the relu gradient) -> conv relu -> flatten -> dense':
    [2, 1],
};

const BATCH = 4;

/**
 * Output, d(sum(output * w))/d(variables) and the non-trainable weights afterwards (batch norm's
 * moving averages), by `forward`, with the same weights each time.
 */
function gradients(
  make: () => tfl.Sequential,
  forward: (m: tfl.Sequential, x: tf.Tensor) => tf.Tensor,
): { out: Float32Array; grads: Float32Array[]; state: Float32Array[] } {
  const model = make();
  const initial = model.weights.map((w, i) =>
    tf.tensor(
      seeded(
        (w.shape as number[]).reduce((p, q) => p * q, 1),
        100 + i,
      ),
      w.shape as number[],
    ),
  );
  model.setWeights(initial);
  tf.dispose(initial);
  const inShape = [BATCH, ...(model.inputs[0].shape.slice(1) as number[])];
  const x = tf.tensor(
    seeded(
      inShape.reduce((a, b) => a * b, 1),
      7,
    ),
    inShape,
  );
  let out!: Float32Array;
  const { value, grads } = tf.variableGrads(() => {
    const y = forward(model, x);
    out = y.dataSync() as Float32Array;
    return tf.sum(tf.mul(y, tf.tensor(seeded(y.size, 9), y.shape)));
  }, trainableVariables(model));
  const values = trainableVariables(model).map((v) => grads[v.name].dataSync() as Float32Array);
  const state = model.nonTrainableWeights.map((w) => w.read().dataSync() as Float32Array);
  tf.dispose([x, value, ...Object.values(grads)]);
  model.dispose();
  return { out, grads: values, state };
}

/**
 * The moving averages Keras 2.1.4 ends with after its first update, from tfjs-layers' (`theirs`):
 * both start at the same values (`start`); tfjs-layers moves by (1 - momentum) towards the batch
 * mean and variance; Keras's zero-debiased first update takes the batch mean and the variance *
 * m / (m - (1 + epsilon)) whole (m values per channel).
 */
function kerasMovingVariances(
  model: tfl.Sequential,
  theirs: Float32Array[],
  start: Float32Array[],
) {
  const expected = theirs.map((s) => s.slice());
  let at = 0;
  for (const layer of model.layers) {
    if (layer.getClassName() !== 'BatchNormalization') continue;
    const { momentum, epsilon } = layer.getConfig() as { momentum: number; epsilon: number };
    const shape = layer.outputShape as number[];
    const m = BATCH * shape.slice(1, -1).reduce((p, q) => p * q, 1);
    const batchValue = (i: number, c: number) =>
      start[i][c] + (theirs[i][c] - start[i][c]) / (1 - momentum);
    const mean = at;
    const variance = at + 1;
    expected[mean] = theirs[mean].map((_, c) => batchValue(mean, c));
    expected[variance] = theirs[variance].map(
      (_, c) => (batchValue(variance, c) * m) / (m - (1 + epsilon)),
    );
    at += 2;
  }
  return expected;
}

/** Kernels recorded for the backward pass so far (the gradient tape of tfjs's engine). */
function tapeKernels(): string[] {
  const state = (tf.engine() as unknown as { state: { activeTape: { kernelName: string }[] } })
    .state;
  return state.activeTape.map((node) => node.kernelName);
}

describe('trainingForward', () => {
  afterAll(() => {
    console.log('trainingForward vs model.apply, worst relative errors:', worst);
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    for (const [name, make] of Object.entries(MODELS)) {
      it(`${backend}: ${name}`, async () => {
        await initBackend(backend);
        const tensorsBefore = tf.memory().numTensors;
        let ran: string[] = [];
        const ours = gradients(make, (m, x) => {
          const y = trainingForward(m, x);
          ran = tapeKernels();
          return y;
        });
        const theirs = gradients(make, (m, x) => m.apply(x, { training: true }) as tf.Tensor);
        expect(tf.memory().numTensors).toBe(tensorsBefore);
        // Our ops ran for every relu/linear conv and every batch norm; the tanh conv as itself.
        const count = (kernel: string) => ran.filter((k) => k === kernel).length;
        expect([count('LetterLabConv2DTrain'), count('LetterLabBatchNormTrain')]).toEqual(
          EXPECTED_OPS[name],
        );
        const model = make();
        const start = model.nonTrainableWeights.map((w) =>
          seeded(w.read().size, 100 + model.weights.indexOf(w)),
        );
        const keras = kerasMovingVariances(model, theirs.state, start);
        model.dispose();
        // The batch statistics are read back from tfjs-layers' 1%-step moving averages, which
        // magnifies their float32 rounding a hundredfold: a looser bound for them.
        ours.state.forEach((w, i) => {
          expect(relativeMaxError(w, keras[i])).toBeLessThan(10 * TOLERANCE);
        });
        if (name.includes('(2-D)')) {
          // 4 values per channel: the correction is far above the tolerance here
          expect(relativeMaxError(ours.state[1], theirs.state[1])).toBeGreaterThan(100 * TOLERANCE);
        }
        const outErr = relativeMaxError(ours.out, theirs.out);
        expect(outErr).toBeLessThan(TOLERANCE);
        expect(ours.grads).toHaveLength(theirs.grads.length);
        ours.grads.forEach((g, i) => {
          const err = relativeMaxError(g, theirs.grads[i]);
          worst[backend] = Math.max(worst[backend] ?? 0, err, outErr);
          expect(err).toBeLessThan(TOLERANCE);
        });
      });
    }
  }
});

describe('a relu convolution followed by batch normalisation', () => {
  const name =
    'conv relu 16 filters -> batch norm (shares the relu gradient) -> conv relu -> flatten -> dense';

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`${backend}: the batch norm applies the relu's mask, so only the other conv runs its own`, async () => {
      await initBackend(backend);
      const info = await tf.profile(() => {
        const ours = gradients(MODELS[name], (m, x) => trainingForward(m, x));
        return tf.tensor(ours.out.slice(0, 1));
      });
      const backward = info.kernels.map((k) => k.name);
      // forward ops once each; in the backward pass one bias/activation gradient (the second
      // convolution's), the fused convolution's bias gradient a plain sum
      expect(backward.filter((k) => k === 'LetterLabBatchNormTrainGrad')).toHaveLength(1);
      expect(backward.filter((k) => k === 'LetterLabBiasActivationGrad')).toHaveLength(1);
      expect(backward).toContain('Sum');
    });
  }
});

describe('trainingLoss', () => {
  /** Softmax output models compiled as Letter Lab compiles them. */
  const LOSS_MODELS: Record<string, () => tfl.Sequential> = {
    'flatten -> dense tanh -> dense softmax': () =>
      tfl.sequential({
        layers: [
          tfl.layers.flatten({ inputShape: [6, 6, 1] }),
          tfl.layers.dense({ units: 8, activation: 'tanh' }),
          tfl.layers.dense({ units: 4, activation: 'softmax' }),
        ],
      }),
    'conv relu -> conv relu -> global max pool -> dense softmax': () =>
      tfl.sequential({
        layers: [
          tfl.layers.conv2d({
            inputShape: [6, 6, 1],
            filters: 4,
            kernelSize: 3,
            activation: 'relu',
          }),
          tfl.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu' }),
          tfl.layers.globalMaxPooling2d({}),
          tfl.layers.dense({ units: 4, activation: 'softmax' }),
        ],
      }),
    'conv relu -> flatten -> dense relu -> dropout -> dense softmax': () =>
      tfl.sequential({
        layers: [
          tfl.layers.conv2d({
            inputShape: [6, 6, 1],
            filters: 4,
            kernelSize: 3,
            activation: 'relu',
          }),
          tfl.layers.flatten(),
          tfl.layers.dense({ units: 6, activation: 'relu' }),
          tfl.layers.dropout({ rate: 0.5, seed: 3 }),
          tfl.layers.dense({ units: 4, activation: 'softmax' }),
        ],
      }),
  };

  for (const backend of ['wasm', 'cpu'] as const) {
    for (const [name, make] of Object.entries(LOSS_MODELS)) {
      it(`${backend}: ${name}: the compiled loss and its gradients, as one op`, async () => {
        await initBackend(backend);
        const before = tf.memory().numTensors;
        const run = (loss: (m: tfl.Sequential, x: tf.Tensor, y: tf.Tensor) => tf.Scalar) => {
          const model = make();
          model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
          const initial = model.weights.map((w, i) =>
            tf.tensor(seeded(w.read().size, 200 + i), w.shape as number[]),
          );
          model.setWeights(initial);
          const x = tf.tensor(seeded(BATCH * 36, 11), [BATCH, 6, 6, 1]);
          const y = tf.tidy(() =>
            tf.cast(tf.oneHot(tf.tensor1d([0, 3, 1, 3], 'int32'), 4), 'float32'),
          );
          let kernels: string[] = [];
          const { value, grads } = tf.variableGrads(() => {
            const l = loss(model, x, y);
            kernels = tapeKernels();
            return l;
          }, trainableVariables(model));
          const out = [value, ...trainableVariables(model).map((v) => grads[v.name])].map(
            (t) => t.dataSync() as Float32Array,
          );
          tf.dispose([...initial, x, y, value, ...Object.values(grads)]);
          model.dispose();
          return { out, kernels };
        };
        const ours = run((m, x, y) => trainingLoss(m, x, y, 0.25).loss);
        const theirs = run((m, x, y) => {
          // the loss compile() chose (a Sequential keeps its compiled model inside)
          type Compiled = { lossFunctions: ((t: tf.Tensor, p: tf.Tensor) => tf.Tensor)[] };
          const lossFn = (m as unknown as { model: Compiled }).model.lossFunctions[0];
          return tf.mul(tf.mean(lossFn(y, m.apply(x, { training: true }) as tf.Tensor)), 0.25);
        });
        expect(tf.memory().numTensors).toBe(before);
        expect(ours.kernels).toContain('LetterLabSoftmaxCrossEntropy');
        const dense = name.split('dense').length - 1;
        expect(ours.kernels.filter((k) => k === 'LetterLabDenseTrain')).toHaveLength(dense);
        if (name.includes('global max pool'))
          expect(ours.kernels).toContain('LetterLabGlobalPoolTrain');
        ours.out.forEach((values, i) => {
          expect(relativeMaxError(values, theirs.out[i])).toBeLessThan(TOLERANCE);
        });
      });
    }
  }
});
