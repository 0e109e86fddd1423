// The training loop, tfjs-examples style: per-epoch seeded shuffle of the train indices, batches
// built from the typed arrays, model.trainOnBatch (training mode: dropout and batch norm train),
// validation on the test split after every epoch, reporting after every batch, stop/pause between
// batches. Continue a run with `initialEpoch` and `history`: same weights, same shuffles.

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { BatchProgress, EpochRecord, TrainResult, TrainStatus } from '../../contract/training';
import type { SplitImageSet } from '../dataset/types';
import { LetterLabError } from '../errors';
import { makeBatch, mixSeed, shuffled } from './batches';
import type { TrainControl } from './control';
import { evaluate } from './evaluate';

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
}

export interface TrainReporter {
  onBatchEnd?(progress: BatchProgress): void;
  /** Awaited: the loop waits for it (e.g. an autosave) before the next epoch. */
  onEpochEnd?(record: EpochRecord): void | Promise<void>;
  onStatus?(status: TrainStatus): void;
}

/** tfjs-layers' Dropout reads `seed` on every call; we set one per batch (a fixed seed would
 * repeat the same mask every batch) and clear it afterwards so it is not saved. */
interface SeedableDropout {
  seed?: number;
}

function dropoutLayers(model: tfl.LayersModel): SeedableDropout[] {
  return model.layers.filter((l) => l.getClassName() === 'Dropout') as unknown as SeedableDropout[];
}

function checkOptions(
  data: SplitImageSet,
  model: tfl.LayersModel,
  opts: TrainOptions,
  initialEpoch: number,
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
  checkOptions(data, model, opts, initialEpoch);
  const status = (state: TrainStatus['state'], epoch: number, message: string): void =>
    reporter.onStatus?.({ state, epoch, message });
  const unsubscribe = control?.onPauseChange((paused) =>
    status(
      paused ? 'paused' : 'training',
      currentEpoch,
      paused ? 'Training paused.' : 'Training resumed.',
    ),
  );
  const dropouts = dropoutLayers(model);
  const batches = Math.ceil(data.train.length / opts.batchSize);
  const totalBatches = (opts.epochs - initialEpoch) * batches;
  const runStart = now();
  let currentEpoch = initialEpoch + 1;
  let batchesRun = 0;
  let trainSeconds = 0;
  let validationSeconds = 0;
  let stopped = false;
  let last: { valLoss: number | null; valAcc: number | null } | null = null;

  try {
    for (let e = initialEpoch; e < opts.epochs && !stopped; e++) {
      currentEpoch = e + 1;
      status('training', currentEpoch, `Epoch ${currentEpoch} of ${opts.epochs}.`);
      const order = shuffled(data.train, mixSeed(opts.seed, e));
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
        const { x, y } = makeBatch(data, order, start, end);
        dropouts.forEach((d, i) => (d.seed = mixSeed(opts.seed, e, b, i)));
        let result: number | number[];
        try {
          result = await model.trainOnBatch(x, y);
        } finally {
          dropouts.forEach((d) => (d.seed = undefined));
          tf.dispose([x, y]);
        }
        const [batchLoss, batchAcc] = result as number[];
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
      if (stopped) break;
      status('validating', currentEpoch, `Checking epoch ${currentEpoch} on the test images.`);
      const validationStart = now();
      const val = await evaluate(model, data, data.test);
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
      last = { valLoss: record.valLoss, valAcc: record.valAcc };
      await reporter.onEpochEnd?.(record);
    }
    if (stopped) {
      status(
        'stopping',
        currentEpoch,
        'Stopping: checking the current weights on the test images.',
      );
      // The weights changed since the last full epoch (if any batch ran): measure them.
      if (last === null || batchesRun > (history.length - (opts.history?.length ?? 0)) * batches) {
        const val = await evaluate(model, data, data.test);
        last = { valLoss: val?.loss ?? null, valAcc: val?.acc ?? null };
      }
      status(
        'stopped',
        currentEpoch,
        `Stopped during epoch ${currentEpoch}; the weights are kept.`,
      );
    } else {
      status('finished', opts.epochs, `Finished ${opts.epochs} epochs.`);
    }
  } finally {
    unsubscribe?.();
  }
  return {
    history,
    stopped,
    epochsRun: history.length - (opts.history?.length ?? 0),
    batchesRun,
    seconds: now() - runStart,
    valLoss: last?.valLoss ?? null,
    valAcc: last?.valAcc ?? null,
  };
}
