// `npm run bench` and `letter-lab bench`: the .mat load time, training samples/s of every preset on
// the active backend side by side with PyTorch (when a Python with torch is installed), and the
// latency of one prediction. Runs alternate (ours, PyTorch, ours, PyTorch, ...) so that both see
// the same machine load; the report gives medians, every run, and the ratio of each pair, and
// the whole notebook's estimated training time on both sides (./notebook).

import { availableParallelism, cpus, loadavg } from 'node:os';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BackendInfo } from '../src-main/contract/backend';
import { initBackend } from '../src-main/core/backend';
import { loadDataset } from '../src-main/core/dataset/load';
import { PRESETS } from '../src-main/core/spec/presets';
import { shutdownTrainingWorkers } from '../src-main/core/training';
import { LetterLabError } from '../src-main/core/errors';
import { benchMat } from './mat';
import { notebookTotal, type NotebookTotal } from './notebook';
import {
  disposeModel,
  freshModel,
  median,
  predictLatency,
  trainOnce,
  type OursRun,
  type PredictLatency,
} from './ours';
import { TorchData, probeTorch, runTorch, type TorchRun } from './torch-reference';

export const SAMPLE_MAT = fileURLToPath(
  new URL('../resources/sample/sample-letters.mat', import.meta.url),
);
const SEED = 1;
const SPLIT_SEED = 42;

export interface BenchOptions {
  /** Preset ids; all eight when empty. */
  presets: string[];
  /** Batches per timed epoch; 0 = the whole training split. */
  batches: number;
  /** Runs of each side per preset. */
  repeats: number;
  /** Our thread count (default: the training loop's own default). */
  threads?: number;
  /** PyTorch's thread count (default: the core count). */
  torchThreads: number;
  /** Skip the PyTorch reference even when it is installed. */
  torch: boolean;
  /** The .mat file: $NOTMNIST_MAT, else the bundled sample set. */
  mat: string | null;
}

export interface PresetReport {
  preset: string;
  params: number;
  /** The notebook's epochs for this model. */
  epochs: number;
  batches: number;
  samples: number;
  ours: { samplesPerSecond: number; threads: number; runs: OursRun[] };
  pytorch: { samplesPerSecond: number; threads: number; runs: TorchRun[] } | null;
  /** Median of ours over median of PyTorch, and the ratio of each (ours, PyTorch) pair. */
  ratio: number | null;
  pairRatios: number[];
  predict: PredictLatency;
  error?: string;
}

export interface BenchReport {
  machine: {
    cores: number;
    cpu: string;
    node: string;
    loadAvgStart: number[];
    loadAvgEnd: number[];
  };
  backend: BackendInfo;
  dataset: { file: string; source: 'NOTMNIST_MAT' | 'sample'; train: number; test: number };
  matLoad: Awaited<ReturnType<typeof benchMat>> | null;
  reference: { python: string | null; version: string | null; unavailable: string | null };
  options: Omit<BenchOptions, 'mat'>;
  presets: PresetReport[];
  /** The presets run, each for its notebook epochs: estimated training time, ours and PyTorch's. */
  notebook: NotebookTotal | null;
}

export function defaultOptions(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const mat = env.NOTMNIST_MAT && existsSync(env.NOTMNIST_MAT) ? env.NOTMNIST_MAT : null;
  return {
    presets: [],
    batches: 0,
    repeats: 3,
    torchThreads: availableParallelism(),
    torch: true,
    mat,
  };
}

function pickPresets(ids: string[]) {
  if (ids.length === 0) return PRESETS;
  return ids.map((id) => {
    const preset = PRESETS.find((p) => p.id === id);
    if (!preset) {
      throw new LetterLabError(
        'cli.usage',
        `There is no preset "${id}"; the presets are ${PRESETS.map((p) => p.id).join(', ')}.`,
      );
    }
    return preset;
  });
}

const round = (x: number, digits = 0) => Number(x.toFixed(digits));

