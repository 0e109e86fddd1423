// Runs one training in a child process, as the app does (src-main/trainer, the same messages the
// TrainingManager sends and receives), and reports progress through callbacks.

import type { BackendName } from '../contract/backend';
import type {
  BatchProgress,
  EpochRecord,
  FromTrainer,
  TrainerStartMessage,
} from '../contract/training-api';
import { LetterLabError } from '../core/errors';
import { forkNodeTrainer, type TrainerConnection } from '../host/trainer-connection';

export interface RunnerListener {
  onReady?(backend: BackendName): void;
  onLoading?(stage: string, fraction: number): void;
  onBatch?(progress: BatchProgress): void;
  onEpoch?(record: EpochRecord): void;
  /** A teaching run measured its network (before the first batch, after the last). */
  onTeach?(message: Extract<FromTrainer, { type: 'teach' }>): void;
  /** The letters were read (file name, fingerprint, split sizes). */
  onLoaded?(dataset: { fileName: string; fingerprint: string; train: number; test: number }): void;
  /** The model was autosaved after `epoch`. */
  onSaved?(epoch: number): void;
}

export interface RunnerResult {
  backend: BackendName | null;
  history: EpochRecord[];
  stopped: boolean;
  numTensors: { before: number; after: number } | null;
}

export interface TrainerRun {
  done: Promise<RunnerResult>;
  /** Asks the trainer to stop after the current batch (it saves, then reports done). */
  stop(): void;
}

/** Forks the training process, sends `start` and resolves when it reports done. */
export function runTrainer(
  start: TrainerStartMessage,
  listener: RunnerListener = {},
  fork: () => TrainerConnection = forkNodeTrainer,
): TrainerRun {
  const trainer = fork();
  let backend: BackendName | null = null;
  let finished = false;
  const done = new Promise<RunnerResult>((resolve, reject) => {
    const end = (action: () => void) => {
      if (finished) return;
      finished = true;
      trainer.kill();
      action();
    };
    trainer.onMessage((message) => {
      switch (message.type) {
        case 'ready':
          backend = message.backend.name;
          listener.onReady?.(backend);
          break;
        case 'loading':
          listener.onLoading?.(message.stage, message.fraction);
          break;
        case 'batch':
          listener.onBatch?.(message.progress);
          break;
        case 'epoch':
          listener.onEpoch?.(message.record);
          break;
        case 'teach':
          listener.onTeach?.(message);
          break;
        case 'loaded':
          listener.onLoaded?.(message.dataset);
          break;
        case 'saved':
          listener.onSaved?.(message.epoch);
          break;
        case 'done':
          end(() =>
            resolve({
              backend,
              history: message.history,
              stopped: message.stopped,
              numTensors: message.numTensors ?? null,
            }),
          );
          break;
        case 'error':
          end(() => reject(new LetterLabError(message.error.code, message.error.message)));
          break;
        default:
          break;
      }
    });
    trainer.onExit(({ code, signal }) =>
      end(() =>
        reject(
          new Error(
            `the training process ${signal ? `was ended (${signal})` : `stopped with code ${code}`} before it finished`,
          ),
        ),
      ),
    );
  });
  trainer.send(start);
  return { done, stop: () => trainer.send({ type: 'stop', runId: start.runId }) };
}
