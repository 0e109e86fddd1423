import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MT19937, numpyPermutation } from '../../../src-main/core/dataset/numpy-random';
import {
  datasetRef,
  mulberry32,
  splitDataset,
  splitIndices,
  splitWarning,
  testCount,
  testLettersHeldOut,
} from '../../../src-main/core/dataset/split';
import type { ImageSet } from '../../../src-main/core/dataset/types';
import { LetterLabError } from '../../../src-main/core/errors';

// Made once by fixtures/make-split-fixtures.py with numpy and scikit-learn themselves.
interface Stored {
  count: number;
  all?: number[];
  first?: number[];
  last?: number[];
  sha256?: string;
}
interface Fixtures {
  mt19937: Record<string, { key: number[]; raw: number[] }>;
  splits: { n: number; seed: number; testShare: number; test: Stored; train: Stored }[];
  refused: { n: number; seed: number; testShare: number }[];
}
const FIXTURES = JSON.parse(
  readFileSync(new URL('./fixtures/split-fixtures.json', import.meta.url), 'utf8'),
) as Fixtures;

/** The stored form of a list of indices, as the fixture script stores it. */
function stored(values: Uint32Array, like: Stored): Stored {
  const list = Array.from(values);
  if (like.all) return { count: list.length, all: list };
  return {
    count: list.length,
    first: list.slice(0, like.first?.length),
    last: list.slice(-(like.last?.length ?? 0)),
    sha256: createHash('sha256').update(list.join(',')).digest('hex'),
  };
}

function fakeSet(count: number): ImageSet {
  return {
    images: new Float32Array(count * 4),
    labels: Uint8Array.from({ length: count }, (_, i) => i % 2),
    count,
    height: 2,
    width: 2,
    classes: 2,
    classNames: ['A', 'B'],
  };
}

describe('MT19937 with numpy legacy seeding', () => {
  for (const [seed, expected] of Object.entries(FIXTURES.mt19937)) {
    it(`seed ${seed}: the seeded state and the first outputs equal np.random.RandomState's`, () => {
      const mt = new MT19937(Number(seed));
      expect([0, 1, 2, 3, 623].map((i) => mt.stateWord(i))).toEqual(expected.key);
      expect(expected.raw.map(() => mt.nextUint32())).toEqual(expected.raw);
    });
  }

  it('refuses seeds numpy refuses (below 0, above 2**32 - 1, not whole)', () => {
    for (const seed of [-1, 2 ** 32, 1.5, Number.NaN]) expect(() => new MT19937(seed)).toThrow();
  });

  it('draws bounded integers 0..max, every value about equally often', () => {
    const mt = new MT19937(5);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[mt.interval(5)]++;
    for (const c of counts) expect(c).toBeGreaterThan(9_400);
    expect(mt.interval(0)).toBe(0);
  });
});

describe('the split equals scikit-learn’s train_test_split', () => {
  for (const c of FIXTURES.splits) {
    it(`n = ${c.n}, seed ${c.seed}, test share ${c.testShare}`, () => {
      const { train, test } = splitIndices(c.n, c.seed, c.testShare);
      expect(stored(test, c.test)).toEqual(c.test);
      expect(stored(train, c.train)).toEqual(c.train);
    });
  }

  it('the notebook’s split of notMNIST_small.mat: 14,979 train and 3,745 test letters', () => {
    const notebook = FIXTURES.splits.find((c) => c.n === 18_724 && c.seed === 42);
    expect([notebook?.train.count, notebook?.test.count]).toEqual([14_979, 3_745]);
    const split = splitDataset(fakeSet(18_724));
    expect(Array.from(split.test.subarray(0, 5))).toEqual(notebook?.test.first?.slice(0, 5));
  });

  for (const c of FIXTURES.refused) {
    it(`refuses n = ${c.n} with test share ${c.testShare}, as scikit-learn does (nothing to train on)`, () => {
      expect(() => splitIndices(c.n, c.seed, c.testShare)).toThrow(/too few to hold out/);
    });
  }

  it('test is the head of numpy’s permutation and train the rest, every index once', () => {
    const { train, test } = splitIndices(1_001, 9, 0.3);
    expect([...test, ...train]).toEqual(Array.from(numpyPermutation(1_001, 9)));
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 1_001 }, (_, i) => i),
    );
  });

  it('holds out ceil(share * n) in floating point, as scikit-learn computes it', () => {
    expect(testCount(18_724, 0.2)).toBe(3_745);
    expect(testCount(15, 0.2)).toBe(3);
    expect(testCount(25, 0.28)).toBe(8); // 0.28 * 25 = 7.000000000000001
    expect(testCount(50, 0.58)).toBe(29); // 0.58 * 50 = 28.999999999999996
  });

  it('says clearly what is wrong with a seed or a share', () => {
    const message = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        expect(err).toBeInstanceOf(LetterLabError);
        expect((err as LetterLabError).code).toBe('dataset.bad-split');
        return (err as Error).message;
      }
      throw new Error('did not throw');
    };
    expect(message(() => splitIndices(100, -1, 0.2))).toMatch(/seed must be a whole number/);
    expect(message(() => splitIndices(100, 2 ** 32, 0.2))).toMatch(/0 to 4294967295/);
    expect(message(() => splitIndices(100, 42, 0))).toMatch(/above 0 and below 1/);
    expect(message(() => splitIndices(100, 42, 1))).toMatch(/above 0 and below 1/);
  });
});

