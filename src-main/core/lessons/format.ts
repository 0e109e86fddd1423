// Numbers as the lessons show them, in the language's own style: 87.3% / 87,3%, 49,850 / 49 850,
// 4.2 s / 4,2 s, 3 min 05 s. Intl works the same in Node and in the renderer.

export type LessonLang = 'en' | 'pl';

/** 0.8734 -> "87.3%" (en), "87,3%" (pl); one decimal. */
export function formatAccuracy(value: number, lang: LessonLang): string {
  return new Intl.NumberFormat(lang, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(value);
}

/** A whole number with the language's grouping (Polish groups from 10,000 on). */
export function formatCount(value: number, lang: LessonLang): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 0 }).format(value);
}

/** Seconds with one decimal under a minute, else "3 min 05 s". */
export function formatDuration(seconds: number, lang: LessonLang): string {
  if (seconds < 60) {
    return `${new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(seconds)} s`;
  }
  const total = Math.round(seconds);
  return `${Math.floor(total / 60)} min ${String(total % 60).padStart(2, '0')} s`;
}

/** A ratio like 4.2 or 12 ("4.2 times"): one decimal under 10. */
export function formatRatio(value: number, lang: LessonLang): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}

/** Fills `{name}` placeholders from `params`; unknown ones stay visible. */
export { fillPlaceholders as fill } from '../text/placeholders';
