// The ladder: every done step's test accuracy against its parameter count (log scale) in one
// panel and against its training time (log scale) in the other, sharing the accuracy axis; the
// steps joined in the notebook's order, the camper's own "beat the notebook" networks as
// diamonds, the parameter budget as a dashed line. Pure geometry here; ladder-svg.ts draws it as
// an SVG string (reports), the Lessons tab draws the same layout with Svelte.

import type { LadderPoint } from '../../contract/lessons';
import type { LessonLang } from './format';

export interface Tick {
  /** Position along the axis, in SVG units. */
  at: number;
  label: string;
}

export interface Panel {
  /** Left edge and width of the plot area. */
  x: number;
  width: number;
  ticks: Tick[];
}

export interface PlacedPoint extends LadderPoint {
  /** Position in the parameters panel, the time panel, and the shared height. */
  px: number;
  tx: number;
  y: number;
}

export interface LadderLayout {
  width: number;
  height: number;
  /** Top and height of the plot area (both panels). */
  top: number;
  plotHeight: number;
  params: Panel;
  time: Panel;
  /** Accuracy ticks (percent labels are the caller's, in its language). */
  yTicks: { at: number; value: number }[];
  points: PlacedPoint[];
  /** The steps in order, as "x,y x,y" polylines in each panel. */
  stepLine: { params: string; time: string };
  /** Where the budget's dashed line goes in the parameters panel, when it is in range. */
  budgetX: number | null;
}

export const LADDER_SIZE = { width: 760, height: 340 };
const MARGIN = { left: 54, right: 24, top: 14, bottom: 46, gap: 56 };

/** The powers of ten around [lo, hi] (at least one decade). */
function decades(lo: number, hi: number): [number, number] {
  const a = Math.floor(Math.log10(lo));
  const b = Math.max(a + 1, Math.ceil(Math.log10(hi)));
  return [a, b];
}

/** Parameter ticks: at 1, 2 and 5 times each power of ten when the range is short. */
function paramTicks(a: number, b: number): number[] {
  const steps = b - a <= 2 ? [1, 2, 5] : [1];
  const out: number[] = [];
  for (let k = a; k <= b; k++) for (const m of steps) if (k < b || m === 1) out.push(m * 10 ** k);
  return out;
}

/** Round times in seconds; the short list is used when the long one would crowd the axis. */
const TIME_TICKS = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 60, 120, 300, 600, 1200, 3600, 7200];
const FEW_TIME_TICKS = [0.1, 1, 10, 60, 600, 3600];

function timeTicks(a: number, b: number): number[] {
  const inRange = (v: number) => v >= 10 ** a - 1e-9 && v <= 10 ** b + 1e-9;
  const many = TIME_TICKS.filter(inRange);
  return many.length <= 8 ? many : FEW_TIME_TICKS.filter(inRange);
}

/** "10 s", "2 min", "1 h". */
function timeLabel(seconds: number, lang: LessonLang): string {
  const n = (v: number) => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(v);
  if (seconds < 60) return `${n(seconds)} s`;
  if (seconds < 3600) return `${n(seconds / 60)} min`;
  return `${n(seconds / 3600)} h`;
}

/** "10K", "1M" (en); "10 tys.", "1 mln" (pl). */
function countLabel(value: number, lang: LessonLang): string {
  return new Intl.NumberFormat(lang, { notation: 'compact' }).format(value);
}

function logScale(a: number, b: number, x: number, width: number) {
  return (value: number) => x + ((Math.log10(Math.max(value, 1e-9)) - a) / (b - a)) * width;
}

/** Accuracy steps between gridlines, the finest that gives at most five gaps. */
const ACC_STEPS = [0.01, 0.02, 0.05, 0.1, 0.2];

/** The accuracy range shown: round values a little below the lowest and above the highest point. */
function accuracyAxis(points: readonly LadderPoint[]): { lo: number; hi: number; step: number } {
  const accs = points.map((p) => p.valAcc);
  const low = Math.min(...accs);
  const high = Math.max(...accs);
  const span = Math.max(high - low, 0.02);
  const step = ACC_STEPS.find((s) => span / s <= 5) ?? 0.2;
  const lo = Math.max(0, Math.floor((low - step / 2) / step) * step);
  const hi = Math.min(1, Math.ceil((high + step / 2) / step) * step);
  return { lo, hi, step };
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Lays the ladder out for `points` (steps in order first, then challenge networks). */
export function ladderLayout(
  points: readonly LadderPoint[],
  lang: LessonLang,
  budget: number | null = null,
  size = LADDER_SIZE,
): LadderLayout {
  const panelWidth = (size.width - MARGIN.left - MARGIN.right - MARGIN.gap) / 2;
  const top = MARGIN.top;
  const plotHeight = size.height - MARGIN.top - MARGIN.bottom;
  const params = points.map((p) => Math.max(p.params, 1));
  const [pa, pb] = decades(
    Math.min(...params, budget ?? Infinity),
    Math.max(...params, budget ?? 0, 10),
  );
  const seconds = points.map((p) => Math.max(p.seconds, 0.1));
  const [ta, tb] = decades(Math.min(...seconds), Math.max(...seconds));
  const px = logScale(pa, pb, MARGIN.left, panelWidth);
  const timeX = MARGIN.left + panelWidth + MARGIN.gap;
  const tx = logScale(ta, tb, timeX, panelWidth);
  const acc = accuracyAxis(points);
  const y = (v: number) => top + (1 - (v - acc.lo) / (acc.hi - acc.lo)) * plotHeight;
  const yTicks: { at: number; value: number }[] = [];
  const gaps = Math.round((acc.hi - acc.lo) / acc.step);
  for (let k = 0; k <= gaps; k++) {
    const v = Math.round((acc.lo + k * acc.step) * 1000) / 1000;
    yTicks.push({ at: round(y(v)), value: v });
  }

  const placed = points.map((p) => ({
    ...p,
    px: round(px(p.params)),
    tx: round(tx(Math.max(p.seconds, 0.1))),
    y: round(y(p.valAcc)),
  }));
  const steps = placed.filter((p) => p.step !== null);
  const line = (key: 'px' | 'tx') => steps.map((p) => `${p[key]},${p.y}`).join(' ');
  return {
    width: size.width,
    height: size.height,
    top,
    plotHeight,
    params: {
      x: MARGIN.left,
      width: panelWidth,
      ticks: paramTicks(pa, pb).map((v) => ({ at: round(px(v)), label: countLabel(v, lang) })),
    },
    time: {
      x: timeX,
      width: panelWidth,
      ticks: timeTicks(ta, tb).map((v) => ({ at: round(tx(v)), label: timeLabel(v, lang) })),
    },
    yTicks,
    points: placed,
    stepLine: { params: line('px'), time: line('tx') },
    budgetX: budget === null ? null : round(px(budget)),
  };
}
