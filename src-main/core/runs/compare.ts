// Runs side by side: the numbers of each (oldest first) and what changed in the network from one
// run to the next, in plain words (core/spec diffSpecs).

import type { RunCompareRow, RunComparison, RunRecord } from '../../contract/runs';
import { diffSpecs } from '../spec';
import type { RunsLang } from './messages';

/** Fewest runs a comparison takes, and most. */
export const MIN_COMPARE = 2;
export const MAX_COMPARE = 8;

function row(r: RunRecord): RunCompareRow {
  const epochs = r.history.length;
  const seconds = r.history.reduce((sum, e) => sum + e.seconds, 0);
  const last = r.history.at(-1);
  return {
    id: r.id,
    name: r.name,
    specName: r.spec.name,
    startedAt: r.startedAt,
    status: r.status,
    params: r.params,
    epochs,
    bestValAcc: r.bestValAcc,
    bestEpoch: r.bestEpoch,
    finalValAcc: r.finalValAcc,
    finalAcc: last && Number.isFinite(last.acc) ? last.acc : null,
    secondsPerEpoch: epochs > 0 ? seconds / epochs : null,
    backend: r.backend,
    dataset: r.dataset?.label ?? null,
  };
}

function sameData(a: RunRecord, b: RunRecord): boolean {
  if (!a.dataset || !b.dataset) return a.dataset === b.dataset;
  return (
    a.dataset.fingerprint === b.dataset.fingerprint &&
    a.dataset.splitSeed === b.dataset.splitSeed &&
    a.dataset.testFraction === b.dataset.testFraction &&
    a.dataset.split === b.dataset.split
  );
}

/** The comparison of `records` (any order; shown oldest first). */
export function compareRuns(records: readonly RunRecord[], lang: RunsLang = 'en'): RunComparison {
  const runs = [...records].sort(
    (a, b) => Date.parse(a.startedAt) - Date.parse(b.startedAt) || a.id.localeCompare(b.id),
  );
  return {
    rows: runs.map(row),
    changes: runs.slice(1).map((to, i) => ({
      from: runs[i].id,
      to: to.id,
      changes: diffSpecs(runs[i].spec, to.spec, lang),
    })),
    sameData: runs.every((r) => sameData(runs[0], r)),
  };
}