export async function runBench(
  opts: BenchOptions,
  progress: (line: string) => void,
): Promise<BenchReport> {
  const presets = pickPresets(opts.presets);
  const loadAvgStart = loadavg();
  const backend = await initBackend('auto');
  progress(backend.reason);
  const file = opts.mat ?? SAMPLE_MAT;
  const matLoad = opts.mat ? await benchMat(opts.mat) : null;
  if (matLoad) {
    const scipy = matLoad.scipyMs === null ? 'not available' : `${round(matLoad.scipyMs)} ms`;
    progress(`.mat load: ${round(matLoad.oursMs)} ms (scipy ${scipy})`);
  }
  const { set } = await loadDataset(file, { fingerprint: false, seed: SPLIT_SEED });
  const probe = opts.torch ? await probeTorch() : null;
  const reference = probe ?? { python: null, version: null, unavailable: 'skipped (--no-torch)' };
  if (reference.unavailable) progress(`PyTorch reference: ${reference.unavailable}`);
  const report: BenchReport = {
    machine: {
      cores: availableParallelism(),
      cpu: cpus()[0]?.model ?? 'unknown',
      node: process.version,
      loadAvgStart,
      loadAvgEnd: [],
    },
    backend,
    dataset: {
      file: basename(file),
      source: opts.mat ? 'NOTMNIST_MAT' : 'sample',
      train: set.train.length,
      test: set.test.length,
    },
    matLoad,
    reference,
    options: {
      presets: presets.map((p) => p.id),
      batches: opts.batches,
      repeats: opts.repeats,
      threads: opts.threads,
      torchThreads: opts.torchThreads,
      torch: opts.torch,
    },
    presets: [],
    notebook: null,
  };
  let torchData: TorchData | null = null;
  try {
    for (const preset of presets) {
      const spec = preset.spec;
      const batchSize = spec.compile.batchSize;
      const count =
        opts.batches > 0 ? Math.min(set.train.length, opts.batches * batchSize) : set.train.length;
      const trainIndices = set.train.subarray(0, count);
      if (reference.python && (!torchData || torchData.count !== count)) {
        await torchData?.remove();
        torchData = await TorchData.write(set, trainIndices);
      }
      const ours: OursRun[] = [];
      const torch: TorchRun[] = [];
      let predict: PredictLatency | null = null;
      let params = 0;
      let error: string | undefined;
      for (let r = 0; r < opts.repeats; r++) {
        const model = freshModel(spec, SEED);
        params = model.countParams();
        try {
          ours.push(
            await trainOnce(set, trainIndices, model, spec, { seed: SEED, threads: opts.threads }),
          );
          if (predict === null) {
            const size = set.height * set.width;
            const first = set.test[0] ?? set.train[0];
            const pixels = set.images.subarray(first * size, (first + 1) * size);
            predict = await predictLatency(model, pixels, set);
          }
        } finally {
          disposeModel(model);
        }
        let line = `${preset.id} run ${r + 1}/${opts.repeats}: ours ${round(ours[r].samplesPerSecond)} samples/s`;
        if (reference.python && torchData && !error) {
          try {
            const t = await runTorch(reference.python, torchData, spec, {
              threads: opts.torchThreads,
              batches: opts.batches,
              seed: SEED + r,
            });
            torch.push(t);
            line += `, PyTorch ${round(t.samplesPerSecond)} samples/s`;
          } catch (err) {
            error = err instanceof Error ? err.message : String(err);
            line += `, PyTorch failed: ${error}`;
          }
        }
        progress(line);
      }
      const oursMedian = median(ours.map((o) => o.samplesPerSecond));
      const torchMedian = torch.length > 0 ? median(torch.map((t) => t.samplesPerSecond)) : null;
      report.presets.push({
        preset: preset.id,
        params,
        epochs: spec.compile.epochs,
        batches: ours[0].batches,
        samples: count,
        ours: { samplesPerSecond: oursMedian, threads: ours[0].threads, runs: ours },
        pytorch:
          torchMedian === null
            ? null
            : { samplesPerSecond: torchMedian, threads: torch[0].threads, runs: torch },
        ratio: torchMedian === null ? null : oursMedian / torchMedian,
        pairRatios: torch.map((t, i) => ours[i].samplesPerSecond / t.samplesPerSecond),
        predict: predict as PredictLatency,
        ...(error ? { error } : {}),
      });
    }
  } finally {
    await torchData?.remove();
    await shutdownTrainingWorkers();
  }
  report.notebook = notebookTotal(report.presets, set.train.length);
  report.machine.loadAvgEnd = loadavg();
  return report;
}

/** A plain-text table of the report, for people (the JSON is for tools). */
export function formatTable(report: BenchReport): string {
  const head = [
    'preset',
    'ours samples/s',
    'PyTorch samples/s',
    'ratio',
    'pair ratios',
    'predict ms',
  ];
  const rows = report.presets.map((p) => [
    p.preset,
    `${round(p.ours.samplesPerSecond)} (${p.ours.threads} thr)`,
    p.pytorch ? `${round(p.pytorch.samplesPerSecond)} (${p.pytorch.threads} thr)` : '-',
    p.ratio === null ? '-' : p.ratio.toFixed(2),
    p.pairRatios.map((r) => r.toFixed(2)).join(' '),
    p.predict.medianMs.toFixed(2),
  ]);
  const nb = report.notebook;
  if (nb && report.presets.length > 1) {
    const minutes = (s: number) => `${(s / 60).toFixed(1)} min`;
    const epochs = Object.values(nb.epochs).reduce((a, b) => a + b, 0);
    rows.push([
      `notebook (${report.presets.length} models, ${epochs} epochs)`,
      minutes(nb.oursSeconds),
      nb.pytorchSeconds === null ? '-' : minutes(nb.pytorchSeconds),
      nb.ratio === null ? '-' : nb.ratio.toFixed(2),
      nb.pairRatios.map((r) => r.toFixed(2)).join(' '),
      '',
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  const m = report.machine;
  return [
    `${report.backend.name} backend, ${m.cores} cores (${m.cpu}), load ${m.loadAvgStart.map((l) => l.toFixed(1)).join(' ')} -> ${m.loadAvgEnd.map((l) => l.toFixed(1)).join(' ')}`,
    `data: ${report.dataset.file} (${report.dataset.source}), ${report.dataset.train} training images`,
    ...(report.matLoad
      ? [
          `.mat load: ${round(report.matLoad.oursMs)} ms, scipy ${report.matLoad.scipyMs === null ? '-' : round(report.matLoad.scipyMs)} ms`,
        ]
      : []),
    line(head),
    ...rows.map(line),
    ...(nb?.slowest
      ? [
          `notebook row: each model for its notebook epochs at the median speeds; ratio = PyTorch's time / ours. Lowest model ratio: ${nb.slowest.preset} ${nb.slowest.ratio.toFixed(2)}`,
        ]
      : []),
  ].join('\n');
}
