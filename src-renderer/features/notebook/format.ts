// Numbers and dates of the notebook in the UI language's style. Pure: the language comes in.

/** Accuracy 0..1 as a percentage with one decimal ("88.5%", "88,5%"); "–" when unknown. */
export function formatPercent(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** A whole number with the locale's grouping: 49,850 or 49 850. */
export function formatInteger(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(value);
}

/** Seconds with one decimal under a minute, else minutes and seconds: "4.2 s", "3 min 05 s". */
export function formatSeconds(value: number | null, locale: string): string {
  if (value === null || !Number.isFinite(value)) return '–';
  if (value < 60) {
    const n = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
    return `${n} s`;
  }
  const total = Math.round(value);
  return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, '0')} s`;
}

/** "12 Jun 2025, 14:05" in the UI language. */
export function formatDate(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A loss with three significant digits; "–" for a loss that is not a number. */
export function formatLoss(value: number | null, locale: string): string {
  if (value === null || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 }).format(value);
}
