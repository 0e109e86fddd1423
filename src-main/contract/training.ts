// What the training loop reports and returns, and what a saved model records about itself.
// Types only; the code is in src-main/core/training and src-main/core/model.
import type { BackendName } from './backend';
import type { CompileSpec, ModelSpec } from './spec';
import type { DatasetSource } from './dataset';

/** One finished epoch, as in Keras's History (plus timing). Epochs are numbered from 1. */
export interface EpochRecord {
  epoch: number;
  /** Mean training loss and accuracy over the epoch's batches (weighted by batch size). */
  loss: number;
  acc: number;
  /** Loss and accuracy on the test split after the epoch; null when the split is empty. */
  valLoss: number | null;
  valAcc: number | null;
  /** Wall time of the epoch including validation. */
  seconds: number;
  /** Training samples per second (validation excluded). */
  samplesPerSecond: number;
}

/** Sent after every batch. */
export interface BatchProgress {
  /** 1-based epoch and batch; `batches` per epoch. */
  epoch: number;
  batch: number;
  batches: number;
  /** Running means over this epoch so far (what Keras's progress bar shows). */
  loss: number;
  acc: number;
  /** This batch alone. */
  batchLoss: number;
  batchAcc: number;
  samplesPerSecond: number;
  /** Estimated seconds until the last requested epoch ends (validation included). */
  secondsLeft: number;
}

export type TrainState = 'training' | 'validating' | 'paused' | 'stopping' | 'stopped' | 'finished';

export interface TrainStatus {
  state: TrainState;
  /** 1-based epoch the state refers to. */
  epoch: number;
  message: string;
}

export interface TrainResult {
  /** The whole history: the records passed in as `history` plus this run's finished epochs. */
  history: EpochRecord[];
  /** True when stopped before the last requested epoch. The model in memory then has the batches
   * of the unfinished epoch too, but the history, valLoss and valAcc are those of the last full
   * epoch: the network a stop keeps is that epoch's autosave (see src-main/trainer/session.ts). */
  stopped: boolean;
  /** Epochs finished in this run (a stopped, partial epoch does not count). */
  epochsRun: number;
  /** Batches trained in this run, including those of a partial epoch. */
  batchesRun: number;
  seconds: number;
  /** Test-split loss and accuracy after the last full epoch (null when the split is empty or no
   * epoch finished). */
  valLoss: number | null;
  valAcc: number | null;
}

/** Where a model's training data came from, to tell whether a saved model matches a dataset. */
export interface DatasetRef {
  /** Content fingerprint of the dataset file (computed by the dataset loader). */
  fingerprint: string;
  /** Seed of the 80/20 train/test split. */
  splitSeed: number;
  /** What the app called the letters ("notMNIST_small.mat", "Sample letters (175 fonts)") and
   * how many trained and tested it; absent in models saved before these were kept. */
  label?: string;
  /** Where they came from; for the bundled sample also how many fonts drew them. */
  source?: DatasetSource;
  fonts?: number;
  fileName?: string;
  train?: number;
  test?: number;
  /** Share held out for testing (absent in models saved before it was recorded). */
  testFraction?: number;
  /**
   * 'sklearn': trained on the notebook's split (scikit-learn's train_test_split) with this seed
   * and share only. 'mixed': trained on more than one split or letters file. Absent: saved
   * before Letter Lab used the notebook's split, so today's test letters were partly its
   * training letters.
   */
  split?: SplitMethod | 'mixed';
}

/** The only split method: scikit-learn's train_test_split with numpy's legacy permutation. */
export type SplitMethod = 'sklearn';

/** meta.json of a saved model: everything but the weights. */
export interface ModelMeta {
  /** Format version of meta.json. */
  version: 1;
  /** The camper's name for the model (shown in lists; the folder name never changes). */
  name: string;
  spec: ModelSpec;
  /** The optimizer settings it was trained with. */
  compile: CompileSpec;
  history: EpochRecord[];
  dataset: DatasetRef | null;
  /** Test-split accuracy of the saved weights, 0..1, or null if never measured. */
  accuracy: number | null;
  /** The backend that trained it. */
  backend: BackendName;
  /** ISO 8601 time of the save. */
  savedAt: string;
  /** Set when the network was taught with a letters file (My letters). */
  teaching?: ModelTeaching;
}

/** What a taught network remembers about its teaching. */
export interface ModelTeaching {
  /** The letters file it learned from. */
  lettersFile: string;
  mode: 'mixed' | 'only';
  share: number;
}

/** One entry of a models folder listing; broken folders are listed with their problem. */
export interface SavedModelEntry {
  /** Folder name (stable id). */
  id: string;
  path: string;
  meta: ModelMeta | null;
  /** Why the folder cannot be loaded, or null when it looks complete. */
  problem: string | null;
}
