// What the Train tab offers in each state of a run. Pure, so the rules are tested on their own.
import type { TrainingStatus } from '../../../src-main/contract/training-api';
import type { BatchProgress, EpochRecord } from '../../../src-main/contract/training';
import type { DatasetInfo } from '../../../src-main/contract/dataset';
import type { RunDataset } from '../../../src-main/contract/runs';

/** A run is going (or about to): the app must not be closed without asking. */
export const ACTIVE_STATUSES: readonly TrainingStatus[] = [
  'starting',
  'running',
  'paused',
  'stopping',
];

export function isActive(status: TrainingStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** Why Train cannot start now, or null when it can. */
export type StartBlock = 'loading' | 'busy' | 'no-dataset' | 'spec-errors' | null;

export function startBlock(opts: {
  loaded: boolean;
  status: TrainingStatus;
  hasDataset: boolean;
  specHasErrors: boolean;
}): StartBlock {
  if (!opts.loaded) return 'loading';
  if (isActive(opts.status)) return 'busy';
  if (!opts.hasDataset) return 'no-dataset';
  if (opts.specHasErrors) return 'spec-errors';
  return null;
}

/** "Train N more epochs" needs an ended run whose weights were saved. */
export function canContinue(opts: {
  status: TrainingStatus;
  runId: string | null;
  savedEpoch: number;
  hasDataset: boolean;
}): boolean {
  return !isActive(opts.status) && opts.runId !== null && opts.savedEpoch > 0 && opts.hasDataset;
}

/**
 * Whether the letters open now are the run's own (same file content and split): a run only ever
 * trains and validates on the letters it started with. 'other-file', 'other-split' or 'same'.
 */
export function runLettersMatch(
  run: RunDataset | null,
  open: DatasetInfo | null,
): 'same' | 'other-file' | 'other-split' {
  if (!run || !open) return 'same';
  if (run.fingerprint !== open.fingerprint) return 'other-file';
  return run.splitSeed === open.split.seed && run.testFraction === open.split.testFraction
    ? 'same'
    : 'other-split';
}

/** The host accepts 1..100 more epochs (src-main/host/training.ts). */
export const MAX_MORE_EPOCHS = 100;

/** A typed epoch count, or null when it is not a whole number in 1..MAX_MORE_EPOCHS. */
export function parseMoreEpochs(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= 1 && n <= MAX_MORE_EPOCHS ? n : null;
}

/** What the progress line says: nothing yet, loading, a batch, or the check after an epoch. */
export type ProgressPhase =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'batch'; progress: BatchProgress }
  | { kind: 'validating'; progress: BatchProgress };

export function progressPhase(
  status: TrainingStatus,
  lastBatch: BatchProgress | null,
  history: EpochRecord[],
): ProgressPhase {
  if (status === 'starting') return { kind: 'loading' };
  if (!lastBatch) return status === 'running' ? { kind: 'loading' } : { kind: 'none' };
  const epochDone = history.some((r) => r.epoch === lastBatch.epoch);
  // A stop drops the unfinished epoch: the status line says where it stopped.
  if (status === 'stopped' && !epochDone) return { kind: 'none' };
  if (
    (status === 'running' || status === 'stopping') &&
    lastBatch.batch === lastBatch.batches &&
    !epochDone
  ) {
    return { kind: 'validating', progress: lastBatch };
  }
  return { kind: 'batch', progress: lastBatch };
}

/**
 * How far the whole run is, 0..1, counting epochs of earlier runs; null while it cannot be told
 * (loading: the bar shows that something is happening without a number).
 */
export function runFraction(
  status: TrainingStatus,
  lastBatch: BatchProgress | null,
  history: EpochRecord[],
  targetEpochs: number,
): number | null {
  if (status === 'starting') return null;
  if (status === 'finished') return 1;
  if (targetEpochs <= 0) return 0;
  const doneEpochs = history.at(-1)?.epoch ?? 0;
  let done = doneEpochs;
  // A stop keeps the last full epoch: the bar shows that, not the dropped batches.
  if (lastBatch && lastBatch.epoch > doneEpochs && status !== 'stopped') {
    done = lastBatch.epoch - 1 + lastBatch.batch / lastBatch.batches;
  }
  return Math.min(1, Math.max(0, done / targetEpochs));
}
