// Numbers in messages follow the UI language: "3,745 of 3,745" in English, "3745 z 3745" and
// "0,001" in Polish; numbers passed as text stay as they are.
import { describe, expect, it } from 'vitest';
import { I18n } from '../../../../src-renderer/lib/i18n/i18n.svelte';
import { localNumbers } from '../../../../src-renderer/lib/i18n/format';

describe('numbers in messages', () => {
  it('writes counts and decimals the language’s way', () => {
    expect(localNumbers({ correct: 3365, count: 3745, rate: 0.001 }, 'en')).toEqual({
      correct: '3,365',
      count: '3,745',
      rate: '0.001',
    });
    const pl = localNumbers({ correct: 3365, big: 14979, rate: 0.001 }, 'pl');
    expect(pl?.correct).toBe('3365');
    expect(pl?.big).toMatch(/^14\s979$/);
    expect(pl?.rate).toBe('0,001');
    expect(localNumbers({ seed: '1234567', name: 'x' }, 'en')).toEqual({
      seed: '1234567',
      name: 'x',
    });
  });

  it('t() uses them: the evaluation line reads as the language writes it', () => {
    const i18n = new I18n();
    i18n.language = 'en';
    expect(i18n.t('evaluation.accuracyDetail', { correct: 3365, count: 3745 })).toBe(
      '3,365 of 3,745 test letters named right.',
    );
    i18n.language = 'pl';
    expect(i18n.t('evaluation.accuracyDetail', { correct: 3365, count: 14979 })).toMatch(
      /^Poprawnie rozpoznane litery testowe: 3365 z 14\s979\.$/,
    );
  });
});
