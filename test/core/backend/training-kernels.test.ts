// The kernels added for training speed: the fused training convolution with its gradient, the
// bias/activation gradient, and the zero-copy Identity on wasm.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../../src-main/core/backend';
import { biasActivationGradInto } from '../../../src-main/core/backend/kernels/bias-activation-grad';
import {
  conv2dTrain,
  type ConvTrainAttrs,
} from '../../../src-main/core/backend/kernels/conv-train';
import { batchNormTrain } from '../../../src-main/core/backend/kernels/batch-norm-train';
import { denseTrain } from '../../../src-main/core/backend/kernels/dense-train';
import { globalPoolTrain } from '../../../src-main/core/backend/kernels/global-pool-train';
import { softmaxCrossEntropy } from '../../../src-main/core/backend/kernels/softmax-cross-entropy';
import { relativeMaxError, seededFloats, size } from './numeric';

const TOLERANCE = 1e-5;

describe('biasActivationGradInto', () => {
  it('masks dy where y <= 0 for relu and sums it per channel', () => {
    const dy = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const y = Float32Array.from([0.5, 0, -1, 2, 3, 0]);
    const dyAct = new Float32Array(6).fill(NaN);
    const bias = new Float32Array(2).fill(NaN);
    biasActivationGradInto(dy, y, 'relu', 2, dyAct, bias);
    expect(Array.from(dyAct)).toEqual([1, 0, 0, 4, 5, 0]);
    expect(Array.from(bias)).toEqual([1 + 5, 4]);
    biasActivationGradInto(dy, y, 'linear', 3, dyAct, new Float32Array(3));
    expect(Array.from(dyAct)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps NaN gradients where tfjs multiplies them by a zero mask', () => {
    const dyAct = new Float32Array(2);
    const bias = new Float32Array(1);
    biasActivationGradInto(
      Float32Array.from([NaN, 1]),
      Float32Array.from([-1, 1]),
      'relu',
      1,
      dyAct,
      bias,
    );
    expect(Number.isNaN(dyAct[0])).toBe(true);
    expect(dyAct[1]).toBe(1);
  });
});

/** Gradients of sum(op(x, w, b) * dy) with respect to x, w, b. */
function grads(
  op: (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.Tensor,
  xShape: number[],
  wShape: number[],
): Float32Array[] {
  return tf.tidy(() => {
    const x = tf.tensor(seededFloats(size(xShape), 1), xShape);
    const w = tf.tensor(seededFloats(size(wShape), 2), wShape);
    const b = tf.tensor(seededFloats(wShape[3], 3), [wShape[3]]);
    const y = op(x, w, b);
    const dy = tf.tensor(seededFloats(y.size, 4), y.shape);
    const g = tf.grads((xx, ww, bb) => tf.sum(tf.mul(op(xx, ww, bb), dy)))([x, w, b]);
    return [y, ...g].map((t) => t.dataSync() as Float32Array);
  });
}

describe('conv2dTrain', () => {
  const cases: [number[], number[], ConvTrainAttrs][] = [
    [[3, 9, 9, 2], [3, 3, 2, 4], { strides: [1, 1], pad: 'valid', activation: 'relu' }],
    [[2, 8, 7, 3], [3, 3, 3, 5], { strides: [2, 2], pad: 'same', activation: 'relu' }],
    [[2, 6, 6, 1], [2, 2, 1, 3], { strides: [1, 1], pad: 'same', activation: 'linear' }],
  ];
  for (const backend of ['wasm', 'cpu'] as const) {
    for (const [xShape, wShape, attrs] of cases) {
      it(`${backend}: equals conv2d + bias + ${attrs.activation}, value and gradients (x=[${xShape}] ${attrs.pad} stride ${attrs.strides[0]})`, async () => {
        await initBackend(backend);
        const before = tf.memory().numTensors;
        const ours = grads((x, w, b) => conv2dTrain(x, w, b, attrs), xShape, wShape);
        const reference = grads(
          (x, w, b) => {
            const z = tf.add(
              tf.conv2d(x as tf.Tensor4D, w as tf.Tensor4D, attrs.strides, attrs.pad),
              b,
            );
            return attrs.activation === 'relu' ? tf.relu(z) : z;
          },
          xShape,
          wShape,
        );
        expect(tf.memory().numTensors).toBe(before);
        ['y', 'dx', 'dw', 'db'].forEach((name, i) => {
          expect({ name, err: relativeMaxError(ours[i], reference[i]) < TOLERANCE }).toEqual({
            name,
            err: true,
          });
        });
      });
    }
  }
});

describe('denseTrain', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    for (const activation of ['relu', 'tanh', 'linear'] as const) {
      it(`${backend}: equals matMul + bias + ${activation}, value and gradients`, async () => {
        await initBackend(backend);
        const before = tf.memory().numTensors;
        const run = (op: (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.Tensor) =>
          tf.tidy(() => {
            const x = tf.tensor(seededFloats(6 * 12, 61), [6, 12]);
            const w = tf.tensor(seededFloats(12 * 8, 62), [12, 8]);
            const b = tf.tensor(seededFloats(8, 63), [8]);
            const dy = tf.tensor(seededFloats(6 * 8, 64), [6, 8]);
            const g = tf.grads((xx, ww, bb) => tf.sum(tf.mul(op(xx, ww, bb), dy)))([x, w, b]);
            return [op(x, w, b), ...g].map((t) => t.dataSync() as Float32Array);
          });
        const ours = run((x, w, b) => denseTrain(x, w, b, { activation }));
        const reference = run((x, w, b) => {
          const z = tf.add(tf.matMul(x as tf.Tensor2D, w as tf.Tensor2D), b);
          return activation === 'relu' ? tf.relu(z) : activation === 'tanh' ? tf.tanh(z) : z;
        });
        expect(tf.memory().numTensors).toBe(before);
        ['y', 'dx', 'dw', 'db'].forEach((name, i) => {
          expect({ name, close: relativeMaxError(ours[i], reference[i]) < TOLERANCE }).toEqual({
            name,
            close: true,
          });
        });
      });
    }
  }
});

describe('softmaxCrossEntropy', () => {
  /** Keras's categorical cross-entropy of the softmax, as tfjs-layers computes it. */
  function keras(logits: tf.Tensor, targets: tf.Tensor, scale: number): tf.Tensor[] {
    const probs = tf.softmax(logits);
    const loss = tf.mul(tf.mean(tfl.metrics.categoricalCrossentropy(targets, probs)), scale);
    return [loss, probs];
  }

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`${backend}: equals softmax + tfjs-layers' categorical cross-entropy, with clipped rows`, async () => {
      await initBackend(backend);
      const before = tf.memory().numTensors;
      const [rows, classes] = [6, 5];
      const logitValues = seededFloats(rows * classes, 71, -3, 3);
      // row 1: the right class far ahead (probability clipped at 1 - 1e-7, no gradient);
      // row 2: the right class far behind (clipped at 1e-7, no gradient)
      logitValues[1 * classes + 2] = 40;
      logitValues[2 * classes + 4] = -40;
      const labels = [0, 2, 4, 1, 3, 3];
      const targetValues = new Float32Array(rows * classes);
      labels.forEach((l, r) => (targetValues[r * classes + l] = 1));
      const run = (op: (z: tf.Tensor, t: tf.Tensor) => tf.Tensor[]) =>
        tf.tidy(() => {
          const z = tf.tensor(logitValues, [rows, classes]);
          const t = tf.tensor(targetValues, [rows, classes]);
          const w = tf.tensor(seededFloats(rows * classes, 72), [rows, classes]);
          // the loss, plus something of the probabilities, so both gradients are checked
          const f = (zz: tf.Tensor, tt: tf.Tensor) => {
            const [loss, probs] = op(zz, tt);
            return tf.add(loss, tf.sum(tf.mul(probs, w)));
          };
          const g = tf.grads(f)([z, t]);
          return [...op(z, t), ...g].map((x) => x.dataSync() as Float32Array);
        });
      const ours = run((z, t) =>
        softmaxCrossEntropy(z, t, { epsilon: tf.backend().epsilon(), scale: 0.5 }),
      );
      const reference = run((z, t) => keras(z, t, 0.5));
      expect(tf.memory().numTensors).toBe(before);
      ['loss', 'probs', 'dLogits', 'dTargets'].forEach((name, i) => {
        expect({ name, close: relativeMaxError(ours[i], reference[i]) < TOLERANCE }).toEqual({
          name,
          close: true,
        });
      });
      // the clipped rows pass no loss gradient on: only the probabilities' part is left
      const onlyProbs = run((z, t) => [tf.mul(tf.sum(t), 0), tf.softmax(z)])[2];
      for (const r of [1, 2]) {
        const row = (a: Float32Array) => Array.from(a.subarray(r * classes, (r + 1) * classes));
        expect(relativeMaxError(row(ours[2]), row(onlyProbs))).toBeLessThan(TOLERANCE);
      }
    });
  }
});

