// Evaluation on the test split: accuracy, per-class accuracy, the confusion matrix and the letters
// behind every cell. Types only; the code is in src-main/core/evaluation and src-main/host.
import type { LetterImage } from './dataset';

export interface ClassAccuracy {
  /** Class index 0..classes-1. */
  label: number;
  /** 'A'..'J'. */
  letter: string;
  /** Test letters of this class (the confusion matrix's row sum). */
  count: number;
  /** How many of them the network named right (the diagonal cell). */
  correct: number;
  /** correct / count; null when the test split has no letter of this class. */
  accuracy: number | null;
}

/** The numbers of one evaluation, as the CLI prints them. */
export interface EvaluationNumbers {
  /** Test letters evaluated. */
  count: number;
  correct: number;
  /** correct / count, 0..1. */
  accuracy: number;
  perClass: ClassAccuracy[];
  /** confusion[true][predicted]: test letters of class `true` the network called `predicted`. */
  confusion: number[][];
}

export interface EvaluationSummary extends EvaluationNumbers {
  /** Names this evaluation (model and split); cells and mistakes can ask for it by this key. */
  key: string;
  classNames: string[];
  /** Size of the letters' pictures (pixels of the letters sent for cells and mistakes). */
  height: number;
  width: number;
  model: {
    name: string;
    source: 'run' | 'saved';
    /** Epochs it was trained for. */
    epochs: number;
    savedAt: string;
  };
  split: { seed: number; testFraction: number };
  /**
   * Whether the network was trained on this very file: false when the fingerprints differ, null
   * when the model does not say what it was trained on.
   */
  sameDataset: boolean | null;
  /**
   * Whether the network's training split used this split's seed: when false, some "test" letters
   * may have been training letters. null when the model does not say.
   */
  sameSplit: boolean | null;
  /**
   * True when the network was saved before Letter Lab used the notebook's split: most of these
   * test letters were training letters for it (the evaluation says so in those words).
   */
  oldSplit?: boolean;
  seconds: number;
}

/** A test letter with what the network answered. */
export interface EvaluatedLetter extends LetterImage {
  predicted: number;
  /** Probability of the network's answer, 0..1. */
  confidence: number;
  /** Probability it gave the true class, 0..1. */
  truthProbability: number;
}

export interface EvaluatedLetters {
  /** The evaluation these letters come from. */
  key: string;
  /** How many letters match (the items are the first `limit`, most confident first). */
  total: number;
  items: EvaluatedLetter[];
}

export interface EvaluationStatus {
  /** Whether there is a trained network to evaluate. */
  modelAvailable: boolean;
  /** An evaluation is running; `done` of `total` test letters are predicted. */
  running: boolean;
  done: number;
  total: number;
  /** The last finished evaluation, or null. */
  last: EvaluationSummary | null;
  /** Whether `last` is for the network and split in use now (false: evaluate again). */
  lastIsCurrent: boolean;
}

export interface EvaluationInvoke {
  'evaluation:status': { request: void; response: EvaluationStatus };
  /** Predicts every test letter (or answers from the cache when nothing changed). */
  'evaluation:run': { request: void; response: EvaluationSummary };
  /** The letters of one confusion-matrix cell, most confident first. */
  'evaluation:cell': {
    request: { true: number; predicted: number; limit: number; key?: string };
    response: EvaluatedLetters;
  };
  /** Wrong answers, most confident first. */
  'evaluation:mistakes': {
    request: { limit: number; key?: string };
    response: EvaluatedLetters;
  };
}
