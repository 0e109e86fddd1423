// `letter-lab export` for real: a trained, saved network becomes model.py + weights.npz whose arrays
// are the network's weights bit for bit (read back by the test's own zip/npy reader).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src-main/core/backend';
import { buildModel, compileModel, loadModel, saveModel } from '../../src-main/core/model';
import { PRESETS } from '../../src-main/core/spec';
import { readNpy, readZip } from '../core/export/read-npz';
import { cliInProcess } from '../helpers/cli';

describe('letter-lab export', () => {
  let dir: string;
  const spec = structuredClone(PRESETS.find((p) => p.id === 'batchnorm')!.spec);

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-export-'));
    await initBackend('wasm');
    const model = buildModel(spec, { seed: 3 });
    compileModel(model, spec.compile);
    await saveModel(path.join(dir, 'saved'), model, {
      version: 1,
      name: 'bn',
      spec,
      compile: spec.compile,
      history: [],
      dataset: null,
      accuracy: null,
      backend: 'wasm',
      savedAt: new Date().toISOString(),
    });
    model.dispose();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes model.py and weights.npz holding every weight of the saved network in Keras order', async () => {
    const out = path.join(dir, 'keras');
    const run = await cliInProcess(
      'export',
      '--model',
      path.join(dir, 'saved'),
      '--to',
      out,
      '--json',
    );
    expect(run.stderr).not.toMatch(/error/);
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout) as { files: string[]; weights: boolean };
    expect(result.weights).toBe(true);
    expect(result.files.map((f) => path.basename(f)).sort()).toEqual([
      'README.md',
      'model.py',
      'weights.npz',
    ]);
    expect(spawnSync('python3', ['-m', 'py_compile', path.join(out, 'model.py')]).status).toBe(0);

    const arrays = readZip(new Uint8Array(fs.readFileSync(path.join(out, 'weights.npz')))).map(
      (e) => readNpy(e.data),
    );
    const { model } = await loadModel(path.join(dir, 'saved'));
    // Keras order: per layer kernel, bias; BatchNormalization gamma, beta, moving mean, moving variance.
    const byLayer = model.layers.flatMap((layer) => layer.weights.map((w) => w));
    expect(arrays).toHaveLength(byLayer.length);
    for (let i = 0; i < byLayer.length; i++) {
      expect(arrays[i].shape, byLayer[i].originalName).toEqual(byLayer[i].shape);
      expect(arrays[i].descr).toBe('<f4');
      const expected = new Float32Array(await byLayer[i].read().data());
      expect(
        Buffer.from(arrays[i].bytes).equals(Buffer.from(expected.buffer)),
        byLayer[i].originalName,
      ).toBe(true);
    }
    model.optimizer?.dispose();
    model.dispose();
  });

  it('exports a preset as architecture only', async () => {
    const out = path.join(dir, 'preset');
    const run = await cliInProcess('export', '--preset', 'mlp', '--to', out);
    expect(run.status).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['README.md', 'model.py']);
    expect(fs.readFileSync(path.join(out, 'model.py'), 'utf8')).toMatch(/Dense\(128/);
  });

  it('refuses a network with another input than notMNIST’s letters, writing nothing', async () => {
    const specFile = path.join(dir, 'big.json');
    const mlp = PRESETS.find((p) => p.id === 'mlp')!.spec;
    fs.writeFileSync(
      specFile,
      JSON.stringify({ ...mlp, input: { height: 32, width: 32, channels: 1 } }),
    );
    const out = path.join(dir, 'big-out');
    const run = await cliInProcess('export', '--spec', specFile, '--to', out);
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(
        /^error: model\.py trains on notMNIST_small\.mat, .* this network takes 32x32x1 pictures/,
      ),
    ]);
    expect(fs.existsSync(out)).toBe(false);
  });

  it.each([
    [['export', '--preset', 'mlp'], /^error: Give the folder to write with --to OUT/],
    [
      ['export', '--to', 'x'],
      /^error: Give exactly one of --model DIR, --preset ID or --spec FILE/,
    ],
    [['export', '--preset', 'nope', '--to', 'x'], /^error: There is no preset "nope"/],
    [['export', '--model', '/nonexistent/model', '--to', 'x'], /^error: .*\/nonexistent\/model/],
  ])('%j exits 2 with one error line', async (args, message) => {
    const run = await cliInProcess(...args);
    expect(run.status).toBe(2);
    const lines = run.stderr
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('Reading'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
  });
});