describe('globalPoolTrain', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    for (const kind of ['max', 'avg'] as const) {
      it(`${backend}: ${kind} equals tf.${kind === 'max' ? 'max' : 'mean'} over rows and columns, value and gradient`, async () => {
        await initBackend(backend);
        const before = tf.memory().numTensors;
        const run = (op: (x: tf.Tensor) => tf.Tensor) =>
          tf.tidy(() => {
            const x = tf.tensor(seededFloats(3 * 4 * 5 * 6, 81), [3, 4, 5, 6]);
            const dy = tf.tensor(seededFloats(3 * 6, 82), [3, 6]);
            const dx = tf.grad((xx: tf.Tensor) => tf.sum(tf.mul(op(xx), dy)))(x);
            return [op(x), dx].map((t) => t.dataSync() as Float32Array);
          });
        const ours = run((x) => globalPoolTrain(x, { kind }));
        const reference = run((x) => (kind === 'max' ? tf.max(x, [1, 2]) : tf.mean(x, [1, 2])));
        expect(tf.memory().numTensors).toBe(before);
        expect(relativeMaxError(ours[0], reference[0])).toBeLessThan(TOLERANCE);
        expect(relativeMaxError(ours[1], reference[1])).toBeLessThan(TOLERANCE);
      });
    }

    it(`${backend}: the maximum's gradient is shared between tying positions, as tf.reduce_max's`, async () => {
      await initBackend(backend);
      const dx = tf.tidy(() => {
        // one image, 2x2 pixels, 2 channels: channel 0 has 3 tying maxima, channel 1 one
        const x = tf.tensor([5, 1, 5, 2, 0, 7, 5, 3], [1, 2, 2, 2]);
        const dy = tf.tensor([[6, 10]]);
        return tf
          .grad((xx: tf.Tensor) => tf.sum(tf.mul(globalPoolTrain(xx, { kind: 'max' }), dy)))(x)
          .dataSync();
      });
      expect(Array.from(dx)).toEqual([2, 0, 2, 0, 0, 10, 2, 0]);
    });
  }
});

