// The optimizers update weights exactly as Keras 2.1.4 does (epsilon outside the square root, after
// Adam's bias correction is folded into the learning rate), in the optimizer's applyGradients and
// in the training loop's one-kernel step alike. The reference is Keras's formulas
// written out with PyTorch float32 tensors (fixtures/make-optimizer-fixtures.py), not our code.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec, OptimizerName } from '../../../src-main/contract/spec';
import { buildModel, compileModel, makeOptimizer } from '../../../src-main/core/model/build';
import { KerasAdam, KerasRMSprop } from '../../../src-main/core/model/keras-optimizers';
import { loadModel, saveModel } from '../../../src-main/core/model/store';
import { initBackend } from '../../../src-main/core/backend';
import { applyWithOneKernel } from '../../../src-main/core/training/optimizer-step';

type Weights = Record<'kernel' | 'bias', number[]>;
interface Fixtures {
  shapes: Record<'kernel' | 'bias', number[]>;
  initial: Weights;
  gradients: Weights[];
  after: Record<string, Weights>;
  'torch.optim.Adam 0.001 (not Keras)': Weights;
}
const FIX = JSON.parse(
  readFileSync(new URL('./fixtures/optimizer-fixtures.json', import.meta.url), 'utf8'),
) as Fixtures;
const NAMES = ['kernel', 'bias'] as const;
const CASES = Object.keys(FIX.after).map((key) => {
  const [optimizer, rate] = key.split(' ');
  return { key, optimizer: optimizer as OptimizerName, learningRate: Number(rate) };
});

beforeAll(async () => {
  await initBackend('cpu'); // with Letter Lab's kernels, the training loop's optimizer step among them
});

/** Largest |ours - reference| relative to the size of the step the reference took. */
function worstError(ours: Weights, reference: Weights): number {
  let worst = 0;
  for (const n of NAMES) {
    reference[n].forEach((want, i) => {
      const step = Math.abs(want - FIX.initial[n][i]);
      worst = Math.max(worst, Math.abs(ours[n][i] - want) / Math.max(step, 1e-9));
    });
  }
  return worst;
}

/** The weights after every fixture step, applied by a tfjs optimizer to tf.variables. */
function withTfjsOptimizer(optimizer: tf.Optimizer): Weights {
  const vars = NAMES.map((n) =>
    tf.variable(tf.tensor(FIX.initial[n], FIX.shapes[n]), true, `w-${n}-${Math.random()}`),
  );
  for (const step of FIX.gradients) {
    const grads = NAMES.map((n, i) => ({
      name: vars[i].name,
      tensor: tf.tensor(step[n], FIX.shapes[n]),
    }));
    optimizer.applyGradients(grads);
    grads.forEach((g) => g.tensor.dispose());
  }
  const out = Object.fromEntries(NAMES.map((n, i) => [n, Array.from(vars[i].dataSync())]));
  vars.forEach((v) => v.dispose());
  optimizer.dispose();
  return out as Weights;
}

/** A 2x2-pixel, two-class logistic regression: kernel 4x2 and bias 2, as in the fixture. */
function tinySpec(optimizer: OptimizerName, learningRate: number): ModelSpec {
  return {
    version: 1,
    name: 'tiny',
    input: { height: 2, width: 2, channels: 1 },
    layers: [{ type: 'flatten' }],
    classes: 2,
    compile: { optimizer, learningRate, epochs: 1, batchSize: 4 },
  };
}

describe('Keras 2.1.4 update rules', () => {
  for (const c of CASES) {
    it(`${c.key}: the training thread's optimizer matches Keras's formula`, () => {
      const ours = withTfjsOptimizer(
        makeOptimizer({ ...tinySpec(c.optimizer, c.learningRate).compile }),
      );
      expect(worstError(ours, FIX.after[c.key])).toBeLessThan(1e-4);
    });

    it(`${c.key}: the training loop's one-kernel optimizer step matches Keras's formula`, () => {
      const optimizer = makeOptimizer({ ...tinySpec(c.optimizer, c.learningRate).compile });
      const vars = NAMES.map((n) => tf.variable(tf.tensor(FIX.initial[n], FIX.shapes[n])));
      for (const step of FIX.gradients) {
        const grads = NAMES.map((n) => tf.tensor(step[n], FIX.shapes[n]));
        expect(applyWithOneKernel(optimizer, vars, [grads])).toBe(true);
        tf.dispose(grads);
      }
      const ours = { kernel: Array.from(vars[0].dataSync()), bias: Array.from(vars[1].dataSync()) };
      expect(worstError(ours, FIX.after[c.key])).toBeLessThan(1e-4);
      tf.dispose(vars);
      optimizer.dispose();
    });
  }

  it('the test can tell: tfjs’s stock Adam and PyTorch’s Adam miss Keras’s by far more', () => {
    const stock = withTfjsOptimizer(tf.train.adam(0.001, 0.9, 0.999, 1e-7));
    expect(worstError(stock, FIX.after['adam 0.001'])).toBeGreaterThan(0.01);
    const torch = FIX['torch.optim.Adam 0.001 (not Keras)'];
    expect(worstError(torch, FIX.after['adam 0.001'])).toBeGreaterThan(0.01);
    const stockRms = withTfjsOptimizer(tf.train.rmsprop(0.001, 0.9, 0, 1e-7));
    expect(worstError(stockRms, FIX.after['rmsprop 0.001'])).toBeGreaterThan(0.01);
  });

  it('a saved network loads with the same Keras optimizers and state', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'letter-lab-optimizers-'));
    try {
      for (const optimizer of ['adam', 'rmsprop'] as const) {
        const spec = tinySpec(optimizer, 0.001);
        const model = buildModel(spec, { seed: 1 });
        compileModel(model, spec.compile);
        await model.trainOnBatch(tf.ones([4, 2, 2, 1]), tf.oneHot([0, 1, 0, 1], 2));
        await saveModel(join(dir, optimizer), model, {
          version: 1,
          name: optimizer,
          spec,
          compile: spec.compile,
          history: [],
          dataset: null,
          accuracy: null,
          backend: 'cpu',
          savedAt: new Date().toISOString(),
        });
        const loaded = await loadModel(join(dir, optimizer));
        const expected = optimizer === 'adam' ? KerasAdam : KerasRMSprop;
        expect(loaded.model.optimizer).toBeInstanceOf(expected);
        expect(loaded.model.optimizer.iterations).toBe(1);
        loaded.model.optimizer.dispose();
        loaded.model.dispose();
        model.optimizer.dispose();
        model.dispose();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
