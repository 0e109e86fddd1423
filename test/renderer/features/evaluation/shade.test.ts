import { describe, expect, it } from 'vitest';
import {
  BLUES,
  INK,
  PAPER,
  REDS,
  cellColours,
  contrastRatio,
  largestCounts,
  shadeLevel,
} from '../../../../src-renderer/features/evaluation/shade';
import { lettersKey, percent } from '../../../../src-renderer/features/evaluation/format';

describe('confusion-matrix shading', () => {
  it('keeps every count readable: text contrast at least 4.5:1 (WCAG AA) on every level', () => {
    for (const diagonal of [true, false]) {
      for (let count = 0; count <= 40; count++) {
        const { background, color } = cellColours(count, 40, diagonal);
        expect(contrastRatio(background, color), `${diagonal} ${count}`).toBeGreaterThanOrEqual(
          4.5,
        );
      }
    }
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio(INK, PAPER)).toBeGreaterThan(15);
  });

  it('is white for no letters, darkest for the most letters of its kind, and never lighter for more', () => {
    expect(cellColours(0, 12, false).background).toBe('#ffffff');
    expect(cellColours(12, 12, false).background).toBe(REDS[5]);
    expect(cellColours(80, 80, true).background).toBe(BLUES[5]);
    expect(cellColours(1, 80, true).background).toBe(BLUES[1]);
    const levels = Array.from({ length: 81 }, (_, n) => shadeLevel(n, 80));
    expect(levels.every((l, i) => i === 0 || l >= levels[i - 1])).toBe(true);
    expect(new Set(levels)).toEqual(new Set([0, 1, 2, 3, 4, 5]));
  });

  it('finds the largest right and wrong counts separately', () => {
    expect(
      largestCounts([
        [50, 3, 0],
        [9, 40, 1],
        [0, 2, 61],
      ]),
    ).toEqual({ right: 61, wrong: 9 });
  });
});

describe('evaluation number words', () => {
  it('picks the Polish plural forms and formats percentages per language', () => {
    expect([1, 2, 5, 12, 22, 25].map((n) => lettersKey(n, 'pl'))).toEqual([
      'evaluation.count.one',
      'evaluation.count.few',
      'evaluation.count.many',
      'evaluation.count.many',
      'evaluation.count.few',
      'evaluation.count.many',
    ]);
    expect([1, 2].map((n) => lettersKey(n, 'en'))).toEqual([
      'evaluation.count.one',
      'evaluation.count.other',
    ]);
    expect(percent(0.8734, 'en')).toBe('87.3%');
    expect(percent(0.8734, 'pl')).toMatch(/^87,3\s?%$/);
    expect(percent(0.97, 'en', 0)).toBe('97%');
  });
});
