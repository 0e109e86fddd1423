import { LetterLabError } from '../errors';
import { mulberry32, shuffleInPlace } from '../random';
import type { ImageSet, SplitImageSet } from './types';

export const DEFAULT_SEED = 42;
export const DEFAULT_TEST_FRACTION = 0.2;
/** Guards ceil() against products like 15 * 0.2 = 3.0000000000000004. */
const CEIL_EPSILON = 1e-9;

export { mulberry32 };

/** 0..n-1 shuffled by Fisher-Yates (Durstenfeld) with mulberry32(seed). */
export function shuffledIndices(n: number, seed: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return shuffleInPlace(order, seed);
}

/** Test-set size: ceil(n * testFraction), as scikit-learn's train_test_split rounds. */
export function testCount(n: number, testFraction: number): number {
  return Math.max(0, Math.ceil(n * testFraction - CEIL_EPSILON));
}

function badSplit(message: string): LetterLabError {
  return new LetterLabError('dataset.bad-split', message);
}

/**
 * Shuffles the images with a seeded PRNG and holds out ceil(N * testFraction) of them for
 * testing: test = the first indices of the shuffled order, train = the rest (both in shuffled
 * order). The same N, seed and fraction always give the same split.
 */
export function splitDataset(
  set: ImageSet,
  opts: { seed?: number; testFraction?: number } = {},
): SplitImageSet {
  const seed = opts.seed ?? DEFAULT_SEED;
  const testFraction = opts.testFraction ?? DEFAULT_TEST_FRACTION;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw badSplit(`The split seed must be a whole number 0..4294967295, not ${seed}.`);
  }
  if (!(testFraction >= 0 && testFraction < 1)) {
    throw badSplit(
      `The test fraction must be at least 0 and below 1 (e.g. 0.2), not ${testFraction}.`,
    );
  }
  const nTest = testCount(set.count, testFraction);
  if (set.count - nTest < 1) {
    throw badSplit(
      `${set.count} images are too few to hold out ${Math.round(testFraction * 100)}% for ` +
        'testing and still train on some. Use a larger data set or a smaller test fraction.',
    );
  }
  const order = shuffledIndices(set.count, seed);
  return {
    ...set,
    test: order.slice(0, nTest),
    train: order.slice(nTest),
    seed,
    testFraction,
  };
}
