import path from 'node:path';
import type {
  BatchProgress,
  EpochRecord,
  FromTrainer,
  StopPoint,
  TrainingState,
  TrainingStatus,
} from '../contract/training-api';
import type { DatasetSource } from '../contract/dataset';
import type { ModelSpec } from '../contract/spec';
import type { TeachingInfo } from '../contract/letters';
import { validateSpec } from '../core/spec';
import { LetterLabError } from '../core/errors';
import { newRunId } from '../core/runs';
import type { HostContext } from './context';
import type { TrainerConnection } from './trainer-connection';
import { runDatasetOf, sameRunLetters } from './run-letters';

/** At most this many points of the per-batch curve are kept and sent. */
const MAX_CURVE_POINTS = 4000;
const ACTIVE: TrainingStatus[] = ['starting', 'running', 'paused', 'stopping'];

function idleState(): TrainingState {
  return {
    runId: null,
    status: 'idle',
    spec: null,
    targetEpochs: 0,
    history: [],
    batchCurve: [],
    lastBatch: null,
    backend: null,
    message: null,
    savedEpoch: 0,
    seq: 0,
    dataset: null,
    stoppedAt: null,
  };
}

/** Where the run's letters are, to open them again for "train more". */
export interface RunLetters {
  path: string;
  source: DatasetSource;
  label: string;
  fonts?: number;
}

/**
 * Appends a batch's point: the running mean of the epoch so far, weighted by batch size (what
 * Keras's progress bar shows), so a small last batch does not spike the curve. Keeps every other
 * point once the curve is full, so long runs stay light.
 */
function appendCurve(curve: [number, number, number][], progress: BatchProgress): void {
  const global = (progress.epoch - 1) * progress.batches + progress.batch;
  curve.push([global, progress.loss, progress.acc]);
  if (curve.length > MAX_CURVE_POINTS) {
    const kept = curve.filter((_, i) => i % 2 === 0);
    curve.length = 0;
    curve.push(...kept);
  }
}

/** Where the run stopped, when batches of an unfinished epoch had run. */
function stopPoint(last: BatchProgress | null, keptEpochs: number): StopPoint | null {
  if (!last || last.epoch <= keptEpochs) return null;
  return { epoch: last.epoch, batch: last.batch, batches: last.batches };
}

/**
 * main's owner of training: one run at a time in its own process, its live state for the UI, and
 * what happens when that process dies.
 */
export class TrainingManager {
  private state: TrainingState = idleState();
  private trainer: TrainerConnection | null = null;
  private stopRequested = false;
  private letters: RunLetters | null = null;
  /** The number of the last state change (TrainingState.seq); it never goes back, not even
   * across runs. */
  private seq = 0;
  /** Called when a run ends (finished, stopped, failed or crashed), for the lab notebook. */
  onRunEnded: ((state: TrainingState) => void) | null = null;

  constructor(private readonly ctx: HostContext) {}

  snapshot(): TrainingState {
    return structuredClone(this.state);
  }

  /** What identifies the current run's saved weights, without copying the whole state. */
  savedKey(): { runId: string; savedEpoch: number; epochs: number } | null {
    const { runId, savedEpoch, history } = this.state;
    return runId && savedEpoch > 0 ? { runId, savedEpoch, epochs: history.length } : null;
  }

  get active(): boolean {
    return ACTIVE.includes(this.state.status);
  }

  /** The file the current run learned from (null before the first run). */
  runLetters(): RunLetters | null {
    return this.letters ? { ...this.letters } : null;
  }

  /** Folder of the current run's autosaved model. */
  modelDir(runId: string | null = this.state.runId): string | null {
    return runId ? path.join(this.ctx.paths.userData, 'runs', runId, 'model') : null;
  }

