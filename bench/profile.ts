// Where a training step's time goes: per-op (tfjs kernel) time of one preset training on ONE
// thread of the active backend, for the "profile first, report the per-op time".
//
//   npx tsx bench/profile.ts [--preset batchnorm] [--batches 20] [--warmup 5] [--batch 64] [--json]
//
// Data: $NOTMNIST_MAT, else the bundled sample set. Each op is timed by tfjs's profiler (its
// kernels run synchronously on wasm, so the time is the kernel's own); ms/step is the op's total
// time over the timed batches divided by their number. The unprofiled step time is measured
// first, on the same batches, so the profiler's own cost can be seen.

import * as tf from '@tensorflow/tfjs-core';
import { parseArgs } from 'node:util';
import { initBackend } from '../src-main/core/backend';
import { loadDataset } from '../src-main/core/dataset/load';
import { PRESETS } from '../src-main/core/spec/presets';
import { shutdownTrainingWorkers } from '../src-main/core/training';
import { disposeModel, freshModel, trainOnce } from './ours';
import { SAMPLE_MAT } from './suite';

interface OpTime {
  op: string;
  calls: number;
  msPerStep: number;
  share: number;
}

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    preset: { type: 'string', default: 'batchnorm' },
    batches: { type: 'string', default: '20' },
    warmup: { type: 'string', default: '5' },
    /** Images per step instead of the preset's 128 (64: one shard of two threads). */
    batch: { type: 'string' },
    json: { type: 'boolean' },
  },
  strict: true,
});

const preset = PRESETS.find((p) => p.id === values.preset);
if (!preset) {
  console.error(`error: no preset "${values.preset}"; use one of ${PRESETS.map((p) => p.id)}`);
  process.exit(2);
}
const batches = Math.max(1, Number(values.batches) || 20);
const warmup = Math.max(1, Number(values.warmup) || 5);
const backend = await initBackend('auto');
const file = process.env.NOTMNIST_MAT ?? SAMPLE_MAT;
const { set } = await loadDataset(file, { fingerprint: false, seed: 42 });
const spec = values.batch
  ? {
      ...preset.spec,
      compile: { ...preset.spec.compile, batchSize: Math.max(1, Number(values.batch) || 128) },
    }
  : preset.spec;
const batchSize = spec.compile.batchSize;
const subset = (n: number) => set.train.subarray(0, Math.min(set.train.length, n * batchSize));

const model = freshModel(spec, 1);
try {
  await trainOnce(set, subset(warmup), model, spec, { seed: 1, threads: 1 });
  const plain = await trainOnce(set, subset(batches), model, spec, { seed: 2, threads: 1 });
  const steps = plain.batches;
  const info = await tf.profile(() =>
    trainOnce(set, subset(batches), model, spec, { seed: 3, threads: 1 }).then(() => tf.scalar(0)),
  );
  const byOp = new Map<string, { calls: number; ms: number }>();
  for (const k of info.kernels) {
    const ms = typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0;
    const entry = byOp.get(k.name) ?? { calls: 0, ms: 0 };
    entry.calls++;
    entry.ms += ms;
    byOp.set(k.name, entry);
  }
  const total = [...byOp.values()].reduce((t, e) => t + e.ms, 0);
  const ops: OpTime[] = [...byOp.entries()]
    .map(([op, e]) => ({
      op,
      calls: e.calls / steps,
      msPerStep: e.ms / steps,
      share: e.ms / total,
    }))
    .sort((a, b) => b.msPerStep - a.msPerStep);
  const stepMs = (plain.seconds * 1000) / steps;
  const report = {
    preset: preset.id,
    backend: backend.name,
    batchSize,
    steps,
    stepMs,
    samplesPerSecond: plain.samplesPerSecond,
    opsMsPerStep: total / steps,
    ops,
  };
  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log(
      `${preset.id} on ${backend.name}, 1 thread, batch ${batchSize}, ${steps} steps: ` +
        `${stepMs.toFixed(1)} ms/step unprofiled (${Math.round(plain.samplesPerSecond)} samples/s), ` +
        `ops ${(total / steps).toFixed(1)} ms/step profiled`,
    );
    console.log('op'.padEnd(40), 'calls/step'.padStart(10), 'ms/step'.padStart(9), 'share');
    for (const o of ops) {
      console.log(
        o.op.padEnd(40),
        o.calls.toFixed(1).padStart(10),
        o.msPerStep.toFixed(2).padStart(9),
        `${(o.share * 100).toFixed(1)}%`.padStart(6),
      );
    }
  }
} finally {
  disposeModel(model);
  await shutdownTrainingWorkers();
}
