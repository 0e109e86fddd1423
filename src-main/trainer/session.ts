// One training run inside the training process: load the data, build or load the model, train,
// autosave after every epoch, report everything to main.
import * as tf from '@tensorflow/tfjs-core';
import type { BackendInfo } from '../contract/backend';
import type { FromTrainer, TrainerStartMessage } from '../contract/training-api';
import type { ModelMeta } from '../contract/training';
import { loadDataset } from '../core/dataset/load';
import { datasetRef } from '../core/dataset/split';
import { buildModel, compileModel, loadModel, saveModel } from '../core/model';
import { TrainControl, train } from '../core/training';
import { toApiError } from '../core/errors';

export interface RunningSession {
  runId: string;
  control: TrainControl;
  done: Promise<void>;
}

/** Starts a run; every outcome, failures included, is reported through `send`. */
export function startSession(
  message: TrainerStartMessage,
  backend: BackendInfo,
  send: (message: FromTrainer) => void,
): RunningSession {
  const control = new TrainControl();
  const { runId } = message;
  const done = (async () => {
    try {
      const { set, info } = await loadDataset(message.datasetPath, {
        seed: message.splitSeed,
        testFraction: message.testFraction,
        onProgress: (fraction, stage) => send({ type: 'loading', runId, stage, fraction }),
      });
      send({
        type: 'loaded',
        runId,
        dataset: {
          fileName: info.fileName,
          fingerprint: info.fingerprint,
          train: set.train.length,
          test: set.test.length,
        },
      });
      const tensorsBefore = tf.memory().numTensors;
      const resumed = message.resumeFrom ? await loadModel(message.resumeFrom) : null;
      const model = resumed ? resumed.model : buildModel(message.spec, { seed: message.seed });
      // A network that already learned from other letters or another split stays marked so.
      const dataset = datasetRef(
        { fingerprint: info.fingerprint, seed: message.splitSeed, testFraction: set.testFraction },
        resumed && message.history.length > 0 ? resumed.meta.dataset : undefined,
      );
      if (!message.resumeFrom) compileModel(model, message.spec.compile);
      control.onPauseChange((paused) => send({ type: paused ? 'paused' : 'resumed', runId }));
      const meta = (history: ModelMeta['history']): ModelMeta => ({
        version: 1,
        name: message.spec.name,
        spec: message.spec,
        compile: message.spec.compile,
        history,
        dataset: {
          ...dataset,
          label: message.datasetName?.label ?? info.fileName,
          ...(message.datasetName
            ? {
                source: message.datasetName.source,
                ...(message.datasetName.fonts === undefined
                  ? {}
                  : { fonts: message.datasetName.fonts }),
              }
            : {}),
          fileName: info.fileName,
          train: set.train.length,
          test: set.test.length,
        },
        accuracy: history.at(-1)?.valAcc ?? null,
        backend: backend.name,
        savedAt: new Date().toISOString(),
      });
      const history = [...message.history];
      const result = await train(
        set,
        model,
        {
          epochs: message.epochs,
          batchSize: message.spec.compile.batchSize,
          seed: message.seed,
          initialEpoch: message.initialEpoch,
          history: message.history,
        },
        {
          onBatchEnd: (progress) => send({ type: 'batch', runId, progress }),
          onEpochEnd: async (record) => {
            history.push(record);
            send({ type: 'epoch', runId, record });
            await saveModel(message.saveDir, model, meta(history));
            send({
              type: 'saved',
              runId,
              epoch: record.epoch,
              dir: message.saveDir,
              numTensors: tf.memory().numTensors,
            });
          },
        },
        control,
      );
      // A stop keeps the network as it was after its last full epoch: that epoch's autosave stays
      // as it is, the unfinished epoch's batches are not saved.
      // The model does not own an optimizer passed in as an object: free Adam's moments too.
      const optimizer = model.optimizer;
      model.dispose();
      optimizer?.dispose();
      send({
        type: 'done',
        runId,
        stopped: result.stopped,
        history: result.history,
        numTensors: { before: tensorsBefore, after: tf.memory().numTensors },
      });
    } catch (err) {
      send({ type: 'error', runId, error: toApiError(err) });
    }
  })();
  return { runId, control, done };
}
