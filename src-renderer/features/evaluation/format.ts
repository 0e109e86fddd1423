import type { MessageKey } from '../../lib/i18n/en';

/** 0.873 -> "87.3%" in the UI language. */
export function percent(value: number, language: string, digits = 1): string {
  return new Intl.NumberFormat(language, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** "12 letters" / "12 liter": the key of the plural form `count` takes in `language`. */
export function lettersKey(count: number, language: string): MessageKey {
  const form = new Intl.PluralRules(language).select(count);
  if (form === 'one' || form === 'few' || form === 'many') return `evaluation.count.${form}`;
  return 'evaluation.count.other';
}
