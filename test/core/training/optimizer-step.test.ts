// One kernel per variable for the optimizer step, against the optimizers' own applyGradients (tfjs's
// SGD, Keras 2.1.4's Adam and RMSprop): the same float32 operations, so the same weights and the
// same optimizer state, bit for bit.
import { describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { initBackend } from '../../../src-main/core/backend';
import { makeOptimizer } from '../../../src-main/core/model/build';
import { applyWithOneKernel, updateKind } from '../../../src-main/core/training/optimizer-step';
import { seededFloats } from '../backend/numeric';

const SHAPES = [[5, 7], [13], [3, 3, 2, 4]];

/** Three steps of `optimizer` on variables of SHAPES; weights and optimizer state after each. */
async function steps(optimizer: tf.Optimizer, oneKernel: boolean): Promise<number[][][]> {
  const variables = SHAPES.map((s, i) =>
    tf.tidy(() => tf.variable(tf.tensor(seededFloats(tf.util.sizeFromShape(s), 80 + i), s))),
  );
  const seen: number[][][] = [];
  for (let step = 0; step < 3; step++) {
    const grads = SHAPES.map((s, i) =>
      tf.tensor(seededFloats(tf.util.sizeFromShape(s), 90 + 10 * step + i, -2, 2), s),
    );
    if (oneKernel) expect(applyWithOneKernel(optimizer, variables, [grads])).toBe(true);
    else optimizer.applyGradients(variables.map((v, i) => ({ name: v.name, tensor: grads[i] })));
    tf.dispose(grads);
    const state = await optimizer.getWeights();
    seen.push([
      ...variables.map((v) => Array.from(v.dataSync())),
      ...state.map((w) => Array.from(w.tensor.dataSync())),
    ]);
    // getWeights hands out the optimizer's own state variables; only `iter` is a new tensor
    tf.dispose(state.map((w) => w.tensor).filter((t) => !(t instanceof tf.Variable)));
  }
  tf.dispose(variables);
  optimizer.dispose();
  return seen;
}

describe('applyWithOneKernel', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    for (const name of ['sgd', 'adam', 'rmsprop'] as const) {
      it(`${backend}: ${name} makes exactly the updates and state of its applyGradients`, async () => {
        await initBackend(backend);
        const compile = { optimizer: name, learningRate: 0.01, epochs: 1, batchSize: 8 };
        const before = tf.memory().numTensors;
        const ours = await steps(makeOptimizer(compile), true);
        const theirs = await steps(makeOptimizer(compile), false);
        expect(tf.memory().numTensors).toBe(before);
        expect(ours).toEqual(theirs);
        // and the weights moved
        expect(ours[2][0]).not.toEqual(ours[0][0]);
      });
    }
  }

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`${backend}: adds the shards' gradients in shard order first`, async () => {
      await initBackend(backend);
      const compile = { optimizer: 'adam' as const, learningRate: 0.01, epochs: 1, batchSize: 8 };
      const run = (split: boolean) => {
        const optimizer = makeOptimizer(compile);
        const v = tf.tidy(() => tf.variable(tf.tensor(seededFloats(37, 1), [37])));
        const parts = [2, 3, 4].map((seed) => tf.tensor(seededFloats(37, seed, -1, 1), [37]));
        const whole = tf.tidy(() => tf.add(tf.add(parts[0], parts[1]), parts[2]));
        applyWithOneKernel(optimizer, [v], split ? parts.map((p) => [p]) : [[whole]]);
        const values = Array.from(v.dataSync());
        tf.dispose([v, whole, ...parts]);
        optimizer.dispose();
        return values;
      };
      expect(run(true)).toEqual(run(false));
    });
  }

  it('leaves other optimizers, subclasses and missing gradients to tfjs', async () => {
    await initBackend('cpu');
    class Custom extends tf.AdamOptimizer {}
    const custom = new Custom(0.01, 0.9, 0.999, 1e-7);
    const momentum = tf.train.momentum(0.01, 0.9);
    const centred = tf.train.rmsprop(0.01, 0.9, 0, 1e-7, true);
    const stockAdam = tf.train.adam(0.01); // not Keras's: Letter Lab compiles KerasAdam
    expect([custom, momentum, centred, stockAdam].map(updateKind)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const v = tf.variable(tf.zeros([2]));
    expect(applyWithOneKernel(tf.train.sgd(0.1), [v], [[null]])).toBe(false);
    const g = tf.ones([2]);
    expect(applyWithOneKernel(momentum, [v], [[g]])).toBe(false);
    expect(Array.from(v.dataSync())).toEqual([0, 0]);
    tf.dispose([v, g]);
  });
});
