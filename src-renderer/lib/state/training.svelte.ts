// The training run main owns, as the renderer sees it: status, history, the per-batch curve.
// The shell reads `training.active` (closing the app during training asks first).
import type { BackendName } from '../../../src-main/contract/backend';
import type { ModelSpec } from '../../../src-main/contract/spec';
import type { TeachingInfo } from '../../../src-main/contract/letters';
import type { BatchProgress, EpochRecord } from '../../../src-main/contract/training';
import type {
  TrainingState as Snapshot,
  StopPoint,
  TrainingStatus,
} from '../../../src-main/contract/training-api';
import type { RunDataset } from '../../../src-main/contract/runs';
import type { ApiClient } from '../api/client';
import { appendBatches, type CurvePoint } from '../../features/training/curve';
import { isActive } from '../../features/training/run-status';
import { mergeReply } from '../../features/training/snapshot';

/** Live batches are applied at most this often (the charts redraw at ~7 fps, not per batch). */
export const BATCH_FLUSH_MS = 150;

export type TrainingAction = 'start' | 'stop' | 'pause' | 'resume' | 'more' | 'reopen';

export class TrainingState {
  readonly #api: ApiClient;

  constructor(api: ApiClient) {
    this.#api = api;
  }

  runId = $state<string | null>(null);
  status = $state<TrainingStatus>('idle');
  spec = $state.raw<ModelSpec | null>(null);
  targetEpochs = $state(0);
  history = $state.raw<EpochRecord[]>([]);
  batchCurve = $state.raw<CurvePoint[]>([]);
  lastBatch = $state.raw<BatchProgress | null>(null);
  backend = $state<BackendName | null>(null);
  message = $state<string | null>(null);
  savedEpoch = $state(0);
  /** The letters (file and split) the run learns from; "train more" needs them open. */
  dataset = $state.raw<RunDataset | null>(null);
  /** Where a stop came in the middle of an epoch (that epoch is not kept), or null. */
  stoppedAt = $state.raw<StopPoint | null>(null);
  /** The host's state change this state shows (see TrainingState.seq). */
  seq = 0;
  /** A run teaching a saved network with letters (My letters), or null. */
  teaching = $state.raw<TeachingInfo | null>(null);
  /** False until main answered once. */
  loaded = $state(false);
  /** The request in flight; its button waits. */
  pending = $state<TrainingAction | null>(null);
  /** Why the last request was refused (main's message), until dismissed or the next request. */
  error = $state<string | null>(null);

  #started = false;
  #queued: BatchProgress[] = [];
  #flushTimer: ReturnType<typeof setTimeout> | undefined;

  /** A run is going: starting, running, paused or stopping. */
  get active(): boolean {
    return isActive(this.status);
  }

  /** Subscribes to main's events and asks for the current run (a reload shows it again). */
  start(): void {
    if (this.#started) {
      void this.refresh();
      return;
    }
    this.#started = true;
    const client = this.#api;
    client.on('training:state', (snapshot) => {
      // Batches queued before this snapshot are in it already.
      this.#queued = [];
      this.#apply(snapshot);
    });
    client.on('training:batch', ({ runId, progress }) => {
      if (runId !== this.runId) return;
      this.#queued.push(progress);
      this.#flushTimer ??= setTimeout(() => this.#flush(), BATCH_FLUSH_MS);
    });
    client.on('training:epoch', ({ runId, record }) => {
      if (runId !== this.runId) return;
      this.#flush();
      const last = this.history.at(-1);
      if (!last || record.epoch > last.epoch) this.history = [...this.history, record];
    });
    // Browser mode: leaving the page during training asks first. The desktop app asks in main
    // (a renderer beforeunload would cancel the window close without a word).
    if (typeof window !== 'undefined' && !window.api) {
      window.addEventListener('beforeunload', (event) => {
        if (!this.active) return;
        event.preventDefault();
        event.returnValue = '';
      });
    }
    void this.refresh();
  }

  async refresh(): Promise<void> {
    try {
      this.#reply(await this.#api.invoke('training:state'));
      this.loaded = true;
    } catch (err) {
      this.error = messageOf(err);
    }
  }

  train(spec: ModelSpec): Promise<void> {
    return this.#request('start', () => this.#api.invoke('training:start', { spec }));
  }
  stop(): Promise<void> {
    return this.#request('stop', () => this.#api.invoke('training:stop'));
  }
  pause(): Promise<void> {
    return this.#request('pause', () => this.#api.invoke('training:pause'));
  }
  resume(): Promise<void> {
    return this.#request('resume', () => this.#api.invoke('training:resume'));
  }
  more(epochs: number): Promise<void> {
    return this.#request('more', () => this.#api.invoke('training:more', { epochs }));
  }

  /** Opens the run's own letters again (file and split), so "train more" can go on. */
  async reopenLetters(): Promise<void> {
    this.pending = 'reopen';
    this.error = null;
    try {
      await this.#api.invoke('training:reopen-letters');
    } catch (err) {
      this.error = messageOf(err);
    } finally {
      this.pending = null;
    }
  }

  dismissError(): void {
    this.error = null;
  }

  async #request(action: TrainingAction, send: () => Promise<Snapshot>): Promise<void> {
    this.pending = action;
    this.error = null;
    try {
      this.#reply(await send());
    } catch (err) {
      this.error = messageOf(err);
    } finally {
      this.pending = null;
    }
  }

  #snapshot(): Snapshot {
    return {
      runId: this.runId,
      status: this.status,
      spec: this.spec,
      targetEpochs: this.targetEpochs,
      history: this.history,
      batchCurve: this.batchCurve,
      lastBatch: this.lastBatch,
      backend: this.backend,
      message: this.message,
      savedEpoch: this.savedEpoch,
      seq: this.seq,
      dataset: this.dataset,
      stoppedAt: this.stoppedAt,
      teaching: this.teaching,
    };
  }

  #reply(snapshot: Snapshot): void {
    this.#flush();
    this.#apply(mergeReply(this.#snapshot(), snapshot));
  }

  #apply(s: Snapshot): void {
    this.runId = s.runId;
    this.status = s.status;
    this.spec = s.spec;
    this.targetEpochs = s.targetEpochs;
    this.history = s.history;
    this.batchCurve = s.batchCurve;
    this.lastBatch = s.lastBatch;
    this.backend = s.backend;
    this.message = s.message;
    this.savedEpoch = s.savedEpoch;
    this.seq = s.seq;
    this.dataset = s.dataset;
    this.stoppedAt = s.stoppedAt;
    this.teaching = s.teaching ?? null;
    this.loaded = true;
  }

  #flush(): void {
    clearTimeout(this.#flushTimer);
    this.#flushTimer = undefined;
    if (this.#queued.length === 0) return;
    const queued = this.#queued;
    this.#queued = [];
    this.batchCurve = appendBatches(this.batchCurve, queued);
    this.lastBatch = queued.at(-1) ?? this.lastBatch;
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
