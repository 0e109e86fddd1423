// The running per-batch training curve, kept the same way as main keeps it
// (src-main/host/training-run.ts), so live batches and a restored snapshot agree.
import type { BatchProgress } from '../../../src-main/contract/training';

/**
 * [global batch index (1-based, counting earlier epochs), loss, accuracy]: the running means of the
 * epoch so far, weighted by batch size, as Keras's progress bar shows them. A batch on its own
 * would spike the curve at every epoch's small last batch.
 */
export type CurvePoint = [number, number, number];

/** Same limit as main: beyond it every other point is dropped. */
export const MAX_CURVE_POINTS = 4000;

/** The batch's place on the whole run: batch 3 of epoch 2 with 10 batches per epoch is 13. */
export function globalBatch(progress: BatchProgress): number {
  return (progress.epoch - 1) * progress.batches + progress.batch;
}

/** A new curve with the batches appended (thinned like main's once it grows too long). */
export function appendBatches(curve: CurvePoint[], batches: BatchProgress[]): CurvePoint[] {
  let next = curve.slice();
  for (const progress of batches) {
    const last = next.at(-1);
    const global = globalBatch(progress);
    // A batch the curve already has (an event that crossed a snapshot) is not added twice.
    if (last && last[0] >= global) continue;
    next.push([global, progress.loss, progress.acc]);
    if (next.length > MAX_CURVE_POINTS) next = next.filter((_, i) => i % 2 === 0);
  }
  return next;
}

/** Which of two progress reports is later in the run (null counts as earliest). */
export function laterBatch(a: BatchProgress | null, b: BatchProgress | null): BatchProgress | null {
  if (!a) return b;
  if (!b) return a;
  return globalBatch(b) >= globalBatch(a) ? b : a;
}
