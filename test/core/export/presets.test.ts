import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportKerasFolder } from '../../../src-main/core/export/export-folder';
import { kerasScript } from '../../../src-main/core/export/keras-script';
import { expectedWeights } from '../../../src-main/core/export/weights-order';
import { PRESETS, summarize } from '../../../src-main/core/spec';
import { pythonHas, runPython } from './run-python';
import { appNames } from './specs';
import { expectReportMatchesSpec, hasNumpyScipy, runWithStandIns, writeSmallMat } from './stand-in';
import { tfjsModel, tfjsWeights } from './tfjs-model';

const hasPython = pythonHas('py_compile');
if (!hasPython) console.warn('presets.test: python3 not found; skipping the Python checks.');

const root = mkdtempSync(join(tmpdir(), 'letter-lab-presets-'));
let matPath = '';
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(async () => {
  await tf.setBackend('cpu');
  if (hasNumpyScipy) {
    matPath = join(root, 'notMNIST_small.mat');
    writeSmallMat(matPath, 40);
  }
});

const sha256 = (d: Float32Array): string =>
  createHash('sha256')
    .update(new Uint8Array(d.buffer, d.byteOffset, d.byteLength))
    .digest('hex');

describe('the eight notebook presets', () => {
  it('are eight', () => {
    expect(PRESETS.length).toBe(8);
  });

  it.skipIf(!hasPython)('each give valid Python 3, with and without weights', () => {
    const files = PRESETS.flatMap((preset) =>
      [false, true].map((hasWeights) => {
        const file = join(root, `${preset.id}-${hasWeights ? 'weights' : 'plain'}.py`);
        writeFileSync(file, kerasScript(preset.spec, { hasWeights }));
        return file;
      }),
    );
    runPython(['-m', 'py_compile', ...files]);
  });

  it('state the parameter count of the app summary (49,850 for the dense + dropout ConvNet, as in Keras)', () => {
    for (const { spec } of PRESETS) {
      const total = summarize(spec).totalParams.toLocaleString('en-US');
      expect(kerasScript(spec, { hasWeights: false })).toContain(`, ${total} parameters.`);
    }
    const withDropout = PRESETS.find((p) => p.id === 'convnet-dense-dropout');
    expect(withDropout && kerasScript(withDropout.spec, { hasWeights: false })).toContain(
      '49,850 parameters',
    );
  });

  for (const preset of PRESETS) {
    it.skipIf(!hasNumpyScipy)(
      `"${preset.name}": model.py builds every layer in order and loads its weights (Keras stand-in)`,
      async () => {
        const dir = join(root, preset.id);
        const model = tfjsModel(preset.spec, appNames(preset.spec));
        const weights = tfjsWeights(model);
        model.dispose();
        await exportKerasFolder(dir, preset.spec, weights, { datasetFile: matPath });
        const report = runWithStandIns(dir);
        expectReportMatchesSpec(report, preset.spec, appNames(preset.spec));
        const expected = expectedWeights(preset.spec).map((e) => {
          const w = weights.find((x) => x.name === `${e.layerName}/${e.kind}`);
          if (!w) throw new Error(`no tfjs weight ${e.layerName}/${e.kind}`);
          return { shape: w.shape, dtype: 'float32', sha256: sha256(w.data) };
        });
        expect(report.set_weights).toEqual(expected);
      },
    );
  }
});
