// The notebook's train/test split, index for index:
//   train_test_split(X, Y, test_size=0.20, random_state=42)   (scikit-learn)
// which is test = the first ceil(test_size * n) of np.random.RandomState(42).permutation(n),
// train = the rest, both in the permutation's order. Any seed numpy accepts and any test share
// scikit-learn accepts give scikit-learn's split.

import type { DatasetRef, SplitMethod } from '../../contract/training';
import { LetterLabError } from '../errors';
import { MAX_NUMPY_SEED, numpyPermutation } from './numpy-random';
import type { ImageSet, SplitImageSet } from './types';

export const DEFAULT_SEED = 42;
export const DEFAULT_TEST_FRACTION = 0.2;
/**
 * The split method recorded with trained networks and runs. Networks saved before Letter Lab
 * used the notebook's split say nothing here: their test letters overlap today's training ones.
 */
export const SPLIT_METHOD: SplitMethod = 'sklearn';

export { mulberry32 } from '../random';

/**
 * Test-set size as scikit-learn computes it: ceil(testFraction * n) in floating point, so
 * 0.28 * 25 = 7.000000000000001 holds out 8, exactly as train_test_split does.
 */
export function testCount(n: number, testFraction: number): number {
  return Math.ceil(testFraction * n);
}

function badSplit(message: string): LetterLabError {
  return new LetterLabError('dataset.bad-split', message);
}

/** Why a seed cannot be used, or null when it can. */
export function seedProblem(seed: number): string | null {
  return Number.isInteger(seed) && seed >= 0 && seed <= MAX_NUMPY_SEED
    ? null
    : `The split seed must be a whole number from 0 to ${MAX_NUMPY_SEED}, not ${seed}.`;
}

/** Why a test share cannot be used, or null when it can. */
export function testShareProblem(testFraction: number): string | null {
  return testFraction > 0 && testFraction < 1
    ? null
    : `The test share must be above 0 and below 1 (e.g. 0.2 for 20%), not ${testFraction}.`;
}

/**
 * scikit-learn's train_test_split(range(n), test_size=testFraction, random_state=seed) as
 * positions 0..n-1: test first in the split's order, then train. Throws dataset.bad-split when
 * the seed or share is out of range or too few images are left to train on.
 */
export function splitIndices(
  n: number,
  seed: number = DEFAULT_SEED,
  testFraction: number = DEFAULT_TEST_FRACTION,
): { train: Uint32Array; test: Uint32Array } {
  const problem = seedProblem(seed) ?? testShareProblem(testFraction);
  if (problem) throw badSplit(problem);
  const nTest = testCount(n, testFraction);
  if (n - nTest < 1) {
    throw badSplit(
      `${n} images are too few to hold out ${Math.round(testFraction * 100)}% for testing and ` +
        'still train on some. Use a larger data set or a smaller test share.',
    );
  }
  const order = numpyPermutation(n, seed);
  return { test: order.slice(0, nTest), train: order.slice(nTest) };
}

/** The images with the notebook's split (see splitIndices); default seed 42 and 20% test. */
export function splitDataset(
  set: ImageSet,
  opts: { seed?: number; testFraction?: number } = {},
): SplitImageSet {
  const seed = opts.seed ?? DEFAULT_SEED;
  const testFraction = opts.testFraction ?? DEFAULT_TEST_FRACTION;
  const { train, test } = splitIndices(set.count, seed, testFraction);
  return { ...set, test, train, seed, testFraction };
}

/** The letters and split open now. */
export interface CurrentSplit {
  /** Fingerprint of the letters file ('' when unknown). */
  fingerprint: string;
  seed: number;
  testFraction: number;
}

/**
 * Whether a network trained on `trained` never learned from the test letters of `current`:
 * the same file, the notebook's split with the same seed and a test share no larger than the
 * one it was trained with (the test letters are the head of one permutation, so a smaller share
 * picks a part of them). null when the network does not say what it was trained on.
 */
export function testLettersHeldOut(
  trained: DatasetRef | null | undefined,
  current: CurrentSplit,
): boolean | null {
  if (!trained) return null;
  if (trained.fingerprint !== '' && current.fingerprint !== '') {
    if (trained.fingerprint !== current.fingerprint) return false;
  }
  return (
    trained.split === SPLIT_METHOD &&
    trained.splitSeed === current.seed &&
    trained.testFraction !== undefined &&
    current.testFraction <= trained.testFraction
  );
}

/**
 * What a network's meta.json records about its letters after training on `current`. When it
 * continues an earlier network (`before` is that network's record, null when it had none) that
 * learned from other letters or another split, it is 'mixed': no split's test letters are
 * unseen by it any more.
 */
export function datasetRef(current: CurrentSplit, before?: DatasetRef | null): DatasetRef {
  const ref: DatasetRef = {
    fingerprint: current.fingerprint,
    splitSeed: current.seed,
    testFraction: current.testFraction,
    split: SPLIT_METHOD,
  };
  if (before === undefined) return ref;
  const same =
    before !== null &&
    before.split === SPLIT_METHOD &&
    before.splitSeed === current.seed &&
    before.testFraction === current.testFraction &&
    (before.fingerprint === current.fingerprint ||
      before.fingerprint === '' ||
      current.fingerprint === '');
  return same ? ref : { ...ref, split: 'mixed' };
}

/** Whether a network was saved before Letter Lab used the notebook's split (no method recorded). */
export function trainedWithOldSplit(trained: DatasetRef | null | undefined): boolean {
  return !!trained && trained.split === undefined;
}

/** Why a network's test letters are not all new to it, in one sentence (for the CLI and logs). */
export function splitWarning(trained: DatasetRef | null | undefined): string {
  if (trained && trained.split === undefined) {
    return (
      'this network was trained before Letter Lab used the notebook’s train/test split, so ' +
      'most of today’s test letters were training letters for it and its accuracy here looks ' +
      'better than it is. Train it again for an honest number.'
    );
  }
  if (trained?.split === 'mixed') {
    return (
      'this network learned from more than one split or letters file, so some of these test ' +
      'letters were training letters for it.'
    );
  }
  return (
    'this network was trained with another split seed or a smaller test share, so some of ' +
    'these test letters were training letters for it.'
  );
}
