import { describe, expect, it } from 'vitest';
import { fillPlaceholders } from '../../../src-main/core/text/placeholders';

describe('fillPlaceholders', () => {
  it('fills every occurrence, numbers as text by default', () => {
    expect(fillPlaceholders('{n} of {total}; {n} again', { n: 3, total: 10 })).toBe(
      '3 of 10; 3 again',
    );
  });

  it('leaves a placeholder without a value visible, and ignores inherited names', () => {
    expect(fillPlaceholders('{missing} {toString} {a}', { a: 'x' })).toBe('{missing} {toString} x');
    expect(fillPlaceholders('no placeholders', { a: 1 })).toBe('no placeholders');
  });

  it('shows values through `show`, which gets the name too', () => {
    const show = (value: number, name: string) =>
      name === 'acc' ? `${value * 100}%` : `#${value}`;
    expect(fillPlaceholders('{acc} at {epoch}', { acc: 0.5, epoch: 3 }, show)).toBe('50% at #3');
  });

  it('does not read $-patterns in values as replacement patterns', () => {
    expect(fillPlaceholders('cost {v}', { v: '$& $1' })).toBe('cost $& $1');
  });
});
