import { fillPlaceholders } from '../../../src-main/core/text/placeholders';

/** Fills `{name}` placeholders; unknown placeholders stay visible so a missing value is noticed. */
export function format(template: string, params: Record<string, string | number> = {}): string {
  return fillPlaceholders(template, params);
}

const NUMBER_FORMATS = new Map<string, Intl.NumberFormat>();

/** `params` with every finite number written as `language` writes numbers. */
export function localNumbers(
  params: Record<string, string | number> | undefined,
  language: string,
): Record<string, string | number> | undefined {
  if (!params) return params;
  let numbers = NUMBER_FORMATS.get(language);
  if (!numbers) {
    numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 10 });
    NUMBER_FORMATS.set(language, numbers);
  }
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] = typeof value === 'number' && Number.isFinite(value) ? numbers.format(value) : value;
  }
  return out;
}
