// The builder's "one epoch takes about N seconds": a few real training steps, timed. They never run
// on the host's own thread (the Electron main process, the browser-mode server): each measurement
// gets a short-lived process of its own (the training process's entry, so it has the same backend)
// with a memory cap and a time limit. A newer request, a cancel, or a training start ends the
// measurement under way; nothing is measured while a network trains; and a network that cannot
// fit in the memory an estimate may use is refused up front, from the spec alone.

import os from 'node:os';
import type { ModelSpec } from '../contract/spec';
import type { EpochEstimateView, TrainingState } from '../contract/training-api';
import { LetterLabError } from '../core/errors';
import { trainingMemory, validateSpec } from '../core/spec';
import type { HostContext } from './context';
import type { TrainerConnection } from './trainer-connection';

/** The notebook's split of notMNIST_small, when no letters are open. */
const DEFAULT_SPLIT = { train: 14_979, test: 3_745 };
/** How long the measuring process may take to start (load its backend). */
const START_LIMIT_MS = 60_000;
/** How long the measurement itself may take once the process is ready. */
export const MEASURE_LIMIT_MS = 20_000;
const GIB = 2 ** 30;
const CACHE_SIZE = 50;

/** The most resident memory a measuring process may use: a quarter of the RAM, 1 to 3 GiB. */
export function estimateMemoryCap(totalBytes = os.totalmem()): number {
  return Math.min(3 * GIB, Math.max(GIB, Math.floor(totalBytes / 4)));
}

/** "1.4 GB": bytes in gigabytes with one decimal (megabytes below 1 GB). */
function size(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.ceil(bytes / 1e6)} MB`;
}

function tooBig(needed: number, allowed: number, how: 'spec' | 'measured'): LetterLabError {
  const why =
    how === 'spec'
      ? `Training it would need about ${size(needed)} of memory`
      : `While it was being timed it used more than the ${size(allowed)} of memory allowed`;
  return new LetterLabError(
    'spec.too-big',
    `This network is too big to time on this computer. ${why}; Letter Lab lets a time estimate ` +
      `use ${size(allowed)}. Use fewer filters or units, fewer blocks, or a smaller batch.`,
    { needed: size(needed), allowed: size(allowed) },
    how === 'spec' ? 'estimate.tooBig' : 'estimate.tooBigMeasured',
  );
}

function cancelled(): LetterLabError {
  return new LetterLabError(
    'estimate.cancelled',
    'The time estimate was cancelled: the network changed, or a training started.',
  );
}

interface Measurement {
  key: string;
  trainer: TrainerConnection;
  promise: Promise<EpochEstimateView>;
  cancel: () => void;
}

export class EpochEstimator {
  private readonly cache = new Map<string, EpochEstimateView>();
  private current: Measurement | null = null;
  private nextId = 1;
  /** Pids of the measuring processes started (tests check the work left this process). */
  readonly pids: number[] = [];

  constructor(
    private readonly ctx: HostContext,
    private readonly memoryCap = estimateMemoryCap(),
    private readonly measureLimitMs = MEASURE_LIMIT_MS,
  ) {
    ctx.events.subscribe((event, payload) => {
      if (event === 'training:state' && (payload as TrainingState).status === 'starting') {
        this.cancel();
      }
    });
  }

  /** Ends the measurement under way; true when there was one. */
  cancel(): boolean {
    const current = this.current;
    if (!current) return false;
    current.cancel();
    return true;
  }

  async estimate(spec: ModelSpec): Promise<EpochEstimateView> {
    const error = validateSpec(spec).find((p) => p.severity === 'error');
    if (error) {
      throw new LetterLabError(
        'spec.invalid',
        `This network cannot be timed yet: ${error.message}`,
      );
    }
    if (this.ctx.session.training?.active) {
      throw new LetterLabError(
        'training.busy',
        'No time estimate while a network is training: it would slow both down.',
        {},
        'estimate.busy',
      );
    }
    const needed = trainingMemory(spec).bytes;
    if (needed > this.memoryCap) throw tooBig(needed, this.memoryCap, 'spec');
    const split = this.ctx.session.dataset?.info.split ?? DEFAULT_SPLIT;
    const key = JSON.stringify([
      spec.input,
      spec.layers,
      spec.classes,
      spec.compile,
      split.train,
      split.test,
    ]);
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.current?.key === key) return this.current.promise;
    this.cancel();
    const measurement = this.measure(key, spec, { train: split.train, test: split.test });
    this.current = measurement;
    try {
      const view = await measurement.promise;
      if (this.cache.size >= CACHE_SIZE) this.cache.clear();
      this.cache.set(key, view);
      return view;
    } finally {
      if (this.current === measurement) this.current = null;
    }
  }

  private measure(
    key: string,
    spec: ModelSpec,
    split: { train: number; test: number },
  ): Measurement {
    const id = String(this.nextId++);
    const trainer = this.ctx.platform.forkTrainer('estimate');
    if (trainer.pid !== undefined) this.pids.push(trainer.pid);
    let settle: { resolve: (v: EpochEstimateView) => void; reject: (e: unknown) => void };
    const promise = new Promise<EpochEstimateView>((resolve, reject) => {
      settle = { resolve, reject };
    });
    let done = false;
    let ending: 'cancelled' | 'time' | null = null;
    let timer = setTimeout(() => end('time'), START_LIMIT_MS);
    const finish = (outcome: () => void) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      trainer.kill();
      outcome();
    };
    const end = (why: 'cancelled' | 'time') => {
      ending = why;
      finish(() =>
        settle.reject(
          why === 'cancelled'
            ? cancelled()
            : new LetterLabError(
                'estimate.too-slow',
                `Timing this network did not finish within ${this.measureLimitMs / 1000} seconds, so ` +
                  'one epoch would take a very long time on this computer. Make it smaller: fewer ' +
                  'filters or blocks, or a smaller batch.',
                { seconds: this.measureLimitMs / 1000 },
                'estimate.tooSlow',
              ),
        ),
      );
    };
    trainer.onMessage((message) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        timer = setTimeout(() => end('time'), this.measureLimitMs);
        return;
      }
      if (message.type === 'estimated' && message.id === id) {
        finish(() =>
          settle.resolve({
            secondsPerEpoch: message.secondsPerEpoch,
            samplesPerSecond: message.samplesPerSecond,
            trainImages: split.train,
            backend: this.ctx.backend.name,
          }),
        );
      } else if (message.type === 'estimate-failed' && message.id === id) {
        finish(() => settle.reject(new LetterLabError(message.error.code, message.error.message)));
      } else if (message.type === 'error' && message.runId === null) {
        finish(() => settle.reject(new LetterLabError(message.error.code, message.error.message)));
      }
    });
    trainer.onExit(() => {
      // Ended without an answer and not by us: its memory watchdog (or the system) stopped it.
      if (!done && ending === null) {
        finish(() => settle.reject(tooBig(this.memoryCap, this.memoryCap, 'measured')));
      }
    });
    trainer.send({ type: 'estimate', id, spec, split, memoryCapBytes: this.memoryCap });
    return { key, trainer, promise, cancel: () => end('cancelled') };
  }

  /** Ends any measurement (host shutdown). */
  dispose(): void {
    this.cancel();
  }
}