describe('batchNormTrain', () => {
  /** Values and gradients of sum(y*a) + sum(mean*b) + sum(variance*c) w.r.t. x, gamma, beta. */
  function run(
    norm: (x: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.Tensor[],
    xShape: number[],
  ): Float32Array[] {
    return tf.tidy(() => {
      const c = xShape[xShape.length - 1];
      const x = tf.tensor(seededFloats(size(xShape), 11, -2, 3), xShape);
      const gamma = tf.tensor(seededFloats(c, 12, 0.5, 1.5), [c]);
      const beta = tf.tensor(seededFloats(c, 13), [c]);
      const weights = [xShape, [c], [c]].map((s, i) => tf.tensor(seededFloats(size(s), 20 + i), s));
      const f = (xx: tf.Tensor, gg: tf.Tensor, bb: tf.Tensor) =>
        tf.addN(norm(xx, gg, bb).map((t, i) => tf.sum(tf.mul(t, weights[i]))));
      const outs = norm(x, gamma, beta);
      const g = tf.grads(f)([x, gamma, beta]);
      return [...outs, ...g].map((t) => t.dataSync() as Float32Array);
    });
  }

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`${backend}: equals tf.moments + tf.batchNorm, values and gradients through all outputs`, async () => {
      await initBackend(backend);
      for (const xShape of [
        [4, 5, 5, 3],
        [6, 7],
        [3, 6, 5, 8], // channels in fours: the SIMD kernels on wasm
      ]) {
        const axes = xShape.slice(0, -1).map((_, i) => i);
        const ours = run(
          (x, g, b) => batchNormTrain(x, g, b, { epsilon: 1e-3 }).slice(0, 3),
          xShape,
        );
        const reference = run((x, g, b) => {
          const { mean, variance } = tf.moments(x, axes);
          return [tf.batchNorm(x, mean, variance, b, g, 1e-3), mean, variance];
        }, xShape);
        ['y', 'mean', 'variance', 'dx', 'dgamma', 'dbeta'].forEach((name, i) => {
          expect({ name, close: relativeMaxError(ours[i], reference[i]) < TOLERANCE }).toEqual({
            name,
            close: true,
          });
        });
      }
    });
  }
});

describe('batchNormTrain moving variance target', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    it(`${backend}: is the batch variance times m / (m - 1.001), as Keras 2.1.4 moves towards`, async () => {
      await initBackend(backend);
      const xShape = [3, 4, 5, 8];
      const [variance, movingVariance] = tf.tidy(() => {
        const x = tf.tensor(seededFloats(size(xShape), 31, -1, 2), xShape);
        const [, , v, mv] = batchNormTrain(x, tf.ones([8]), tf.zeros([8]), { epsilon: 1e-3 });
        return [v.dataSync(), mv.dataSync()];
      });
      const m = 3 * 4 * 5;
      const expected = Array.from(variance, (v) => (v * m) / (m - 1.001));
      expect(relativeMaxError(movingVariance, expected)).toBeLessThan(1e-6);
      expect(movingVariance[0]).toBeGreaterThan(variance[0]);
    });
  }
});

describe('wasm Identity', () => {
  it('shares the data instead of copying it, and a clone outlives its source', async () => {
    await initBackend('wasm');
    const x = tf.tensor(seededFloats(1000, 5), [10, 100]);
    const y = tf.clone(x);
    expect(y.dataId).toBe(x.dataId);
    const values = Array.from(x.dataSync());
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual(values);
    y.dispose();
    const s = tf.tensor(['a', 'b']);
    const t = tf.clone(s);
    expect(t.dataSync()).toEqual(['a', 'b']);
    tf.dispose([s, t]);
  });
});
