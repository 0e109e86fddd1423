// The points of the comparison charts: per run, validation (and training) loss or accuracy by
// epoch. Accuracy is in percent. A loss that is not a number leaves a gap.
import type { RunRecord } from '../../../src-main/contract/runs';

export type Metric = 'loss' | 'acc';
export interface Point {
  x: number;
  y: number;
}

function value(v: number | null | undefined, scale: number): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : v * scale;
}

export function runSeries(run: RunRecord, metric: Metric): { train: Point[]; val: Point[] } {
  const scale = metric === 'acc' ? 100 : 1;
  const train: Point[] = [];
  const val: Point[] = [];
  for (const e of run.history) {
    const t = value(metric === 'acc' ? e.acc : e.loss, scale);
    const v = value(metric === 'acc' ? e.valAcc : e.valLoss, scale);
    if (t !== null) train.push({ x: e.epoch, y: t });
    if (v !== null) val.push({ x: e.epoch, y: v });
  }
  return { train, val };
}

/** The best validation value of a run (lowest loss, highest accuracy) and its epoch. */
export function bestPoint(points: Point[], metric: Metric): Point | null {
  let best: Point | null = null;
  for (const p of points) {
    if (!best || (metric === 'loss' ? p.y < best.y : p.y > best.y)) best = p;
  }
  return best;
}

export function maxEpoch(runs: RunRecord[]): number {
  return Math.max(1, ...runs.map((r) => r.history.at(-1)?.epoch ?? 0));
}