  start(spec: ModelSpec, seed = 42): TrainingState {
    this.checkCanStart();
    const errors = validateSpec(spec).filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      const where = errors[0].layer === null ? '' : ` (block ${errors[0].layer + 1})`;
      throw new LetterLabError(
        'spec.invalid',
        `This network cannot be trained yet${where}: ${errors[0].message}`,
      );
    }
    const runId = newRunId();
    this.state = {
      ...idleState(),
      seq: this.seq,
      runId,
      status: 'starting',
      spec,
      targetEpochs: spec.compile.epochs,
      dataset: this.keepRunLetters(),
    };
    this.launch(seed, null, spec.compile.epochs);
    return this.snapshot();
  }

  /**
   * A new run that starts from the saved network in `resumeFrom` and learns from a letters file
   * (My letters): `runId` comes from newRunId(), its folder may already hold the letters' copy.
   */
  teach(run: {
    runId: string;
    spec: ModelSpec;
    resumeFrom: string;
    epochs: number;
    teaching: TeachingInfo;
  }): TrainingState {
    this.checkCanStart();
    this.state = {
      ...idleState(),
      seq: this.seq,
      runId: run.runId,
      status: 'starting',
      spec: run.spec,
      targetEpochs: run.epochs,
      dataset: this.keepRunLetters(),
      teaching: run.teaching,
    };
    this.launch(42, run.resumeFrom, run.epochs);
    return this.snapshot();
  }

  more(epochs: number): TrainingState {
    this.checkCanStart();
    const { runId, spec, history, savedEpoch } = this.state;
    if (!runId || !spec || savedEpoch === 0) {
      throw new LetterLabError(
        'training.bad-options',
        'There is no trained network to continue: train one first.',
      );
    }
    this.checkSameLetters();
    const done = history.length;
    // Batches of an unfinished epoch (a stop) are trained again from that epoch's start: drop
    // their curve points, or the curve would run backwards.
    const perEpoch = this.state.lastBatch?.batches ?? 0;
    this.state = {
      ...this.state,
      status: 'starting',
      targetEpochs: done + epochs,
      message: null,
      stoppedAt: null,
      history: history.slice(0, done),
      batchCurve: this.state.batchCurve.filter(([global]) => global <= done * perEpoch),
    };
    this.launch(42 + done, this.modelDir(), done + epochs);
    return this.snapshot();
  }

  stop(): TrainingState {
    if (this.active && this.state.runId) {
      this.stopRequested = true;
      this.trainer?.send({ type: 'stop', runId: this.state.runId });
      this.setStatus('stopping');
    }
    return this.snapshot();
  }

  pause(): TrainingState {
    if (this.state.status === 'running' && this.state.runId) {
      this.trainer?.send({ type: 'pause', runId: this.state.runId });
    }
    return this.snapshot();
  }

  resume(): TrainingState {
    if (this.state.status === 'paused' && this.state.runId) {
      this.trainer?.send({ type: 'resume', runId: this.state.runId });
    }
    return this.snapshot();
  }

  /** Ends the training process at once (app shutdown). */
  dispose(): void {
    this.trainer?.kill();
    this.trainer = null;
  }

  private checkCanStart(): void {
    if (this.active) {
      throw new LetterLabError(
        'training.busy',
        'A network is training already: stop it first or wait until it finishes.',
      );
    }
    if (!this.ctx.session.dataset) {
      throw new LetterLabError(
        'training.no-dataset',
        'Open some letters first (the Letters tab): there is nothing to train on.',
      );
    }
  }

  /** Remembers where the letters open now are (to reopen them for "train more") and gives what
   * the new run keeps about them. */
  private keepRunLetters(): TrainingState['dataset'] {
    const open = this.ctx.session.dataset;
    this.letters = open
      ? {
          path: open.path,
          source: open.info.source,
          label: open.info.label,
          ...(open.info.fonts === undefined ? {} : { fonts: open.info.fonts }),
        }
      : null;
    return open ? runDatasetOf(open.info) : null;
  }

  /** A run only ever trains and validates on the letters (and split) it started with. */
  private checkSameLetters(): void {
    const run = this.state.dataset;
    const open = this.ctx.session.dataset?.info;
    if (!run || !open || sameRunLetters(run, open)) return;
    const sameFile = run.fingerprint === open.fingerprint;
    throw new LetterLabError(
      'training.other-letters',
      sameFile
        ? `This run learned from ${run.label} split with seed ${run.splitSeed} and ${Math.round(run.testFraction * 100)}% test letters, but the split was changed since. ` +
            'A run only ever learns from its own letters: reopen them with the run’s split, or start a new run.'
        : `This run learned from ${run.label}, but ${open.label} is open now. ` +
            'A run only ever learns from its own letters: reopen them, or start a new run on the letters open now.',
    );
  }

  private launch(seed: number, resumeFrom: string | null, epochs: number): void {
    const dataset = this.ctx.session.dataset;
    const { runId, spec } = this.state;
    if (!dataset || !runId || !spec) return;
    this.stopRequested = false;
    const trainer = this.ctx.platform.forkTrainer();
    this.trainer = trainer;
    trainer.onMessage((message) => this.handle(message));
    trainer.onExit(({ code, signal }) => this.exited(trainer, code, signal));
    trainer.send({
      type: 'start',
      runId,
      datasetPath: dataset.path,
      datasetName: {
        label: dataset.info.label,
        source: dataset.info.source,
        ...(dataset.info.fonts === undefined ? {} : { fonts: dataset.info.fonts }),
      },
      splitSeed: dataset.info.split.seed,
      testFraction: dataset.info.split.testFraction,
      spec,
      seed,
      resumeFrom,
      initialEpoch: this.state.history.length,
      epochs,
      saveDir: this.modelDir(runId) as string,
      history: this.state.history,
      ...(this.state.teaching ? { teach: this.state.teaching.plan } : {}),
    });
    this.emitState();
  }

  private handle(message: FromTrainer): void {
    if (message.type === 'ready') {
      this.state.backend = message.backend.name;
      this.emitState();
      return;
    }
    if (message.type === 'estimated' || message.type === 'estimate-failed') return;
    if (message.runId !== this.state.runId) return;
    // A stop that reached the process before its run began (backend still starting) was dropped
    // there: repeat it once the run reports in.
    if (this.stopRequested && (message.type === 'loading' || message.type === 'batch')) {
      this.trainer?.send({ type: 'stop', runId: message.runId });
    }
    switch (message.type) {
      case 'loading':
        break;
      case 'batch':
        if (this.state.status === 'starting') this.setStatus('running');
        this.state.lastBatch = message.progress;
        appendCurve(this.state.batchCurve, message.progress);
        this.ctx.events.emit('training:batch', {
          runId: message.runId,
          progress: message.progress,
        });
        break;
      case 'epoch':
        this.state.history.push(message.record as EpochRecord);
        this.ctx.events.emit('training:epoch', { runId: message.runId, record: message.record });
        break;
      case 'saved':
        this.state.savedEpoch = message.epoch;
        this.emitState();
        break;
      case 'teach':
        if (this.state.teaching) {
          const { phase, measure, letters, fonts } = message;
          const earlier = this.state.teaching.before;
          const before = phase === 'before' ? (earlier ?? measure) : earlier;
          const after = phase === 'after' ? measure : this.state.teaching.after;
          this.state.teaching = { ...this.state.teaching, letters, fonts, before, after };
          this.emitState();
        }
        break;
      case 'paused':
        this.setStatus('paused');
        break;
      case 'resumed':
        this.setStatus('running');
        break;
      case 'done':
        this.state.history = message.history;
        if (message.stopped) this.keepLastFullEpoch();
        this.finish(message.stopped ? 'stopped' : 'finished', null);
        break;
      case 'error':
        this.finish('failed', message.error.message);
        break;
    }
  }

  /**
   * A stop in the middle of an epoch keeps the network as it was after the last full epoch (its
   * autosave; the training process does not save the unfinished one): the curve drops the
   * unfinished epoch's batches and the state says where the stop came.
   */
  private keepLastFullEpoch(): void {
    const kept = this.state.history.at(-1)?.epoch ?? 0;
    const last = this.state.lastBatch;
    this.state.stoppedAt = stopPoint(last, kept);
    if (last) {
      this.state.batchCurve = this.state.batchCurve.filter(
        ([global]) => global <= kept * last.batches,
      );
    }
  }

  private exited(trainer: TrainerConnection, code: number | null, signal: string | null): void {
    if (this.trainer !== trainer) return;
    this.trainer = null;
    if (!this.active) return;
    const how = signal ? `was ended (${signal})` : `stopped with code ${code}`;
    const kept =
      this.state.savedEpoch > 0
        ? `The network as it was after epoch ${this.state.savedEpoch} is kept: you can train more epochs or start again.`
        : 'No epoch had finished, so there is nothing to keep: start the training again.';
    this.finish('crashed', `The training process ${how} unexpectedly. ${kept}`);
  }

  private finish(status: TrainingStatus, message: string | null): void {
    this.state.status = status;
    this.state.message = message;
    const trainer = this.trainer;
    this.trainer = null;
    // The process has nothing left to do; end it so it frees its memory.
    setTimeout(() => trainer?.kill(), 200);
    this.emitState();
    this.onRunEnded?.(this.snapshot());
  }

  private setStatus(status: TrainingStatus): void {
    if (this.state.status === status) return;
    if (this.stopRequested && status === 'running') return;
    this.state.status = status;
    this.emitState();
  }

  private emitState(): void {
    this.state.seq = ++this.seq;
    this.ctx.events.emit('training:state', this.snapshot());
  }
}
