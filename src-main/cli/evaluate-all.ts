// `letter-lab evaluate --all`: a saved network on every letter of a letters file (not a split),
// with its accuracy on the letters held back for testing (those teaching never trains on).
import type * as tfl from '@tensorflow/tfjs-layers';
import type { ModelMeta } from '../contract/training';
import { predictSplit, summarizePredictions } from '../core/evaluation';
import { lettersImageSet, readLettersFile } from '../core/letters';
import path from 'node:path';
import { LetterLabError } from '../core/errors';

export interface AllLettersReport {
  file: string;
  accuracy: number;
  count: number;
  correct: number;
  heldBack: { count: number; correct: number; accuracy: number };
  classNames: string[];
  perClass: ReturnType<typeof summarizePredictions>['perClass'];
  confusion: number[][];
  /** The letters file the network was taught with, if it was. */
  taughtWith: string | null;
}

export async function evaluateAllLetters(
  model: tfl.LayersModel,
  meta: ModelMeta,
  file: string,
): Promise<AllLettersReport> {
  const classes = (model.outputs[0]?.shape[1] as number | undefined) ?? meta.spec.classes;
  const letters = await readLettersFile(file, Number.MAX_SAFE_INTEGER);
  if (letters.length === 0) {
    throw new LetterLabError('letters.too-few', `${file} holds no letters to evaluate on.`);
  }
  const { set, heldBack } = lettersImageSet(letters, classes, path.basename(file));
  const all = Uint32Array.from({ length: set.count }, (_, i) => i);
  const predictions = await predictSplit(model, set, all);
  const numbers = summarizePredictions(predictions, set.classNames);
  let count = 0;
  let correct = 0;
  for (let k = 0; k < set.count; k++) {
    if (!heldBack[k]) continue;
    count++;
    if (predictions.predicted[k] === predictions.labels[k]) correct++;
  }
  return {
    file,
    accuracy: numbers.accuracy,
    count: numbers.count,
    correct: numbers.correct,
    heldBack: { count, correct, accuracy: count === 0 ? 0 : correct / count },
    classNames: set.classNames,
    perClass: numbers.perClass,
    confusion: numbers.confusion,
    taughtWith: meta.teaching?.lettersFile ?? null,
  };
}
