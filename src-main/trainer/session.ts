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
import { startTeaching } from './teach';

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
      const withFonts = message.teach?.withFonts ?? true;
      const fonts = withFonts
        ? await loadDataset(message.datasetPath, {
            seed: message.splitSeed,
            testFraction: message.testFraction,
            onProgress: (fraction, stage) => send({ type: 'loading', runId, stage, fraction }),
          })
        : null;
      if (fonts) {
        send({
          type: 'loaded',
          runId,
          dataset: {
            fileName: fonts.info.fileName,
            fingerprint: fonts.info.fingerprint,
            train: fonts.set.train.length,
            test: fonts.set.test.length,
          },
        });
      }
      const tensorsBefore = tf.memory().numTensors;
      const resumed = message.resumeFrom ? await loadModel(message.resumeFrom) : null;
      const model = resumed ? resumed.model : buildModel(message.spec, { seed: message.seed });
      // A network that already learned from other letters or another split stays marked so (a
      // teaching run starts from a saved network: it is compared with what that learned from).
      const before =
        resumed && (message.history.length > 0 || message.teach) ? resumed.meta.dataset : undefined;
      const dataset = fonts
        ? datasetRef(
            {
              fingerprint: fonts.info.fingerprint,
              seed: message.splitSeed,
              testFraction: fonts.set.testFraction,
            },
            before,
          )
        : (resumed?.meta.dataset ?? null);
      if (!message.resumeFrom) compileModel(model, message.spec.compile);
      const teaching = await startTeaching(message, fonts, model, send);
      const set = teaching?.data.set ?? (fonts as NonNullable<typeof fonts>).set;
      control.onPauseChange((paused) => send({ type: paused ? 'paused' : 'resumed', runId }));
      const meta = (
        history: ModelMeta['history'],
        fontsAccuracy: number | null = null,
      ): ModelMeta => ({
        version: 1,
        name: message.spec.name,
        spec: message.spec,
        compile: message.spec.compile,
        history,
        // The letters the run learned from, named as the app shows them (file name and counts;
        // the fingerprint stays for the checks). A teaching run without font letters keeps the
        // saved network's own.
        dataset:
          dataset && fonts
            ? {
                ...dataset,
                label: message.datasetName?.label ?? fonts.info.fileName,
                ...(message.datasetName
                  ? {
                      source: message.datasetName.source,
                      ...(message.datasetName.fonts === undefined
                        ? {}
                        : { fonts: message.datasetName.fonts }),
                    }
                  : {}),
                fileName: fonts.info.fileName,
                train: fonts.set.train.length,
                test: fonts.set.test.length,
              }
            : dataset,
        // A teaching run checks its epochs on the held-back letters, not on the test split: its
        // test accuracy is measured on the font letters' test part.
        accuracy: teaching ? fontsAccuracy : (history.at(-1)?.valAcc ?? null),
        backend: backend.name,
        savedAt: new Date().toISOString(),
        ...(teaching ? { teaching: teaching.meta } : {}),
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
          ...(teaching?.data.epochOrder ? { epochOrder: teaching.data.epochOrder } : {}),
        },
        {
          onBatchEnd: (progress) => send({ type: 'batch', runId, progress }),
          onEpochEnd: async (record) => {
            history.push(record);
            send({ type: 'epoch', runId, record });
            const fontsAccuracy = teaching ? await teaching.fontsAccuracy(model) : null;
            await saveModel(message.saveDir, model, meta(history, fontsAccuracy));
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
      // as it is, the unfinished epoch's batches are not saved. A teaching run measures that kept
      // network "after" (none when it stopped before its first epoch: nothing was kept).
      if (teaching) {
        const finishedHere = result.history.length > message.history.length;
        if (!result.stopped) await teaching.finish(model);
        else if (finishedHere) {
          const kept = await loadModel(message.saveDir);
          try {
            await teaching.finish(kept.model);
          } finally {
            const keptOptimizer = kept.model.optimizer;
            kept.model.dispose();
            keptOptimizer?.dispose();
          }
        }
      }
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
