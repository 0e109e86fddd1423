// Small words for the My letters tab.
import type { MessageKey } from '../../lib/i18n/en';
import { percent } from '../evaluation/format';

/** 'A' for 0, 'B' for 1, … */
export function letterOf(label: number): string {
  return String.fromCharCode(65 + label);
}

/** A share 0..1 as a whole percent ("93%") in the UI language. */
export function wholePercent(value: number, language: string): string {
  return percent(value, language, 0);
}

/** The host names the collections in English ("My letters"): the UI's own words for them. */
export function collectionName(label: string, tr: (key: MessageKey) => string): string {
  if (label === 'My letters') return tr('letters.name.mine');
  if (label === 'Class letters') return tr('letters.name.class');
  return label;
}
