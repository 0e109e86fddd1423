// Picking letters out of a subset's predictions: one confusion-matrix cell, or the mistakes the
// network was surest about. Positions returned are into the SplitPredictions arrays.

import type { SplitPredictions } from './predict';

/** NaN (a diverged network) sorts last. */
function sureness(p: SplitPredictions, k: number): number {
  const c = p.confidence[k];
  return Number.isNaN(c) ? -1 : c;
}

/** Most confident first; equal confidence in dataset order, so the answer is deterministic. */
function byConfidence(p: SplitPredictions, positions: number[]): number[] {
  return positions.sort((a, b) => sureness(p, b) - sureness(p, a) || p.indices[a] - p.indices[b]);
}

/** Letters of class `truth` the network called `predicted`: [positions of the first `limit`, total]. */
export function cellMembers(
  p: SplitPredictions,
  truth: number,
  predicted: number,
  limit: number,
): { positions: number[]; total: number } {
  const all: number[] = [];
  for (let k = 0; k < p.labels.length; k++) {
    if (p.labels[k] === truth && p.predicted[k] === predicted) all.push(k);
  }
  return { positions: byConfidence(p, all).slice(0, Math.max(0, limit)), total: all.length };
}

/** Wrong answers, the most confident first: [positions of the first `limit`, total mistakes]. */
export function confidentMistakes(
  p: SplitPredictions,
  limit: number,
): { positions: number[]; total: number } {
  const all: number[] = [];
  for (let k = 0; k < p.labels.length; k++) if (p.labels[k] !== p.predicted[k]) all.push(k);
  return { positions: byConfidence(p, all).slice(0, Math.max(0, limit)), total: all.length };
}
