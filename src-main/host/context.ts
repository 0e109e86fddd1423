import type { BackendInfo } from '../contract/backend';
import type { HostMode } from '../contract/app';
import type { EventHub } from './events';
import type { TrainerConnection, TrainerPurpose } from './trainer-connection';
import type { SettingsStore } from './settings';
import type { TrainingManager } from './training-run';
import type { ModelCache } from './model-cache';
import type { DatasetInfo } from '../contract/dataset';
import type { SplitImageSet } from '../core/dataset/types';

/** What differs between Electron and the browser-mode server; everything else is shared. */
export interface Platform {
  mode: HostMode;
  /** A native "open file" dialog; absent where the renderer picks files itself (browser mode). */
  chooseFile?: (options: { title: string; extensions: string[] }) => Promise<string | null>;
  /** A native "choose folder" dialog; absent in browser mode. */
  chooseFolder?: (options: { title: string }) => Promise<string | null>;
  /**
   * Starts a training process: Electron's utilityProcess, or a Node child process; `purpose` is
   * 'estimate' for the builder's short time measurements.
   */
  forkTrainer: (purpose?: TrainerPurpose) => TrainerConnection;
}

export interface AppPaths {
  /** The user's data folder: settings, saved models, runs. */
  userData: string;
  /** The app's bundled resources (sample set, fonts, icons). */
  resources: string;
}

export interface HostContext {
  platform: Platform;
  paths: AppPaths;
  events: EventHub;
  version: string;
  backend: BackendInfo;
  /** A dataset path given on the command line or in NOTMNIST_MAT. */
  initialDatasetPath: string | null;
  settings: SettingsStore;
  /** What this host has open right now; features share it. */
  session: Session;
}

export interface OpenDataset {
  /** The file on disk (uploads are stored in the user's data folder first). */
  path: string;
  info: DatasetInfo;
  set: SplitImageSet;
}

export interface Session {
  dataset: OpenDataset | null;
  training: TrainingManager | null;
  models: ModelCache | null;
}
