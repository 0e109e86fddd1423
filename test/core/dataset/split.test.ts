import { describe, expect, it } from 'vitest';
import {
  mulberry32,
  shuffledIndices,
  splitDataset,
  testCount,
} from '../../../src-main/core/dataset/split';
import type { ImageSet } from '../../../src-main/core/dataset/types';

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

describe('mulberry32', () => {
  it('repeats for a seed, differs across seeds and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.05);
  });
});

describe('shuffledIndices (Fisher-Yates)', () => {
  it('is a permutation of 0..n-1', () => {
    const order = shuffledIndices(1000, 7);
    expect(Array.from(order).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 1000 }, (_, i) => i),
    );
  });

  it('makes all 120 orders of 5 items about equally often over 12,000 seeds', () => {
    const seen = new Map<string, number>();
    for (let seed = 0; seed < 12000; seed++) {
      const key = Array.from(shuffledIndices(5, seed)).join('');
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    // A biased shuffle (e.g. Sattolo's, or j drawn from 0..n-1) misses orders or skews them.
    expect(seen.size).toBe(120);
    expect(Math.min(...seen.values())).toBeGreaterThan(50);
    expect(Math.max(...seen.values())).toBeLessThan(150);
  });
});

describe('splitDataset', () => {
  it('holds out ceil(N * fraction), as scikit-learn does, guarding float noise', () => {
    for (const n of [2, 5, 10, 15, 99, 100, 101, 18724]) {
      // ceil(n / 5) in integers: the exact 20%.
      expect(testCount(n, 0.2)).toBe(Math.floor((n + 4) / 5));
    }
    expect(testCount(18724, 0.2)).toBe(3745);
    expect(testCount(15, 0.2)).toBe(3); // 15 * 0.2 is 3.0000000000000004 in floats
    expect(testCount(10, 0)).toBe(0);
    expect(testCount(7, 0.5)).toBe(4);
  });

  it('splits every index exactly once, by default seed 42 and 20% test', () => {
    const set = fakeSet(101);
    const split = splitDataset(set);
    expect(split.seed).toBe(42);
    expect(split.testFraction).toBe(0.2);
    expect(split.test.length).toBe(21);
    expect(split.train.length).toBe(80);
    const all = [...split.train, ...split.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 101 }, (_, i) => i));
    expect(split.images).toBe(set.images);
  });

  it('gives the same split for the same seed and another for another seed', () => {
    const set = fakeSet(500);
    const a = splitDataset(set, { seed: 3 });
    const b = splitDataset(set, { seed: 3 });
    const c = splitDataset(set, { seed: 4 });
    expect(Array.from(a.test)).toEqual(Array.from(b.test));
    expect(Array.from(a.train)).toEqual(Array.from(b.train));
    expect(Array.from(c.test)).not.toEqual(Array.from(a.test));
    // The test set is the head of the shuffled order.
    expect(Array.from(a.test)).toEqual(Array.from(shuffledIndices(500, 3).subarray(0, 100)));
  });

  it('allows no test set at fraction 0', () => {
    const split = splitDataset(fakeSet(10), { testFraction: 0 });
    expect([split.train.length, split.test.length]).toEqual([10, 0]);
  });
});
