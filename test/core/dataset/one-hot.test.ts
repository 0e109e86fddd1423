import { describe, expect, it } from 'vitest';
import { oneHot } from '../../../src-main/core/dataset/one-hot';
import { LetterLabError } from '../../../src-main/core/errors';

describe('oneHot', () => {
  it('puts a single 1 in each row at the label', () => {
    const out = oneHot(Uint8Array.of(2, 0, 1), 3);
    expect(Array.from(out)).toEqual([0, 0, 1, 1, 0, 0, 0, 1, 0]);
  });

  it('rejects labels outside the classes', () => {
    expect(() => oneHot(Uint8Array.of(0, 3), 3)).toThrow(LetterLabError);
    expect(() => oneHot(Uint8Array.of(0, 3), 3)).toThrow(
      /Label 3 at index 1 is not one of the 3 classes/,
    );
  });
});
