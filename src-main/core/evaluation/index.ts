// Evaluation on the test split: predict every test letter, then count.
import type * as tfl from '@tensorflow/tfjs-layers';
import type { EvaluationNumbers } from '../../contract/evaluation';
import type { SplitImageSet } from '../dataset/types';
import { predictSplit, type PredictOptions, type SplitPredictions } from './predict';
import { summarizePredictions } from './summary';

export { predictSplit, checkModelFits, PREDICT_BATCH } from './predict';
export type { SplitPredictions, PredictOptions } from './predict';
export { summarizePredictions, confusionMatrix } from './summary';
export { cellMembers, confidentMistakes } from './select';

export interface TestEvaluation extends EvaluationNumbers {
  predictions: SplitPredictions;
  seconds: number;
}

/** Predicts the whole test split of `set` and counts: accuracy, per class, confusion matrix. */
export async function evaluateTestSplit(
  model: tfl.LayersModel,
  set: SplitImageSet,
  opts: PredictOptions = {},
): Promise<TestEvaluation> {
  const started = performance.now();
  const predictions = await predictSplit(model, set, set.test, opts);
  const numbers = summarizePredictions(predictions, set.classNames);
  return { ...numbers, predictions, seconds: (performance.now() - started) / 1000 };
}
