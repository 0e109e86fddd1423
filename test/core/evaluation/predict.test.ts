// The evaluation of a real, briefly trained network on real letters, checked against a direct
// computation done here: one model.predict over all test letters, argmax, count.
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import { initBackend } from '../../../src-main/core/backend';
import type { SplitImageSet } from '../../../src-main/core/dataset/types';
import { LetterLabError } from '../../../src-main/core/errors';
import {
  evaluateTestSplit,
  predictSplit,
  type TestEvaluation,
} from '../../../src-main/core/evaluation';
import { buildModel } from '../../../src-main/core/model/build';
import { loadLetters, predictDirectly, tinyConvSpec, trainTiny } from './trained';

let set: SplitImageSet;
let model: tfl.LayersModel;
let direct: ReturnType<typeof predictDirectly>;

beforeAll(async () => {
  await initBackend('wasm');
  ({ set } = await loadLetters());
  model = await trainTiny(set);
  direct = predictDirectly(model, set);
});

function expectMatchesDirect(result: TestEvaluation): void {
  const classes = set.classes;
  const confusion = Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
  direct.labels.forEach((truth, k) => confusion[truth][direct.predicted[k]]++);
  const correct = direct.labels.filter((truth, k) => truth === direct.predicted[k]).length;
  expect(result.count).toBe(set.test.length);
  expect(result.correct).toBe(correct);
  expect(result.accuracy).toBe(correct / set.test.length);
  expect(result.confusion).toEqual(confusion);
  expect(Array.from(result.predictions.predicted)).toEqual(direct.predicted);
  result.predictions.confidence.forEach((c, k) => expect(c).toBeCloseTo(direct.confidence[k], 5));
}

describe('evaluateTestSplit on a trained network', () => {
  it('gives the numbers a direct prediction of every test letter gives, whatever the batch size', async () => {
    // 64 does not divide the test split (a short last batch); 1e6 is one batch for everything.
    for (const batchSize of [64, 1_000_000]) {
      expectMatchesDirect(await evaluateTestSplit(model, set, { batchSize }));
    }
    // The network is trained but far from perfect: both right and wrong answers exist.
    const correct = direct.labels.filter((t, k) => t === direct.predicted[k]).length;
    console.info(
      `evaluation test: ${correct}/${set.test.length} test letters right ` +
        `(${((100 * correct) / set.test.length).toFixed(1)}%) after a few batches.`,
    );
    expect(correct / set.test.length).toBeGreaterThan(1.5 / set.classes);
    expect(correct).toBeLessThan(set.test.length);
  });

  it('has confusion rows summing to each class’s test letters, and accuracy = diagonal / row', async () => {
    const result = await evaluateTestSplit(model, set);
    const perClassTest = new Array<number>(set.classes).fill(0);
    for (const index of set.test) perClassTest[set.labels[index]]++;
    expect(result.confusion.map((row) => row.reduce((a, b) => a + b, 0))).toEqual(perClassTest);
    result.perClass.forEach((c, label) => {
      expect(c.label).toBe(label);
      expect(c.letter).toBe(set.classNames[label]);
      expect(c.count).toBe(perClassTest[label]);
      expect(c.correct).toBe(result.confusion[label][label]);
      expect(c.accuracy).toBe(result.confusion[label][label] / perClassTest[label]);
    });
    const trace = result.confusion.reduce((sum, row, i) => sum + row[i], 0);
    expect(result.correct).toBe(trace);
    expect(result.perClass.map((c) => c.letter).join('')).toBe('ABCDEFGHIJ');
  });

  it('keeps the truth probability: it equals the confidence exactly when the answer is right', async () => {
    const { predictions: p } = await evaluateTestSplit(model, set, { batchSize: 100 });
    for (let k = 0; k < p.labels.length; k++) {
      expect(p.labels[k]).toBe(set.labels[p.indices[k]]);
      if (p.labels[k] === p.predicted[k]) expect(p.truthProbability[k]).toBe(p.confidence[k]);
      else expect(p.truthProbability[k]).toBeLessThanOrEqual(p.confidence[k]);
    }
  });

  it('leaks no tensors, also when it stops half-way', async () => {
    await evaluateTestSplit(model, set, { batchSize: 128 }); // warm-up: backend caches
    const before = tf.memory().numTensors;
    const progress: [number, number][] = [];
    await evaluateTestSplit(model, set, {
      batchSize: 128,
      onProgress: (done, total) => void progress.push([done, total]),
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(progress.at(-1)).toEqual([set.test.length, set.test.length]);
    expect(progress).toHaveLength(Math.ceil(set.test.length / 128));
    await expect(
      evaluateTestSplit(model, set, {
        batchSize: 128,
        onProgress: (done) => {
          if (done >= 256) throw new Error('stop here');
        },
      }),
    ).rejects.toThrow('stop here');
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a network made for other letters, and an empty test split', async () => {
    const fiveClasses = buildModel(tinyConvSpec(5));
    const small = buildModel({
      ...tinyConvSpec(10),
      input: { height: 14, width: 14, channels: 1 },
    });
    try {
      for (const wrong of [fiveClasses, small]) {
        const error = await evaluateTestSplit(wrong, set).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(LetterLabError);
        expect((error as LetterLabError).code).toBe('evaluation.mismatch');
      }
      await expect(predictSplit(fiveClasses, set, set.test)).rejects.toThrow(/5 classes.*10/);
      await expect(predictSplit(small, set, set.test)).rejects.toThrow(/\[14, 14, 1\].*28x28/);
      const empty = await predictSplit(model, set, new Uint32Array(0)).catch((e: unknown) => e);
      expect((empty as LetterLabError).code).toBe('evaluation.no-test-letters');
    } finally {
      fiveClasses.dispose();
      small.dispose();
    }
  });
});
