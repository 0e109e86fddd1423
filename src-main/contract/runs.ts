// The lab notebook: every training run recorded in <userData>/runs/<runId>/run.json (its autosaved
// model next to it in model/), comparing runs, and the guided first run's state. Types only; the
// code is in src-main/core/runs and src-main/host/runs.ts.
import type { BackendName } from './backend';
import type { CompileSpec, ModelSpec } from './spec';
import type { TeachingInfo } from './letters';
import type { EpochRecord, SavedModelEntry, SplitMethod } from './training';
import type { StopPoint } from './training-api';
import type { DatasetSource } from './dataset';

/**
 * How a recorded run ended, or 'running' while it trains (its record is written at its start and
 * after every epoch), or 'interrupted' when Letter Lab closed or crashed while it trained.
 */
export type RunStatus = 'finished' | 'stopped' | 'failed' | 'crashed' | 'running' | 'interrupted';

/** The process writing a running run's record (to tell a live run from an interrupted one). */
export interface RunOwner {
  pid: number;
  hostname: string;
  /** Random per process, so a new process that got the same pid is not taken for the owner. */
  token: string;
}

/** The letters a run learned from. */
export interface RunDataset {
  /** What the UI called them: "Sample letters (175 fonts)" or the file name. */
  label: string;
  /** Where they came from and, for the bundled sample, how many fonts drew them (so the UI can
   * name the sample in its own language); absent in older records. */
  source?: DatasetSource;
  fonts?: number;
  fileName: string;
  fingerprint: string;
  splitSeed: number;
  testFraction: number;
  /** 'sklearn': the notebook's split; absent in runs recorded before Letter Lab used it. */
  split?: SplitMethod;
  /** Letters in the training and test parts of the split. */
  train: number;
  test: number;
}

/** run.json: one training run, written when it starts, after every epoch and when it ends. */
export interface RunRecord {
  /** Format version of run.json. */
  version: 1;
  /** The training run's id, also its folder name. */
  id: string;
  /** The camper's name for the run; starts as the network's name. */
  name: string;
  starred: boolean;
  /** The camper's own note ("added dropout to see if the test accuracy goes up"). */
  note: string;
  /** ISO 8601 times: when the run was first started and when it last ended. */
  startedAt: string;
  endedAt: string;
  /** Time its kept epochs took, training and checking (the sum of the history's seconds): the
   * unfinished epoch of a stop is not kept, so its time does not count either. */
  seconds: number;
  spec: ModelSpec;
  /** The optimizer settings it was trained with (also in spec.compile). */
  compile: CompileSpec;
  /** Trainable and fixed parameters of the network. */
  params: number;
  dataset: RunDataset | null;
  history: EpochRecord[];
  /** Test-split accuracy after the last epoch, and the best one (with its epoch). */
  finalValAcc: number | null;
  bestValAcc: number | null;
  bestEpoch: number | null;
  backend: BackendName | null;
  status: RunStatus;
  /** Why it failed or crashed, in plain words. */
  message: string | null;
  /** Epoch of the run's last autosave in model/, 0 when none was written. */
  savedEpoch: number;
  /** Where it was stopped in the middle of an epoch (whose batches were not kept); null or absent
   * otherwise (records written before this field existed have none). */
  stoppedAt?: StopPoint | null;
  /** A run that taught a saved network with a letters file: what it learned from, before/after. */
  teaching?: TeachingInfo;
  /** Who is writing the record while the run trains; absent once it ended. */
  owner?: RunOwner;
}

export type RunVerdictKind =
  | 'too-short'
  | 'no-validation'
  | 'diverged'
  | 'overfitting'
  | 'underfitting'
  | 'still-improving'
  | 'noisy'
  | 'settled';

/** "What happened", read from the run's curves (src-main/core/runs/verdict.ts). */
export interface RunVerdict {
  kind: RunVerdictKind;
  /** The numbers the sentence uses (accuracies 0..1, epochs 1-based). */
  params: Record<string, number>;
  /** The sentence in both UI languages. */
  text: { en: string; pl: string };
}

/** One folder of <userData>/runs; a broken one is listed with its problem instead of a record. */
export interface RunEntry {
  id: string;
  /** The run's folder. */
  path: string;
  record: RunRecord | null;
  /** Why run.json cannot be used, or null. */
  problem: string | null;
  verdict: RunVerdict | null;
  /** The run's autosaved model folder (model.json present), or null. */
  modelDir: string | null;
}

/** One line of the comparison table. */
export interface RunCompareRow {
  id: string;
  name: string;
  specName: string;
  startedAt: string;
  status: RunStatus;
  params: number;
  /** Epochs finished. */
  epochs: number;
  bestValAcc: number | null;
  bestEpoch: number | null;
  finalValAcc: number | null;
  finalAcc: number | null;
  /** Mean wall time of an epoch (validation included), null without epochs. */
  secondsPerEpoch: number | null;
  backend: BackendName | null;
  dataset: string | null;
}

/** One difference between two specs in plain words (core/spec diffSpecs). */
export interface RunSpecChange {
  key: string;
  params: Record<string, string | number>;
  text: string;
}

/** What changed from one run to the next (runs in the order they were started). */
export interface RunChanges {
  from: string;
  to: string;
  changes: RunSpecChange[];
}

export interface RunComparison {
  /** Oldest run first. */
  rows: RunCompareRow[];
  changes: RunChanges[];
  /** Whether every run learned from the same letters with the same split. */
  sameData: boolean;
}

export interface RunUpdate {
  id: string;
  name?: string;
  starred?: boolean;
  note?: string;
}

export interface RunsInvoke {
  /** Every recorded run, newest first; broken folders after them with their problem. */
  'runs:list': { request: void; response: RunEntry[] };
  /** Renames, stars or annotates a run. */
  'runs:update': { request: RunUpdate; response: RunEntry };
  /** Deletes the run's folder (its record and autosaved model). */
  'runs:delete': { request: { id: string }; response: { id: string } };
  /** Copies the run's autosaved network into the saved networks (e.g. of an interrupted run). */
  'runs:keep-model': { request: { id: string }; response: SavedModelEntry };
  /** Runs side by side (one gives its own table row); texts in `lang`. */
  'runs:compare': {
    request: { ids: string[]; lang: 'en' | 'pl' };
    response: RunComparison;
  };
  /** Whether the guided first run was finished or skipped (settings.tourDone). */
  'runs:tour-state': { request: void; response: { done: boolean } };
  'runs:tour-done': { request: { done: boolean }; response: { done: boolean } };
}

export interface RunsEvents {
  /** A run was recorded, changed or deleted: lists should be fetched again. */
  'runs:changed': { id: string };
}
