// The sentence beside every chart: "True: C. Network: C 92%, G 5%."
import type { MessageKey } from '../../lib/i18n/en';

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** At most this many guesses are named… */
const MAX_GUESSES = 3;
/** …and after the first, only those with at least this probability. */
const MIN_SHARE = 0.01;

export function formatPercent(p: number, language: string): string {
  if (p > 0 && p < 0.005)
    return `<${new Intl.NumberFormat(language, { style: 'percent' }).format(0.01)}`;
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(p);
}

/** The most likely letters, best first: the top one always, then any with at least 1%. */
export function topGuesses(
  probabilities: number[],
  classNames: string[],
): { name: string; p: number }[] {
  return probabilities
    .map((p, k) => ({ name: classNames[k] ?? String(k), p }))
    .sort((a, b) => b.p - a.p)
    .filter((guess, rank) => rank === 0 || guess.p >= MIN_SHARE)
    .slice(0, MAX_GUESSES);
}

export function predictionSummary(
  t: Translate,
  language: string,
  probabilities: number[],
  classNames: string[],
  trueLabel: number | null,
): string {
  const guesses = topGuesses(probabilities, classNames)
    .map((g) => `${g.name} ${formatPercent(g.p, language)}`)
    .join(', ');
  const network = t('predict.summary.network', { guesses });
  if (trueLabel === null) return network;
  return `${t('predict.summary.true', { letter: classNames[trueLabel] ?? String(trueLabel) })} ${network}`;
}
