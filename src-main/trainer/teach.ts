// A teaching run inside the training process: reads the taught letters, builds what it trains on
// (core/letters/teach), and measures the network before the first batch and after the last.
import type * as tfl from '@tensorflow/tfjs-layers';
import type { TeachMeasure, TeachingInfo } from '../contract/letters';
import type { FromTrainer, TrainerStartMessage } from '../contract/training-api';
import type { ModelTeaching } from '../contract/training';
import type { DatasetInfo, SplitImageSet } from '../core/dataset/types';
import { LetterLabError } from '../core/errors';
import {
  loadTeachingParts,
  measureTeaching,
  teachingData,
  type TeachingData,
} from '../core/letters';
import { basename } from 'node:path';
import { evaluate } from '../core/training/evaluate';

export interface Teaching {
  data: TeachingData;
  /** What the saved network remembers about its teaching. */
  meta: ModelTeaching;
  /** Measures the network after training, reports it and gives it back. */
  finish(model: tfl.LayersModel): Promise<TeachMeasure>;
  /** The network's accuracy on the font letters' test part now (null without font letters). */
  fontsAccuracy(model: tfl.LayersModel): Promise<number | null>;
}

/** The network's input size and classes. */
function networkOf(model: tfl.LayersModel): { height: number; width: number; classes: number } {
  const [, height, width] = model.inputs[0].shape;
  const classes = model.outputs[0].shape[1];
  if (typeof height !== 'number' || typeof width !== 'number' || typeof classes !== 'number') {
    throw new LetterLabError('evaluation.mismatch', 'This network does not read letter pictures.');
  }
  return { height, width, classes };
}

/** Prepares a teaching run and reports the network's accuracy before it learns anything. */
export async function startTeaching(
  message: TrainerStartMessage,
  fonts: { set: SplitImageSet; info: DatasetInfo } | null,
  model: tfl.LayersModel,
  send: (message: FromTrainer) => void,
): Promise<Teaching | null> {
  const plan = message.teach;
  if (!plan) return null;
  const split = { seed: message.splitSeed, testFraction: message.testFraction };
  const parts = await loadTeachingParts(plan, fonts?.set ?? null, networkOf(model), split);
  const data = teachingData(parts, {
    mode: plan.mode,
    share: plan.share,
    batchSize: message.spec.compile.batchSize,
    seed: message.seed,
  });
  const letters: TeachingInfo['letters'] = {
    fileName: plan.lettersLabel,
    train: data.counts.lettersTrain,
    heldBack: data.counts.heldBack,
  };
  const fontsInfo: TeachingInfo['fonts'] =
    fonts && parts.fonts
      ? {
          label: fonts.info.fileName,
          fileName: basename(message.datasetPath),
          train: data.counts.fontsTrain,
          test: data.counts.fontsTest,
        }
      : null;
  const report = async (phase: 'before' | 'after', network: tfl.LayersModel) => {
    const measure = await measureTeaching(network, data);
    send({ type: 'teach', runId: message.runId, phase, measure, letters, fonts: fontsInfo });
    return measure;
  };
  await report('before', model);
  return {
    data,
    meta: { lettersFile: plan.lettersLabel, mode: plan.mode, share: plan.share },
    finish: (network) => report('after', network),
    fontsAccuracy: async (network) =>
      data.fontTest ? ((await evaluate(network, data.set, data.fontTest))?.acc ?? null) : null,
  };
}
