// Numbers in the UI language's style: 1,234 in English, 1 234 in Polish.
import { i18n } from '../../lib/i18n/i18n.svelte';

export function formatNumber(n: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(i18n.language, { maximumFractionDigits }).format(n);
}

export function formatPercent(share: number): string {
  return new Intl.NumberFormat(i18n.language, {
    style: 'percent',
    maximumFractionDigits: share > 0 && share < 0.01 ? 1 : 0,
  }).format(share);
}
