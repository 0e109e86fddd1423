// The training loop, tfjs-examples style: per-epoch seeded shuffle of the train indices, batches
// gathered from the typed arrays, one optimizer step per batch (training mode: dropout and batch
// norm train; the gradients of a batch are spread over worker threads on WebAssembly, see
// ./parallel), validation on the test split after every epoch, reporting after every batch,
// stop/pause between batches. Continue a run with `initialEpoch` and `history`: same weights, same
// shuffles. The same seed, weights and thread count give the same run on the same backend.

import type * as tfl from '@tensorflow/tfjs-layers';
import type { BatchProgress, EpochRecord, TrainResult, TrainStatus } from '../../contract/training';
import type { SplitImageSet } from '../dataset/types';
import { LetterLabError } from '../errors';
import { mixSeed, shuffled } from './batches';
import type { TrainControl } from './control';
import { createStepper, trainingThreads } from './create-stepper';
import { EVAL_BATCH, evaluate } from './evaluate';
import { LocalStepper, type StepResult, type Stepper } from './stepper';

export interface TrainOptions {
  /** Keras's fit(epochs=...): the epoch count to reach, counting earlier runs (not "how many more"). */
  epochs: number;
  batchSize: number;
  /** Seeds the shuffles and dropout masks: the same seed and weights give the same run. */
  seed: number;
  /** Epochs already done (Keras's initial_epoch); defaults to history.length or 0. */
  initialEpoch?: number;
  /** Records of earlier runs of this model, kept at the front of the returned history. */
  history?: EpochRecord[];
  /**
   * Threads that share every batch (data parallel, one worker thread each); 1 trains in the
   * calling thread. Default: one per core on WebAssembly and cpu for models with at least
   * PARALLEL_MIN_MACS multiply-adds per image, else 1 (LETTER_LAB_TRAIN_THREADS overrides it);
   * always 1 on native TensorFlow, which threads its own kernels.
   */
  threads?: number;
  /**
   * The order of the training letters in epoch `epoch` (0-based), instead of a seeded shuffle of
   * `data.train`: always `data.train.length` indices into the set (teaching mixes letters into
   * every batch this way, see core/letters/teach.ts).
   */
  epochOrder?: (epoch: number) => Uint32Array;
}

export interface TrainReporter {
  onBatchEnd?(progress: BatchProgress): void;
  /** Awaited: the loop waits for it (e.g. an autosave) before the next epoch. */
  onEpochEnd?(record: EpochRecord): void | Promise<void>;
  onStatus?(status: TrainStatus): void;
  /** The threads the batches run on: once at the start, and again if that changes (a worker
   * thread failed and the run went on in the calling thread). */
  onThreads?(threads: number): void;
}

function checkOptions(
  data: SplitImageSet,
  model: tfl.LayersModel,
  opts: TrainOptions,
  initialEpoch: number,
  threads: number,
): void {
  const bad = (what: string): never => {
    throw new LetterLabError('training.bad-options', what);
  };
  if (!Number.isInteger(opts.batchSize) || opts.batchSize < 1)
    bad(`Batch size must be a whole number >= 1, got ${opts.batchSize}.`);
  if (!Number.isInteger(opts.epochs) || opts.epochs < 1)
    bad(`Epochs must be a whole number >= 1, got ${opts.epochs}.`);
  if (!Number.isInteger(initialEpoch) || initialEpoch < 0)
    bad(`initialEpoch must be a whole number >= 0, got ${initialEpoch}.`);
  if (opts.epochs <= initialEpoch)
    bad(
      `Nothing to train: the model already has ${initialEpoch} epochs and ${opts.epochs} were asked for.`,
    );
  if (!Number.isFinite(opts.seed)) bad(`The seed must be a number, got ${opts.seed}.`);
  if (!Number.isInteger(threads) || threads < 1)
    bad(`Threads must be a whole number >= 1, got ${threads}.`);
  if (!model.optimizer) bad('The model has no optimizer: compile it before training.');
  if (data.train.length === 0) bad('The training split is empty.');
  const [, h, w, c] = model.inputs[0].shape;
  if (h !== data.height || w !== data.width || c !== 1) {
    bad(
      `The model expects ${h}x${w}x${c} images but the dataset has ${data.height}x${data.width}x1.`,
    );
  }
  const classes = model.outputs[0].shape[1];
  if (classes !== data.classes)
    bad(`The model outputs ${classes} classes but the dataset has ${data.classes}.`);
}

const now = (): number => performance.now() / 1000;

