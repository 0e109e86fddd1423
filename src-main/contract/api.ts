// The typed API between the renderer and the app's host (Electron main or the browser-mode server).
// Channel names are `domain:verb`. Each feature adds its channels here; handler and client types are
// inferred from these maps, so a wrong payload does not compile.
import type { AppInfo } from './app';
import type { DatasetEvents, DatasetInvoke } from './dataset';
import type { TrainingEvents, TrainingInvoke } from './training-api';
import type { ModelsInvoke } from './models';
import type { PredictInvoke } from './predict';
import type { RunsEvents, RunsInvoke } from './runs';
import type { EvaluationInvoke } from './evaluation';
import type { SettingsInvoke } from './settings';
import type { LettersEvents, LettersInvoke } from './letters';
import type { LessonsEvents, LessonsInvoke } from './lessons';

interface AppInvoke {
  'app:info': { request: void; response: AppInfo };
}

interface AppEvents {
  /** The host finished starting and can take requests. */
  'app:ready': { at: string };
}

export interface InvokeMap
  extends
    AppInvoke,
    DatasetInvoke,
    TrainingInvoke,
    ModelsInvoke,
    PredictInvoke,
    RunsInvoke,
    EvaluationInvoke,
    SettingsInvoke,
    LettersInvoke,
    LessonsInvoke {}

export interface EventMap
  extends AppEvents, DatasetEvents, TrainingEvents, RunsEvents, LettersEvents, LessonsEvents {}

export type Channel = keyof InvokeMap;
export type EventName = keyof EventMap;
export type RequestOf<C extends Channel> = InvokeMap[C]['request'];
export type ResponseOf<C extends Channel> = InvokeMap[C]['response'];

/** What the preload exposes as `window.api`, and what the browser-mode client implements. */
export interface HostBridge {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
