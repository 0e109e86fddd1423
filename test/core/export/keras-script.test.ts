import { copyFileSync, existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { loadDataset } from '../../../src-main/core/dataset/load';
import { exportKerasFolder } from '../../../src-main/core/export/export-folder';
import { kerasScript } from '../../../src-main/core/export/keras-script';
import { pythonHas, runPython } from './run-python';
import { appNames, convnet, fullyConv, logistic, unusual } from './specs';
import { expectReportMatchesSpec, hasNumpyScipy, runWithStandIns, writeSmallMat } from './stand-in';

const hasPython = pythonHas('py_compile');
if (!hasPython) console.warn('keras-script.test: python3 not found; skipping the Python checks.');
if (!hasNumpyScipy) console.warn('keras-script.test: numpy/scipy missing; skipping the runs.');

const REAL_MAT = process.env.NOTMNIST_MAT ?? '';
const hasRealMat = hasNumpyScipy && REAL_MAT !== '' && existsSync(REAL_MAT);
if (!hasRealMat)
  console.warn('keras-script.test: NOTMNIST_MAT not set or missing; skipping the real-data run.');

const SPECS = [logistic, convnet, unusual, fullyConv];
const MAT_IMAGES = 50;
const root = mkdtempSync(join(tmpdir(), 'letter-lab-script-'));
let matPath = '';
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(() => {
  if (!hasNumpyScipy) return;
  matPath = join(root, 'notMNIST_small.mat');
  writeSmallMat(matPath, MAT_IMAGES);
});

let counter = 0;
function scriptDir(script: string): string {
  const dir = join(root, `run-${counter++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'model.py'), script);
  return dir;
}

describe('kerasScript', () => {
  it('reads like the notebook: imports, Sequential, model.add with names, compile, fit', () => {
    const script = kerasScript(convnet, { hasWeights: false });
    expect(script).toContain('from keras.models import Sequential\n');
    expect(script).toContain(
      'from keras.layers import Input, Conv2D, MaxPooling2D, Flatten, Dense, Dropout\n',
    );
    expect(script).toContain('from keras.optimizers import Adam\n');
    expect(script).toContain("model.add(Conv2D(16, (3, 3), activation='relu', name='conv2d_1'))");
    expect(script).toContain("model.add(Dense(10, activation='softmax', name='dense_2'))");
    expect(script).toContain('optimizer=Adam(learning_rate=0.001)');
    expect(script).toContain("X = data['images'].transpose(2, 0, 1) / 255.\n");
    expect(script).toContain('train_test_split(X, Y, test_size=0.2, random_state=42)');
    expect(script).not.toContain('weights.npz');
    const adds = script.split('\n').filter((l) => l.startsWith('model.add('));
    expect(adds.length).toBe(1 + convnet.layers.length + 1);
    expect(script.split('\n')[0]).toBe('# Letter Lab export: Convnet + dense + dropout');
  });

  it('annotates each layer with its output shape and parameter count', () => {
    const script = kerasScript(convnet, { hasWeights: false });
    expect(script).toMatch(/name='conv2d_2'\)\) +# -> \(None, 11, 11, 32\), 4,640 params\n/);
    expect(script).toMatch(/name='flatten_1'\)\) +# -> \(None, 800\), 0 params\n/);
    expect(script).toMatch(/name='dense_1'\)\) +# -> \(None, 64\), 51,264 params\n/);
  });

  it('lists the weights.npz arrays in Keras order when there are weights', () => {
    const script = kerasScript(fullyConv, { hasWeights: true });
    expect(script).toMatch(/# {3}arr_2 +batch_normalization_1 gamma +\(12,\)\n/);
    expect(script).toMatch(/# {3}arr_5 +batch_normalization_1 moving_variance +\(12,\)\n/);
    expect(script).toMatch(/# {3}arr_6 +conv2d_2 kernel +\(3, 3, 12, 20\)\n/);
    expect(script).toContain(
      "model.set_weights([weights[f'arr_{i}'] for i in range(len(weights.files))])",
    );
  });

  it.skipIf(!hasPython)('is valid Python 3 for every spec, with and without weights', () => {
    for (const spec of SPECS) {
      for (const hasWeights of [false, true]) {
        const datasetFile = 'C:\\it\'s "here"\\ünï\n.mat';
        const dir = scriptDir(kerasScript(spec, { hasWeights, datasetFile }));
        runPython(['-m', 'py_compile', join(dir, 'model.py')]);
      }
    }
  });

  for (const spec of SPECS) {
    it.skipIf(!hasNumpyScipy)(
      `builds, compiles and trains "${spec.name.split('\n')[0]}" (Keras stand-in)`,
      () => {
        // The dataset is not next to the script: the script falls back to datasetFile.
        const dir = scriptDir(kerasScript(spec, { hasWeights: false, datasetFile: matPath }));
        const report = runWithStandIns(dir);
        expectReportMatchesSpec(report, spec, appNames(spec));
        const test = Math.ceil(MAT_IMAGES * 0.2);
        expect(report.fit.X).toMatchObject({
          shape: [MAT_IMAGES - test, 28, 28, 1],
          dtype: 'float32',
        });
        expect(report.fit.Y.shape).toEqual([MAT_IMAGES - test, 10]);
        expect(report.fit.X_val.shape).toEqual([test, 28, 28, 1]);
        expect(report.fit.X_range).toEqual([0, 1]);
        expect(report.fit.Y_rows_sum_to_one).toBe(true);
        expect(report.set_weights).toBeNull();
        expect(report.evaluate).toBeNull();
      },
    );
  }

  it.skipIf(!hasRealMat)('loads the real notMNIST_small.mat as the notebook does', () => {
    const dir = scriptDir(kerasScript(convnet, { hasWeights: false, datasetFile: REAL_MAT }));
    const report = runWithStandIns(dir);
    // 18,724 letters; 20% (rounded up, as scikit-learn does) held out for testing.
    expect(report.fit.X).toMatchObject({ shape: [14979, 28, 28, 1], dtype: 'float32' });
    expect(report.fit.X_val.shape).toEqual([3745, 28, 28, 1]);
    expect(report.fit.Y.shape).toEqual([14979, 10]);
    expect(report.fit.X_range).toEqual([0, 1]);
    expect(report.fit.Y_rows_sum_to_one).toBe(true);
  });

  it.skipIf(!hasNumpyScipy)('prefers the dataset next to the script over datasetFile', () => {
    const dir = scriptDir(
      kerasScript(logistic, { hasWeights: false, datasetFile: '/nowhere/x.mat' }),
    );
    copyFileSync(matPath, join(dir, 'notMNIST_small.mat'));
    expect(runWithStandIns(dir).fit.X.shape[0]).toBe(MAT_IMAGES - Math.ceil(MAT_IMAGES * 0.2));
  });

  it.skipIf(!hasNumpyScipy)('stops with a clear message when the dataset is nowhere', () => {
    const dir = scriptDir(kerasScript(logistic, { hasWeights: false }));
    expect(() => runWithStandIns(dir)).toThrow(
      /Cannot find .*notMNIST_small\.mat\. Put notMNIST_small\.mat next to model\.py/,
    );
  });

  it.skipIf(!hasNumpyScipy)('trains from scratch with a note when weights.npz is missing', () => {
    const dir = scriptDir(kerasScript(convnet, { hasWeights: true, datasetFile: matPath }));
    const report = runWithStandIns(dir);
    expect(report.set_weights).toBeNull();
    expect(report.fit.epochs).toBe(convnet.compile.epochs);
  });

  it('splits as the weights were trained, and says honestly what the first accuracy means', () => {
    const trainedOn = { fingerprint: 'x', splitSeed: 7, testFraction: 0.3 };
    const honest = kerasScript(convnet, {
      hasWeights: true,
      trainedOn: { ...trainedOn, split: 'sklearn' },
    });
    expect(honest).toContain('train_test_split(X, Y, test_size=0.3, random_state=7)');
    expect(honest).toContain(
      'letters\n# these weights never learned from: the accuracy below is an honest one.',
    );
    expect(honest).not.toMatch(/optimistic|looks\n?#? ?better/);
    // Saved before Letter Lab used the notebook's split: the caveat stays, in plain words.
    const old = kerasScript(convnet, { hasWeights: true, trainedOn });
    expect(old).toContain('trained before Letter Lab used the notebook’s split');
    expect(old).toContain('better than it really is');
    const mixed = kerasScript(convnet, {
      hasWeights: true,
      trainedOn: { ...trainedOn, split: 'mixed' },
    });
    expect(mixed).toContain('learned from more than one split');
    // No weights: the notebook's split.
    expect(kerasScript(convnet, { hasWeights: false })).toContain(
      'test_size=0.2, random_state=42)',
    );
  });

  it.skipIf(!hasNumpyScipy)(
    'model.py tests on exactly the letters the app held out (same positions, same order)',
    async () => {
      const trainedOn = {
        fingerprint: 'x',
        splitSeed: 7,
        testFraction: 0.3,
        split: 'sklearn' as const,
      };
      const dir = scriptDir(
        kerasScript(logistic, { hasWeights: false, datasetFile: matPath, trainedOn }),
      );
      const report = runWithStandIns(dir);
      const { set } = await loadDataset(matPath, {
        fingerprint: false,
        seed: 7,
        testFraction: 0.3,
      });
      const size = set.height * set.width;
      const held = new Float32Array(set.test.length * size);
      set.test.forEach((index, k) =>
        held.set(set.images.subarray(index * size, (index + 1) * size), k * size),
      );
      const sha = createHash('sha256').update(new Uint8Array(held.buffer)).digest('hex');
      expect(report.fit.X_val.shape).toEqual([set.test.length, 28, 28, 1]);
      expect(report.fit.X_val.sha256).toBe(sha);
    },
  );

  it('refuses networks that do not take notMNIST’s 28x28x1 letters in 10 classes', async () => {
    const cases: [Partial<typeof logistic>, RegExp][] = [
      [{ input: { height: 32, width: 32, channels: 1 } }, /takes 32x32x1 pictures in 10 classes/],
      [{ input: { height: 28, width: 28, channels: 3 } }, /takes 28x28x3 pictures/],
      [{ classes: 5 }, /takes 28x28x1 pictures in 5 classes/],
    ];
    for (const [change, message] of cases) {
      const spec = { ...logistic, ...change };
      expect(() => kerasScript(spec, { hasWeights: false })).toThrow(message);
      const out = join(root, `refused-${counter++}`);
      await expect(exportKerasFolder(out, spec, null)).rejects.toMatchObject({
        code: 'export.not-notmnist',
        message: expect.stringMatching(
          /^model\.py trains on notMNIST_small\.mat, whose letters are 28x28 pixels/,
        ),
      });
      expect(existsSync(out)).toBe(false);
    }
  });
});
