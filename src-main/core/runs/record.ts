// Building a run's record from the training manager's final state: the numbers the notebook and
// the comparison table show (best and final test accuracy, parameters, the kept epochs' time), and
// what is kept from an earlier record of the same run when more epochs were trained (name, star,
// note, start).

import type { BackendName } from '../../contract/backend';
import type { TeachingInfo } from '../../contract/letters';
import type { RunDataset, RunRecord, RunStatus } from '../../contract/runs';
import type { ModelSpec } from '../../contract/spec';
import type { EpochRecord } from '../../contract/training';
import type { StopPoint } from '../../contract/training-api';
import { summarize } from '../spec';

/** How a run can end. */
export const RUN_STATUSES: readonly RunStatus[] = ['finished', 'stopped', 'failed', 'crashed'];
/** Every status a record may have: the ends, a run training now, and one cut off by a crash. */
export const RECORD_STATUSES: readonly RunStatus[] = [...RUN_STATUSES, 'running', 'interrupted'];

/** What the training manager knows about a run (a subset of TrainingState). */
export interface EndedRun {
  runId: string;
  spec: ModelSpec;
  history: EpochRecord[];
  backend: BackendName | null;
  status: RunStatus;
  message: string | null;
  savedEpoch: number;
  /** Where a stop came in the middle of an epoch, or null. */
  stoppedAt?: StopPoint | null;
  /** A teaching run (My letters): what it learned from and how it did. */
  teaching?: TeachingInfo | null;
}

/** One training session of the run: a start, or a "train N more epochs". */
export interface RunSession {
  startedAt: string;
  endedAt: string;
  dataset: RunDataset | null;
}

export function isRunStatus(value: unknown): value is RunStatus {
  return RUN_STATUSES.includes(value as RunStatus);
}

/** The best test accuracy and the first epoch that reached it; nulls without test letters. */
export function bestValidation(history: readonly EpochRecord[]): {
  bestValAcc: number | null;
  bestEpoch: number | null;
} {
  let bestValAcc: number | null = null;
  let bestEpoch: number | null = null;
  for (const r of history) {
    if (r.valAcc === null || !Number.isFinite(r.valAcc)) continue;
    if (bestValAcc === null || r.valAcc > bestValAcc) {
      bestValAcc = r.valAcc;
      bestEpoch = r.epoch;
    }
  }
  return { bestValAcc, bestEpoch };
}

function finiteOrNull(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

/** Whether an ended run is worth a notebook entry: a run stopped before its first epoch is not. */
export function worthRecording(run: EndedRun, previous: RunRecord | null): boolean {
  return previous !== null || run.status !== 'stopped' || run.history.length > 0;
}

/** The time the kept epochs took (a stop's unfinished epoch is not kept, nor is its time). */
export function keptSeconds(history: readonly EpochRecord[]): number {
  return history.reduce((sum, r) => sum + (Number.isFinite(r.seconds) ? r.seconds : 0), 0);
}

/** The record of `run` after `session`; `previous` is the record of its earlier sessions. */
export function buildRecord(
  run: EndedRun,
  session: RunSession,
  previous: RunRecord | null,
): RunRecord {
  const history = run.history.map((r) => ({ ...r }));
  const best = bestValidation(history);
  return {
    version: 1,
    id: run.runId,
    name: previous?.name ?? run.spec.name,
    starred: previous?.starred ?? false,
    note: previous?.note ?? '',
    startedAt: previous?.startedAt ?? session.startedAt,
    endedAt: session.endedAt,
    seconds: keptSeconds(history),
    spec: run.spec,
    compile: { ...run.spec.compile },
    params: summarize(run.spec).totalParams,
    dataset: session.dataset ?? previous?.dataset ?? null,
    history,
    finalValAcc: finiteOrNull(history.at(-1)?.valAcc),
    bestValAcc: best.bestValAcc,
    bestEpoch: best.bestEpoch,
    backend: run.backend ?? previous?.backend ?? null,
    status: run.status,
    message: run.message,
    savedEpoch: run.savedEpoch,
    stoppedAt: run.stoppedAt ?? null,
    // A teaching run trained more keeps what it learned from (and its first "before").
    ...(run.teaching
      ? { teaching: run.teaching }
      : previous?.teaching
        ? { teaching: previous.teaching }
        : {}),
  };
}