/** Trains `model` (compiled) on data.train, validating on data.test after every epoch. */
export async function train(
  data: SplitImageSet,
  model: tfl.LayersModel,
  opts: TrainOptions,
  reporter: TrainReporter = {},
  control?: TrainControl,
): Promise<TrainResult> {
  const history = [...(opts.history ?? [])];
  const initialEpoch = opts.initialEpoch ?? history.length;
  const threads = trainingThreads(opts.threads, model);
  checkOptions(data, model, opts, initialEpoch, threads);
  const status = (state: TrainStatus['state'], epoch: number, message: string): void =>
    reporter.onStatus?.({ state, epoch, message });
  const unsubscribe = control?.onPauseChange((paused) =>
    status(
      paused ? 'paused' : 'training',
      currentEpoch,
      paused ? 'Training paused.' : 'Training resumed.',
    ),
  );
  const batches = Math.ceil(data.train.length / opts.batchSize);
  const totalBatches = (opts.epochs - initialEpoch) * batches;
  const runStart = now();
  let currentEpoch = initialEpoch + 1;
  let batchesRun = 0;
  let trainSeconds = 0;
  let validationSeconds = 0;
  let stopped = false;
  let stepper: Stepper | null = null;
  let order = data.train;

  try {
    const choice = await createStepper(model, data, threads);
    stepper = choice.stepper;
    if (choice.fallback) status('training', currentEpoch, choice.fallback);
    reporter.onThreads?.(stepper.threads);
    /** One batch; if a worker thread fails, the rest of the run goes on in this thread. */
    const step = async (b: number, e: number, start: number, end: number): Promise<StepResult> => {
      const batch = order.subarray(start, end);
      const seedParts = [opts.seed, e, b];
      const current = stepper as Stepper;
      if (current.threads === 1) return current.step(batch, seedParts);
      try {
        return await current.step(batch, seedParts);
      } catch (err) {
        current.release();
        stepper = new LocalStepper(model, data);
        const reason = err instanceof Error ? err.message : String(err);
        status('training', currentEpoch, `A worker thread failed (${reason}); going on with one.`);
        reporter.onThreads?.(1);
        return stepper.step(batch, seedParts);
      }
    };
    for (let e = initialEpoch; e < opts.epochs && !stopped; e++) {
      currentEpoch = e + 1;
      const on = stepper.threads > 1 ? ` (${stepper.threads} threads)` : '';
      status('training', currentEpoch, `Epoch ${currentEpoch} of ${opts.epochs}${on}.`);
      order = opts.epochOrder ? opts.epochOrder(e) : shuffled(data.train, mixSeed(opts.seed, e));
      if (order.length !== data.train.length) {
        throw new LetterLabError(
          'training.bad-options',
          `Epoch ${e + 1} has ${order.length} training letters, not ${data.train.length}.`,
        );
      }
      const epochStart = now();
      let seen = 0;
      let lossSum = 0;
      let accSum = 0;
      for (let b = 0; b < batches; b++) {
        if (control && (await control.checkpoint()) === 'stop') {
          stopped = true;
          break;
        }
        const start = b * opts.batchSize;
        const end = Math.min(data.train.length, start + opts.batchSize);
        const { loss: batchLoss, acc: batchAcc } = await step(b, e, start, end);
        const n = end - start;
        seen += n;
        lossSum += batchLoss * n;
        accSum += batchAcc * n;
        batchesRun++;
        const elapsed = now() - epochStart;
        const perBatch = (trainSeconds + elapsed) / batchesRun;
        const validationsLeft = opts.epochs - e;
        const perValidation =
          e > initialEpoch ? validationSeconds / (e - initialEpoch) : perBatch * batches * 0.1;
        reporter.onBatchEnd?.({
          epoch: currentEpoch,
          batch: b + 1,
          batches,
          loss: lossSum / seen,
          acc: accSum / seen,
          batchLoss,
          batchAcc,
          samplesPerSecond: seen / Math.max(elapsed, 1e-9),
          secondsLeft: (totalBatches - batchesRun) * perBatch + validationsLeft * perValidation,
        });
      }
      const trainTime = now() - epochStart;
      trainSeconds += trainTime;
      stepper.sync();
      if (stopped) break;
      status('validating', currentEpoch, `Checking epoch ${currentEpoch} on the test images.`);
      const validationStart = now();
      const val = await evaluate(model, data, data.test, EVAL_BATCH, stepper.predict ?? undefined);
      validationSeconds += now() - validationStart;
      const record: EpochRecord = {
        epoch: currentEpoch,
        loss: lossSum / seen,
        acc: accSum / seen,
        valLoss: val?.loss ?? null,
        valAcc: val?.acc ?? null,
        seconds: now() - epochStart,
        samplesPerSecond: seen / Math.max(trainTime, 1e-9),
      };
      history.push(record);
      await reporter.onEpochEnd?.(record);
    }
    if (stopped) {
      // The unfinished epoch's batches are in the weights in memory, but nothing reports on them:
      // the history and the result stay those of the last full epoch, whose autosave is what a
      // stop keeps (the training process keeps it; it does not save the unfinished epoch).
      status(
        'stopped',
        currentEpoch,
        history.length === 0
          ? `Stopped during epoch ${currentEpoch}, before any epoch was finished.`
          : `Stopped during epoch ${currentEpoch}; the network after epoch ${history.length} is the one kept.`,
      );
    } else {
      status('finished', opts.epochs, `Finished ${opts.epochs} epochs.`);
    }
  } finally {
    (stepper as Stepper | null)?.release();
    unsubscribe?.();
  }
  return {
    history,
    stopped,
    epochsRun: history.length - (opts.history?.length ?? 0),
    batchesRun,
    seconds: now() - runStart,
    valLoss: history.at(-1)?.valLoss ?? null,
    valAcc: history.at(-1)?.valAcc ?? null,
  };
}
