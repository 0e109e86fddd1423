// What the live charts draw, livelossplot style: per-epoch training and validation values at
// x = epoch, and the per-batch training curve at fractional epochs so it lies under them.
import type { EpochRecord } from '../../../src-main/contract/training';
import type { CurvePoint } from './curve';

export type Metric = 'loss' | 'acc';

export interface Point {
  x: number;
  y: number;
}

/** Accuracy is drawn in percent (0..100), loss as it is. */
function value(metric: Metric, loss: number, acc: number): number {
  return metric === 'loss' ? loss : acc * 100;
}

export function epochSeries(
  history: EpochRecord[],
  metric: Metric,
): { train: Point[]; val: Point[] } {
  const train = history.map((r) => ({ x: r.epoch, y: value(metric, r.loss, r.acc) }));
  const val: Point[] = [];
  for (const r of history) {
    const v = metric === 'loss' ? r.valLoss : r.valAcc;
    if (v !== null) val.push({ x: r.epoch, y: metric === 'loss' ? v : v * 100 });
  }
  return { train, val };
}

/** Batch g of a run with `batchesPerEpoch` batches per epoch sits at x = g / batchesPerEpoch. */
export function batchSeries(curve: CurvePoint[], batchesPerEpoch: number, metric: Metric): Point[] {
  if (batchesPerEpoch <= 0) return [];
  return curve
    .filter(([, loss, acc]) => Number.isFinite(loss) && Number.isFinite(acc))
    .map(([g, loss, acc]) => ({ x: g / batchesPerEpoch, y: value(metric, loss, acc) }));
}

/** The x axis spans the planned epochs, so the charts do not rescale while they grow. */
export function epochAxisMax(
  targetEpochs: number,
  history: EpochRecord[],
  batches: Point[],
): number {
  const last = Math.max(history.at(-1)?.epoch ?? 0, batches.at(-1)?.x ?? 0);
  return Math.max(1, targetEpochs, Math.ceil(last));
}

/** The epoch with the best validation value (lowest loss, highest accuracy), or null. */
export function bestEpoch(history: EpochRecord[], metric: Metric): EpochRecord | null {
  let best: EpochRecord | null = null;
  for (const r of history) {
    const v = metric === 'loss' ? r.valLoss : r.valAcc;
    if (v === null) continue;
    const b = best && (metric === 'loss' ? best.valLoss : best.valAcc);
    if (b === null || b === undefined || (metric === 'loss' ? v < b : v > b)) best = r;
  }
  return best;
}

/**
 * "epoch:epochValue:batchValue" for every epoch that has a batch point at its end, space
 * separated: the batch line is the epoch's running mean, so the two values are the same there.
 */
export function epochJoins(train: Point[], batches: Point[]): string {
  const atX = new Map(batches.map((p) => [p.x, p.y]));
  return train
    .filter((p) => atX.has(p.x))
    .map((p) => `${p.x}:${p.y}:${atX.get(p.x)}`)
    .join(' ');
}
