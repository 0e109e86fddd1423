// Training: the renderer's channels and events, and the messages between main and the training
// process. Types only.
import type { ApiError } from './errors';
import type { BackendInfo } from './backend';
import type { ModelSpec } from './spec';
import type { BatchProgress, EpochRecord } from './training';
import type { DatasetInfo, DatasetSource } from './dataset';
import type { RunDataset } from './runs';
import type { TeachMeasure, TeachPlan, TeachingInfo } from './letters';

export type { BatchProgress, EpochRecord };

export type TrainingStatus =
  | 'idle'
  | 'starting'
  | 'running'
  | 'paused'
  | 'stopping'
  | 'finished'
  | 'stopped'
  | 'failed'
  | 'crashed';

export interface TrainingState {
  runId: string | null;
  status: TrainingStatus;
  spec: ModelSpec | null;
  /** Planned last epoch (1-based). */
  targetEpochs: number;
  history: EpochRecord[];
  /** The per-batch training curve: [global batch index, loss, acc], where loss and acc are the
   * running means of the epoch so far, weighted by batch size (as Keras's progress bar). */
  batchCurve: [number, number, number][];
  lastBatch: BatchProgress | null;
  backend: BackendInfo['name'] | null;
  /** A plain-language reason for failed/crashed runs. */
  message: string | null;
  /** Epoch of the last autosave, 0 when none. */
  savedEpoch: number;
  /** A run teaching a saved network with a letters file (My letters): what and how it went. */
  teaching?: TeachingInfo | null;
  /** The letters (file and split) the run started with: it only ever trains and validates on
   * them. Null when no run was started. */
  dataset: RunDataset | null;
  /** Counts the host's state changes (every training:state event has a higher one): a reply that
   * arrives after a newer event is known to be older by its lower number. */
  seq: number;
  /** Where a stop came in the middle of an epoch. The batches of that unfinished epoch are not
   * kept: the network stays as it was after its last full epoch (savedEpoch). Null otherwise. */
  stoppedAt: StopPoint | null;
}

/** Epoch `epoch` (1-based) was stopped after `batch` of its `batches` batches. */
export interface StopPoint {
  epoch: number;
  batch: number;
  batches: number;
}

export interface StartTrainingRequest {
  spec: ModelSpec;
  seed?: number;
}

export interface EpochEstimateView {
  secondsPerEpoch: number;
  samplesPerSecond: number;
  trainImages: number;
  backend: BackendInfo['name'];
}

export interface TrainingInvoke {
  /**
   * About how long one epoch of this network takes here, from a short measurement in a separate,
   * short-lived process with a memory cap and a time limit. A newer request cancels an older one.
   */
  'spec:estimate': { request: { spec: ModelSpec }; response: EpochEstimateView };
  /** Cancels the measurement under way, if any (the network was changed again). */
  'spec:estimate-cancel': { request: void; response: { cancelled: boolean } };
  'training:state': { request: void; response: TrainingState };
  'training:start': { request: StartTrainingRequest; response: TrainingState };
  'training:stop': { request: void; response: TrainingState };
  'training:pause': { request: void; response: TrainingState };
  'training:resume': { request: void; response: TrainingState };
  /** Train N more epochs from the current weights and history. Refused with
   * training.other-letters when the letters open now are not the run's own (file or split). */
  'training:more': { request: { epochs: number }; response: TrainingState };
  /** Opens the letters the current run learned from again, with the run's split. */
  'training:reopen-letters': { request: void; response: DatasetInfo };
}

export interface TrainingEvents {
  'training:state': TrainingState;
  'training:batch': { runId: string; progress: BatchProgress };
  'training:epoch': { runId: string; record: EpochRecord };
}

// ---- main <-> training process ----

export interface TrainerStartMessage {
  type: 'start';
  runId: string;
  datasetPath: string;
  /** What the app calls these letters, kept in the saved model; default: the file's name. */
  datasetName?: { label: string; source: DatasetSource; fonts?: number };
  splitSeed: number;
  testFraction: number;
  spec: ModelSpec;
  /** Seed for weights and shuffling. */
  seed: number;
  /** Continue from this model folder (train N more epochs) instead of fresh weights. */
  resumeFrom: string | null;
  initialEpoch: number;
  epochs: number;
  /** Where the model is autosaved after every epoch. */
  saveDir: string;
  history: EpochRecord[];
  /** Teach the network in `resumeFrom` with a letters file instead of training on the split. */
  teach?: TeachPlan;
}

/** Times a few training steps of `spec` (core/model/estimate) in a process of its own. */
export interface TrainerEstimateMessage {
  type: 'estimate';
  id: string;
  spec: ModelSpec;
  split: { train: number; test: number };
  /** The process ends itself when its resident memory grows past this. */
  memoryCapBytes: number;
}

export type ToTrainer =
  | TrainerStartMessage
  | TrainerEstimateMessage
  | { type: 'stop'; runId: string }
  | { type: 'pause'; runId: string }
  | { type: 'resume'; runId: string };

export type FromTrainer =
  | { type: 'ready'; backend: BackendInfo }
  | { type: 'loading'; runId: string; stage: string; fraction: number }
  /** The letters were read: what the lab notebook keeps of them (`letter-lab train` records it). */
  | {
      type: 'loaded';
      runId: string;
      dataset: { fileName: string; fingerprint: string; train: number; test: number };
    }
  | { type: 'batch'; runId: string; progress: BatchProgress }
  | { type: 'epoch'; runId: string; record: EpochRecord }
  /** numTensors: tf.memory().numTensors in the training process right after the save. */
  | { type: 'saved'; runId: string; epoch: number; dir: string; numTensors: number }
  /** A teaching run measured its network: before the first batch and after the last. */
  | {
      type: 'teach';
      runId: string;
      phase: 'before' | 'after';
      measure: TeachMeasure;
      letters: TeachingInfo['letters'];
      fonts: TeachingInfo['fonts'];
    }
  | { type: 'paused'; runId: string }
  | { type: 'resumed'; runId: string }
  | {
      type: 'done';
      runId: string;
      stopped: boolean;
      history: EpochRecord[];
      /** tf.memory().numTensors of the training process before the model was built and after
       * it was disposed: equal numbers mean the run leaked no tensors. */
      numTensors?: { before: number; after: number };
    }
  | { type: 'error'; runId: string | null; error: ApiError }
  | { type: 'estimated'; id: string; secondsPerEpoch: number; samplesPerSecond: number }
  | { type: 'estimate-failed'; id: string; error: ApiError };
