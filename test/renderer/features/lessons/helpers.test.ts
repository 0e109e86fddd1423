// The lessons' small helpers: the pictures' numbers are worked out for real, the recipe reads
// like the notebook's code, and "what happened" compares with the step before on the ladder.
import { describe, expect, it } from 'vitest';
import type { LadderPoint } from '../../../../src-main/contract/lessons';
import { lessonStep } from '../../../../src-main/core/lessons';
import {
  POOL_INPUT,
  STROKE,
  STROKE_FILTER,
  convolve,
  maxPool2x2,
} from '../../../../src-renderer/features/lessons/pictures';
import { changeFromPrevious, recipe } from '../../../../src-renderer/features/lessons/lesson-text';
import { readWhole } from '../../../../src-renderer/features/lessons/whole-number';

describe('lesson pictures', () => {
  it('the stroke filter lights up most on the stroke going down', () => {
    const map = convolve(STROKE, STROKE_FILTER);
    expect(map).toHaveLength(5);
    expect(map[0]).toHaveLength(5);
    const best = Math.max(...map.flat());
    expect(map[0][2]).toBe(best);
    expect(map[0][0]).toBe(0);
    expect(map[0][1]).toBeLessThan(0);
  });

  it('2x2 max pooling keeps the biggest number of each square', () => {
    expect(maxPool2x2(POOL_INPUT)).toEqual([
      [5, 4],
      [6, 7],
    ]);
  });
});

describe('lesson text', () => {
  it('writes the recipe of a step like the notebook’s layers', () => {
    expect(recipe(lessonStep('conv')!)).toEqual(['Conv2D(16, 3x3, same) relu', 'Flatten']);
    expect(recipe(lessonStep('mlp')!)).toEqual(['Flatten', 'Dense(128) tanh']);
    expect(recipe(lessonStep('fully-convolutional')!)).toContain('GlobalMaxPool2D');
  });

  it('compares a step with the step before it on the ladder', () => {
    const point = (step: string, number: number, params: number, valAcc: number): LadderPoint => ({
      runId: step,
      step,
      number,
      name: step,
      params,
      valAcc,
      seconds: 10,
    });
    const ladder = [
      point('logistic-regression', 1, 7850, 0.8),
      point('conv-maxpool', 4, 27210, 0.9),
    ];
    expect(changeFromPrevious('logistic-regression', ladder, 'en')).toEqual({
      sentence: null,
      first: true,
    });
    expect(changeFromPrevious('conv-maxpool', ladder, 'en')?.sentence).toMatch(
      /^Compared with step 1: 3\.5 times more parameters/,
    );
    expect(changeFromPrevious('mlp', ladder, 'en')).toBeNull();
  });
});

describe('the teacher’s number fields', () => {
  it('take a whole number in range, and empty only where it means “none”', () => {
    expect(readWhole(' 3 ', 1, 100, true)).toBe(3);
    expect(readWhole('', 1, 100, true)).toBeNull();
    expect(readWhole('', 100, 10_000_000, false)).toBeUndefined();
  });

  it('refuse what is not a whole number in range', () => {
    for (const text of ['0', '101', '2.5', '-1', '1e9', 'abc']) {
      expect(readWhole(text, 1, 100, true)).toBeUndefined();
    }
    // A number field holding letters reports an empty value and badInput.
    expect(readWhole('', 1, 100, true, true)).toBeUndefined();
  });
});
