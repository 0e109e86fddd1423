// Letter Lab's side of the bench: one epoch of a preset through the real training loop, and the
// latency of one prediction.

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ModelSpec } from '../src-main/contract/spec';
import type { SplitImageSet } from '../src-main/core/dataset/types';
import { buildModel, compileModel } from '../src-main/core/model/build';
import { train } from '../src-main/core/training';

export interface OursRun {
  samples: number;
  batches: number;
  seconds: number;
  samplesPerSecond: number;
  loss: number;
  acc: number;
  threads: number;
}

export interface PredictLatency {
  runs: number;
  medianMs: number;
  p90Ms: number;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** A fresh, seeded, compiled model of `spec`; the caller disposes it (and its optimizer). */
export function freshModel(spec: ModelSpec, seed: number): tfl.LayersModel {
  const model = buildModel(spec, { seed });
  compileModel(model, spec.compile);
  return model;
}

export function disposeModel(model: tfl.LayersModel): void {
  const optimizer = model.optimizer;
  model.dispose();
  optimizer?.dispose();
}

/**
 * One epoch of `model` on `train` (the bench's training subset) with the app's loop; no validation.
 * Samples per second is the loop's own figure (EpochRecord.samplesPerSecond).
 */
export async function trainOnce(
  data: SplitImageSet,
  trainIndices: Uint32Array,
  model: tfl.LayersModel,
  spec: ModelSpec,
  opts: { seed: number; threads?: number },
): Promise<OursRun> {
  let threads = 0;
  const result = await train(
    { ...data, train: trainIndices, test: new Uint32Array(0) },
    model,
    { epochs: 1, batchSize: spec.compile.batchSize, seed: opts.seed, threads: opts.threads },
    { onThreads: (n) => (threads = threads === 0 ? n : Math.min(threads, n)) },
  );
  const record = result.history[0];
  return {
    samples: trainIndices.length,
    batches: result.batchesRun,
    seconds: record.seconds,
    samplesPerSecond: record.samplesPerSecond,
    loss: record.loss,
    acc: record.acc,
    threads,
  };
}

/** Median and 90th percentile of predicting one 28x28 image (`pixels`), output read back. */
export async function predictLatency(
  model: tfl.LayersModel,
  pixels: Float32Array,
  size: { height: number; width: number },
  runs = 200,
  warmup = 10,
): Promise<PredictLatency> {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const started = performance.now();
    const x = tf.tensor4d(pixels, [1, size.height, size.width, 1]);
    const y = model.predict(x) as tf.Tensor;
    await y.data();
    tf.dispose([x, y]);
    if (i >= warmup) times.push(performance.now() - started);
  }
  return { runs, medianMs: median(times), p90Ms: quantile(times, 0.9) };
}
