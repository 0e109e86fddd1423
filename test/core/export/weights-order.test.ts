import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LetterLabError } from '../../../src-main/core/errors';
import {
  expectedWeights,
  expectedWeightShapes,
  orderWeightsForKeras,
} from '../../../src-main/core/export/weights-order';
import { appNames, convnet, fullyConv, logistic, unusual } from './specs';
import { tfjsModel, tfjsWeights } from './tfjs-model';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const kerasOrder = (spec: typeof convnet): string[] =>
  expectedWeights(spec).map((e) => `${e.layerName}/${e.kind}`);

describe('expectedWeightShapes against real tfjs-layers models', () => {
  for (const spec of [logistic, convnet, unusual, fullyConv]) {
    it(`matches the variables tfjs creates for "${spec.name.split('\n')[0]}"`, () => {
      const model = tfjsModel(spec, appNames(spec));
      // tfjs's variables, put into Keras order by their names alone:
      const byName = new Map(model.weights.map((w) => [w.originalName, w.shape]));
      const tfjsShapes = kerasOrder(spec).map((key) => byName.get(key));
      expect(byName.size).toBe(kerasOrder(spec).length);
      expect(tfjsShapes).toEqual(expectedWeightShapes(spec).flatMap((l) => l.shapes));
      model.dispose();
    });
  }
});

describe('orderWeightsForKeras', () => {
  it("puts tfjs's order (batch-norm statistics last) into Keras per-layer order by name", () => {
    const model = tfjsModel(fullyConv, appNames(fullyConv));
    const given = tfjsWeights(model);
    // tfjs lists the non-trainable moving statistics after every trainable weight.
    expect(given.slice(-4).map((w) => w.name)).toEqual([
      'batch_normalization_1/moving_mean',
      'batch_normalization_1/moving_variance',
      'batch_normalization_2/moving_mean',
      'batch_normalization_2/moving_variance',
    ]);
    const ordered = orderWeightsForKeras(fullyConv, given);
    expect(ordered.map((w) => w.name)).toEqual(kerasOrder(fullyConv));
    // The arrays travel with their names.
    for (const w of ordered) expect(w).toBe(given.find((g) => g.name === w.name));
    model.dispose();
  });

  it('understands tfjs unique names with a _N suffix (a second model in the same process)', () => {
    const first = tfjsModel(unusual, appNames(unusual));
    const second = tfjsModel(unusual, appNames(unusual));
    const given = tfjsWeights(second, 'name');
    expect(given.some((w) => /_\d+$/.test(w.name.split('/')[1]))).toBe(true);
    const ordered = orderWeightsForKeras(unusual, given);
    expect(ordered.map((w) => w.name.replace(/_\d+$/, ''))).toEqual(kerasOrder(unusual));
    first.dispose();
    second.dispose();
  });

  it('falls back to matching by kind when tfjs chose the layer names (conv2d_Conv2D1/kernel)', () => {
    const model = tfjsModel(fullyConv);
    const given = tfjsWeights(model);
    const ordered = orderWeightsForKeras(fullyConv, given);
    expect(ordered.map((w) => w.shape)).toEqual(expectedWeights(fullyConv).map((e) => e.shape));
    expect(ordered.map((w) => w.name.split('/')[1])).toEqual(
      expectedWeights(fullyConv).map((e) => e.kind),
    );
    model.dispose();
  });

  it('keeps the given order when the names say nothing', () => {
    const given = expectedWeights(convnet).map((e, i) => ({
      name: `w${i}`,
      shape: e.shape,
      data: new Float32Array(e.shape.reduce((a, b) => a * b, 1)),
    }));
    expect(orderWeightsForKeras(convnet, given)).toEqual(given);
  });

  it('says which weight is wrong when a shape does not match the spec', () => {
    const given = expectedWeights(convnet).map((e) => ({
      name: `${e.layerName}/${e.kind}`,
      shape: e.shape,
      data: new Float32Array(e.shape.reduce((a, b) => a * b, 1)),
    }));
    given[2] = {
      name: 'conv2d_2/kernel',
      shape: [3, 3, 32, 16],
      data: new Float32Array(3 * 3 * 32 * 16),
    };
    const run = (): unknown => orderWeightsForKeras(convnet, given);
    expect(run).toThrow(LetterLabError);
    expect(run).toThrow(
      /conv2d_2 kernel must have shape \[3, 3, 16, 32\] but the array "conv2d_2\/kernel" has shape \[3, 3, 32, 16\]/,
    );
    try {
      run();
    } catch (err) {
      expect((err as LetterLabError).code).toBe('export.weights-mismatch');
    }
  });

  it('refuses a wrong number of arrays or an array with too few values', () => {
    const model = tfjsModel(convnet, appNames(convnet));
    const given = tfjsWeights(model);
    expect(() => orderWeightsForKeras(convnet, given.slice(1))).toThrow(
      /has 8 weight arrays but 7 were given/,
    );
    expect(() => orderWeightsForKeras(logistic, given)).toThrow(/has 2 weight arrays but 8/);
    const short = given.map((w, i) => (i === 7 ? { ...w, data: w.data.subarray(1) } : w));
    expect(() => orderWeightsForKeras(convnet, short)).toThrow(/holds 9 values, not 10/);
    model.dispose();
  });
});
