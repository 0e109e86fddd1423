// The status bar's core count in each language's plural form.
import { describe, expect, it } from 'vitest';
import { en, pl, type MessageKey } from '../../../../src-renderer/lib/i18n/en';
import { format } from '../../../../src-renderer/lib/i18n/format';
import { coresText } from '../../../../src-renderer/features/shell/cores';

const tr =
  (dict: Record<MessageKey, string>) =>
  (key: MessageKey, params?: Record<string, string | number>) =>
    format(dict[key], params);

describe('coresText', () => {
  it('says 1 core and 2 cores in English', () => {
    expect(coresText(1, 'en', tr(en))).toBe('1 core');
    expect(coresText(2, 'en', tr(en))).toBe('2 cores');
  });

  it('uses the Polish forms: 1 rdzeń, 2-4 rdzenie, 5 and more rdzeni, 22 rdzenie', () => {
    const t = tr(pl);
    expect([1, 2, 4, 5, 12, 22, 25].map((n) => coresText(n, 'pl', t))).toEqual([
      '1 rdzeń',
      '2 rdzenie',
      '4 rdzenie',
      '5 rdzeni',
      '12 rdzeni',
      '22 rdzenie',
      '25 rdzeni',
    ]);
  });
});