describe('splitDataset', () => {
  it('defaults to the notebook’s seed 42 and 20% test and keeps the images', () => {
    const set = fakeSet(101);
    const split = splitDataset(set);
    expect([split.seed, split.testFraction]).toEqual([42, 0.2]);
    expect([split.train.length, split.test.length]).toEqual([80, 21]);
    expect(split.images).toBe(set.images);
    expect(Array.from(split.test)).toEqual(Array.from(splitIndices(101, 42, 0.2).test));
  });
});

describe('mulberry32 (per-epoch shuffles and random picks)', () => {
  it('repeats for a seed, differs across seeds and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('whether a network never learned from the test letters open now', () => {
  const now = { fingerprint: 'abc', seed: 42, testFraction: 0.2 };
  const trained = datasetRef(now);

  it('records the notebook split with its seed and share', () => {
    expect(trained).toEqual({
      fingerprint: 'abc',
      splitSeed: 42,
      testFraction: 0.2,
      split: 'sklearn',
    });
    expect(testLettersHeldOut(trained, now)).toBe(true);
  });

  it('a smaller test share picks part of the same test letters; a larger one does not', () => {
    expect(testLettersHeldOut(trained, { ...now, testFraction: 0.1 })).toBe(true);
    expect(testLettersHeldOut(trained, { ...now, testFraction: 0.3 })).toBe(false);
    // Checked on the indices themselves: the 10% test letters are all among the 20% ones.
    const small = new Set(splitIndices(500, 42, 0.1).test);
    const big = splitIndices(500, 42, 0.2);
    expect([...small].every((i) => big.test.includes(i))).toBe(true);
    expect(splitIndices(500, 42, 0.3).test.some((i) => big.train.includes(i))).toBe(true);
  });

  it('another seed or another file is not held out; an unknown file is judged by the split', () => {
    expect(testLettersHeldOut(trained, { ...now, seed: 7 })).toBe(false);
    expect(testLettersHeldOut(trained, { ...now, fingerprint: 'other' })).toBe(false);
    expect(testLettersHeldOut({ ...trained, fingerprint: '' }, now)).toBe(true);
    expect(testLettersHeldOut(null, now)).toBeNull();
  });

  it('a network saved with the old split (no method recorded) is never taken as held out', () => {
    const old = { fingerprint: 'abc', splitSeed: 42 };
    expect(testLettersHeldOut(old, now)).toBe(false);
    expect(splitWarning(old)).toMatch(/before Letter Lab used the notebook’s train\/test split/);
  });

  it('training more on another split or file marks the network mixed, for good', () => {
    expect(datasetRef(now, trained).split).toBe('sklearn');
    const mixed = datasetRef(now, { fingerprint: 'abc', splitSeed: 42 });
    expect(mixed.split).toBe('mixed');
    expect(datasetRef(now, { ...trained, splitSeed: 1 }).split).toBe('mixed');
    expect(datasetRef(now, null).split).toBe('mixed');
    expect(testLettersHeldOut(mixed, now)).toBe(false);
    expect(datasetRef(now, mixed).split).toBe('mixed');
    expect(splitWarning(mixed)).toMatch(/more than one split/);
  });
});
