// The code path of native TensorFlow (@tensorflow/tfjs-node registers the 'tensorflow' backend),
// which cannot run here: tfjs's own cpu kernels are registered under the name 'tensorflow' and
// none of Letter Lab's kernels are. Every preset trains a step through the app's loop (one
// thread, tfjs ops for everything our kernels do elsewhere), then is evaluated, predicts, shows
// its activations and filters, is saved, loaded (and trains on), and exported as a Keras folder.
import * as tf from '@tensorflow/tfjs-core';
import { MathBackendCPU } from '@tensorflow/tfjs-backend-cpu';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelMeta } from '../../../src-main/contract/training';
import {
  firstConvFilters,
  layerActivations,
  predictImages,
} from '../../../src-main/core/activations';
import { loadDataset } from '../../../src-main/core/dataset/load';
import type { SplitImageSet } from '../../../src-main/core/dataset/types';
import { evaluateTestSplit } from '../../../src-main/core/evaluation';
import { exportKerasFolder } from '../../../src-main/core/export/export-folder';
import { namedWeightsOf } from '../../../src-main/core/export/model-weights';
import { buildModel, compileModel } from '../../../src-main/core/model/build';
import { loadModel, saveModel } from '../../../src-main/core/model/store';
import { PRESETS } from '../../../src-main/core/spec/presets';
import { train } from '../../../src-main/core/training';
import { SAMPLE_MAT } from '../../../bench/suite';

// tfjs-backend-cpu's own kernels, taken before anything of Letter Lab registers its own.
const TFJS_CPU_KERNELS = tf.getKernelsForBackend('cpu').map((k) => ({ ...k }));

const root = mkdtempSync(path.join(tmpdir(), 'letter-lab-native-path-'));
let data: SplitImageSet;

beforeAll(async () => {
  tf.registerBackend('tensorflow', () => new MathBackendCPU());
  for (const config of TFJS_CPU_KERNELS)
    tf.registerKernel({ ...config, backendName: 'tensorflow' });
  expect(await tf.setBackend('tensorflow')).toBe(true);
  const { set } = await loadDataset(SAMPLE_MAT, { fingerprint: false, seed: 42 });
  // One step of 1 image per epoch and 4 test images: tfjs's cpu Conv2DBackpropFilter takes
  // seconds per image in the bigger presets (native TensorFlow would not).
  data = { ...set, train: set.train.subarray(0, 1), test: set.test.subarray(0, 4) };
});

afterAll(() => {
  tf.removeBackend('tensorflow');
  rmSync(root, { recursive: true, force: true });
});

function meta(name: string, spec: ModelMeta['spec'], history: ModelMeta['history']): ModelMeta {
  return {
    version: 1,
    name,
    spec,
    compile: spec.compile,
    history,
    dataset: null,
    accuracy: null,
    backend: 'tensorflow',
    savedAt: '2026-01-01T00:00:00.000Z',
  };
}

describe("the native backend's code path ('tensorflow', tfjs's own cpu kernels)", () => {
  it('has tfjs cpu kernels only: none of Letter Lab', () => {
    const names = tf.getKernelsForBackend('tensorflow').map((k) => k.kernelName);
    expect(names.length).toBe(TFJS_CPU_KERNELS.length);
    expect(names.filter((n) => n.startsWith('LetterLab'))).toEqual([]);
    expect(tf.getBackend()).toBe('tensorflow');
  });

  for (const preset of PRESETS) {
    it(`${preset.id}: trains, evaluates, predicts, shows activations, saves, loads and exports`, async () => {
      const spec = { ...preset.spec, compile: { ...preset.spec.compile, batchSize: 1 } };
      const model = buildModel(spec, { seed: 3 });
      compileModel(model, spec.compile);
      const before = model.getWeights().map((w) => w.dataSync().slice());
      const threads: number[] = [];
      const result = await train(
        data,
        model,
        { epochs: 1, batchSize: 1, seed: 1 },
        { onThreads: (n) => threads.push(n) },
      );
      expect(threads).toEqual([1]);
      expect(result.batchesRun).toBe(1);
      const [record] = result.history;
      expect(Number.isFinite(record.loss)).toBe(true);
      expect(record.valAcc).not.toBeNull();
      const after = model.getWeights().map((w) => w.dataSync().slice());
      expect(after.some((w, i) => w.some((v, k) => v !== before[i][k]))).toBe(true);

      const evaluation = await evaluateTestSplit(model, data);
      expect(evaluation.predictions.predicted).toHaveLength(4);
      expect(evaluation.accuracy).toBeCloseTo(record.valAcc as number, 6);

      const pixels = data.height * data.width;
      const image = data.images.subarray(data.test[0] * pixels, (data.test[0] + 1) * pixels);
      const [prediction] = predictImages(model, image, 1);
      expect(prediction.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      const activations = layerActivations(model, image);
      expect(activations.predicted).toBe(prediction.predicted);
      const convs = spec.layers.filter((l) => l.type === 'conv2d').length;
      expect(activations.layers.length).toBeGreaterThanOrEqual(convs);
      expect(firstConvFilters(model) === null).toBe(convs === 0);

      const dir = path.join(root, preset.id);
      await saveModel(dir, model, meta(preset.name, spec, result.history));
      const { model: loaded } = await loadModel(dir);
      expect(predictImages(loaded, image, 1)[0].probabilities).toEqual(prediction.probabilities);
      // The loaded model (with its optimizer state) trains on.
      const more = await train(data, loaded, {
        epochs: 2,
        batchSize: 1,
        seed: 1,
        history: result.history,
      });
      expect(more.history.map((r) => r.epoch)).toEqual([1, 2]);

      const out = path.join(root, `${preset.id}-keras`);
      const { files } = await exportKerasFolder(out, spec, await namedWeightsOf(loaded));
      expect(files.map((f) => path.basename(f))).toEqual(['model.py', 'weights.npz', 'README.md']);
      expect(files.every((f) => existsSync(f))).toBe(true);
      for (const m of [model, loaded]) {
        const optimizer = m.optimizer;
        m.dispose();
        optimizer?.dispose();
      }
    });
  }
});
