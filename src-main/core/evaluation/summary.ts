// Accuracy, per-class accuracy and the confusion matrix from a subset's predictions.

import type { ClassAccuracy, EvaluationNumbers } from '../../contract/evaluation';
import type { SplitPredictions } from './predict';

/** confusion[true][predicted] counts. */
export function confusionMatrix(p: SplitPredictions): number[][] {
  const matrix = Array.from({ length: p.classes }, () => new Array<number>(p.classes).fill(0));
  for (let k = 0; k < p.labels.length; k++) matrix[p.labels[k]][p.predicted[k]]++;
  return matrix;
}

/** Every number of an evaluation; `classNames` label the classes ('A'..'J'). */
export function summarizePredictions(
  p: SplitPredictions,
  classNames: readonly string[],
): EvaluationNumbers {
  const confusion = confusionMatrix(p);
  const perClass: ClassAccuracy[] = confusion.map((row, label) => {
    const count = row.reduce((sum, v) => sum + v, 0);
    const correct = row[label];
    return {
      label,
      letter: classNames[label] ?? String(label),
      count,
      correct,
      accuracy: count === 0 ? null : correct / count,
    };
  });
  const count = p.labels.length;
  const correct = perClass.reduce((sum, c) => sum + c.correct, 0);
  return { count, correct, accuracy: count === 0 ? 0 : correct / count, perClass, confusion };
}
