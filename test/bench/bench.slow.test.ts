// The speed benchmark: its PyTorch reference (when installed) and a short real run. Its options:
// args.test.ts.
import { afterAll, describe, expect, it } from 'vitest';
import { formatTable, runBench } from '../../bench/suite';
import { PYTHON_ENV, probeTorch, torchParams } from '../../bench/torch-reference';
import { initBackend } from '../../src-main/core/backend';
import { buildModel } from '../../src-main/core/model/build';
import { PRESETS } from '../../src-main/core/spec/presets';
import { shutdownTrainingWorkers } from '../../src-main/core/training';

const torch = await probeTorch();
if (torch.unavailable) console.log(`PyTorch reference tests skipped: ${torch.unavailable}`);

describe('probeTorch', () => {
  it('reports a missing Python plainly instead of failing', async () => {
    const probe = await probeTorch({ [PYTHON_ENV]: '/nonexistent/python3' });
    expect(probe.python).toBeNull();
    expect(probe.unavailable).toMatch(/no Python with torch/);
  });

  it.skipIf(torch.python === null)(
    'builds every preset with our trainable parameter count',
    async () => {
      await initBackend('wasm');
      for (const preset of PRESETS) {
        const model = buildModel(preset.spec, { seed: 1 });
        // Trainable parameters (PyTorch keeps batch norm's moving averages as buffers).
        const ours = model.trainableWeights.reduce(
          (sum, w) => sum + (w.shape as number[]).reduce((p, q) => p * q, 1),
          0,
        );
        model.dispose();
        expect({
          preset: preset.id,
          params: await torchParams(torch.python as string, preset.spec),
        }).toEqual({
          preset: preset.id,
          params: ours,
        });
      }
    },
  );
});

describe('runBench', () => {
  afterAll(async () => {
    await shutdownTrainingWorkers();
  });

  it('times training and prediction of a preset on the sample set, side by side with PyTorch when installed', async () => {
    const lines: string[] = [];
    const report = await runBench(
      {
        presets: ['logistic-regression', 'conv'],
        batches: 3,
        repeats: 2,
        torchThreads: 1,
        torch: torch.python !== null,
        mat: null,
      },
      (line) => lines.push(line),
    );
    expect(report.dataset).toMatchObject({ source: 'sample', file: 'sample-letters.mat' });
    expect(report.matLoad).toBeNull();
    expect(report.machine.cores).toBeGreaterThanOrEqual(1);
    expect(report.presets.map((p) => p.preset)).toEqual(['logistic-regression', 'conv']);
    for (const p of report.presets) {
      expect(p.batches).toBe(3);
      expect(p.samples).toBe(3 * 128);
      expect(p.ours.runs).toHaveLength(2);
      expect(p.ours.samplesPerSecond).toBeGreaterThan(0);
      expect(p.ours.threads).toBeGreaterThanOrEqual(1);
      expect(p.predict.runs).toBeGreaterThan(0);
      expect(p.predict.medianMs).toBeGreaterThan(0);
      expect(p.predict.p90Ms).toBeGreaterThanOrEqual(p.predict.medianMs);
      if (torch.python) {
        expect(p.pytorch?.runs).toHaveLength(2);
        expect(p.pytorch?.runs.every((r) => r.samples === 3 * 128 && r.threads === 1)).toBe(true);
        expect(p.ratio).toBeCloseTo(
          p.ours.samplesPerSecond / (p.pytorch?.samplesPerSecond ?? 1),
          9,
        );
        expect(p.pairRatios).toHaveLength(2);
      } else {
        expect(p.pytorch).toBeNull();
        expect(p.ratio).toBeNull();
      }
    }
    expect(lines.filter((l) => l.includes('run 2/2'))).toHaveLength(2);
    // The notebook row: both models for their notebook epochs (10 each) over the whole split.
    expect(report.notebook?.epochs).toEqual({ 'logistic-regression': 10, conv: 10 });
    expect(report.notebook?.samplesPerEpoch).toBe(report.dataset.train);
    const epochSeconds = report.presets.map((p) => report.dataset.train / p.ours.samplesPerSecond);
    expect(report.notebook?.oursSeconds).toBeCloseTo(10 * (epochSeconds[0] + epochSeconds[1]), 6);
    if (torch.python) expect(report.notebook?.pairRatios).toHaveLength(2);
    expect(formatTable(report)).toMatch(/notebook \(2 models, 20 epochs\)/);
  });
});
