// "What happened" in one sentence: how a step's result differs from the step before it, in
// parameters, test accuracy and training time, in English or Polish.

import { fill, formatAccuracy, formatCount, formatRatio, type LessonLang } from './format';

export interface StepNumbers {
  number: number;
  params: number;
  /** Test accuracy, 0..1. */
  valAcc: number;
  seconds: number;
}

/** Below this relative change a number counts as "about the same"; accuracy in points. */
const SAME_RATIO = 1.1;
const SAME_POINTS = 0.5;

type Direction = 'up' | 'down' | 'same';

function direction(ratio: number): Direction {
  if (ratio >= SAME_RATIO) return 'up';
  if (ratio <= 1 / SAME_RATIO) return 'down';
  return 'same';
}

/** "2.5 times"/"3 times" in English; Polish says "2,5 raza" but "3 razy". */
function times(ratio: number, lang: LessonLang): string {
  const shown = formatRatio(ratio, lang);
  if (lang === 'en') return `${shown} times`;
  return `${shown} ${/[,.]/.test(shown) ? 'raza' : 'razy'}`;
}

const WORDS = {
  en: {
    start: 'Compared with step {n}: ',
    params: {
      up: '{times} more parameters ({from} → {to})',
      down: '{times} fewer parameters ({from} → {to})',
      same: 'about as many parameters ({to})',
    },
    acc: {
      up: 'test accuracy up {points} points to {acc}',
      down: 'test accuracy down {points} points to {acc}',
      same: 'about the same test accuracy ({acc})',
    },
    time: {
      up: 'training took {times} longer.',
      down: 'training took {times} less time.',
      same: 'training took about as long.',
    },
  },
  pl: {
    start: 'W porównaniu z krokiem {n}: ',
    params: {
      up: '{times} więcej parametrów ({from} → {to})',
      down: '{times} mniej parametrów ({from} → {to})',
      same: 'mniej więcej tyle samo parametrów ({to})',
    },
    acc: {
      up: 'trafność na literach testowych wyższa o {points} pkt proc., do {acc}',
      down: 'trafność na literach testowych niższa o {points} pkt proc., do {acc}',
      same: 'prawie ta sama trafność na literach testowych ({acc})',
    },
    time: {
      up: 'trening trwał {times} dłużej.',
      down: 'trening trwał {times} krócej.',
      same: 'trening trwał mniej więcej tyle samo.',
    },
  },
} as const;

/** One sentence on how `cur` did compared with `prev` (the step before it that has a result). */
export function changeSentence(prev: StepNumbers, cur: StepNumbers, lang: LessonLang): string {
  const w = WORDS[lang];
  const paramRatio = cur.params / Math.max(prev.params, 1);
  const p = direction(paramRatio);
  const points = (cur.valAcc - prev.valAcc) * 100;
  const a: Direction = points >= SAME_POINTS ? 'up' : points <= -SAME_POINTS ? 'down' : 'same';
  const timeRatio = Math.max(cur.seconds, 0.01) / Math.max(prev.seconds, 0.01);
  const t = direction(timeRatio);
  const pointsText = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(
    Math.abs(points),
  );
  return (
    fill(w.start, { n: String(prev.number) }) +
    fill(w.params[p], {
      times: times(p === 'down' ? 1 / paramRatio : paramRatio, lang),
      from: formatCount(prev.params, lang),
      to: formatCount(cur.params, lang),
    }) +
    ', ' +
    fill(w.acc[a], { points: pointsText, acc: formatAccuracy(cur.valAcc, lang) }) +
    ', ' +
    fill(w.time[t], { times: times(t === 'down' ? 1 / timeRatio : timeRatio, lang) })
  );
}
