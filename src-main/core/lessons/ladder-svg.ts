// The ladder as one self-contained SVG string, for the HTML reports (no scripts, no styles from
// outside: presentation attributes only, so it shows the same in any browser, offline).

import { escapeXml } from '../text/escape';
import type { LessonLang } from './format';
import { formatAccuracy } from './format';
import { ladderLayout, type LadderLayout } from './ladder';
import type { LadderPoint } from '../../contract/lessons';

export interface LadderLabels {
  params: string;
  time: string;
  accuracy: string;
  budget: string;
  /** The whole picture in one sentence, for screen readers. */
  title: string;
}

export const STEP_COLOR = '#1f5fbf';
export const OWN_COLOR = '#b4470b';
const GRID = '#d5dae3';
const MUTED = '#4a5263';

function text(x: number, y: number, body: string, extra = '', fill = MUTED): string {
  return `<text x="${x}" y="${y}" font-size="11" fill="${fill}"${extra}>${escapeXml(body)}</text>`;
}

function axes(l: LadderLayout, lang: LessonLang, labels: LadderLabels): string {
  const bottom = l.top + l.plotHeight;
  const out: string[] = [];
  for (const panel of [l.params, l.time]) {
    for (const t of l.yTicks) {
      out.push(
        `<line x1="${panel.x}" x2="${panel.x + panel.width}" y1="${t.at}" y2="${t.at}" stroke="${GRID}"/>`,
      );
    }
    for (const t of panel.ticks) {
      out.push(`<line x1="${t.at}" x2="${t.at}" y1="${l.top}" y2="${bottom}" stroke="${GRID}"/>`);
      out.push(text(t.at, bottom + 14, t.label, ' text-anchor="middle"'));
    }
    out.push(
      `<rect x="${panel.x}" y="${l.top}" width="${panel.width}" height="${l.plotHeight}" fill="none" stroke="${MUTED}"/>`,
    );
  }
  for (const t of l.yTicks) {
    out.push(
      text(
        l.params.x - 6,
        t.at + 4,
        formatAccuracy(t.value, lang).replace(/[.,]0(?=\s?%)/, ''),
        ' text-anchor="end"',
      ),
    );
  }
  out.push(
    text(
      l.params.x + l.params.width / 2,
      l.height - 6,
      labels.params,
      ' text-anchor="middle" font-weight="bold"',
    ),
  );
  out.push(
    text(
      l.time.x + l.time.width / 2,
      l.height - 6,
      labels.time,
      ' text-anchor="middle" font-weight="bold"',
    ),
  );
  out.push(
    `<text transform="translate(13 ${l.top + l.plotHeight / 2}) rotate(-90)" font-size="11" fill="${MUTED}" text-anchor="middle" font-weight="bold">${escapeXml(labels.accuracy)}</text>`,
  );
  return out.join('');
}

function marks(l: LadderLayout): string {
  const out: string[] = [];
  for (const key of ['params', 'time'] as const) {
    const line = l.stepLine[key];
    if (line.includes(' ')) {
      out.push(`<polyline points="${line}" fill="none" stroke="${STEP_COLOR}" stroke-width="2"/>`);
    }
  }
  for (const p of l.points) {
    for (const x of [p.px, p.tx]) {
      if (p.step === null) {
        const d = `M${x} ${p.y - 7}L${x + 7} ${p.y}L${x} ${p.y + 7}L${x - 7} ${p.y}Z`;
        out.push(`<path d="${d}" fill="${OWN_COLOR}" stroke="#fff"/>`);
      } else {
        out.push(`<circle cx="${x}" cy="${p.y}" r="8" fill="${STEP_COLOR}" stroke="#fff"/>`);
        out.push(
          `<text x="${x}" y="${p.y + 4}" font-size="11" font-weight="bold" fill="#fff" text-anchor="middle">${p.number}</text>`,
        );
      }
    }
  }
  return out.join('');
}

/** The ladder of `points` as an SVG element (empty string when there is nothing to plot). */
export function ladderSvg(
  points: readonly LadderPoint[],
  lang: LessonLang,
  labels: LadderLabels,
  budget: number | null = null,
): string {
  if (points.length === 0) return '';
  const l = ladderLayout(points, lang, budget);
  const bottom = l.top + l.plotHeight;
  const budgetLine =
    l.budgetX === null || l.budgetX < l.params.x || l.budgetX > l.params.x + l.params.width
      ? ''
      : `<line x1="${l.budgetX}" x2="${l.budgetX}" y1="${l.top}" y2="${bottom}" stroke="${OWN_COLOR}" stroke-dasharray="6 4" stroke-width="1.5"/>` +
        text(l.budgetX + 4, l.top + 12, labels.budget, '', OWN_COLOR);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${l.width} ${l.height}" width="${l.width}" height="${l.height}" role="img" aria-label="${escapeXml(labels.title)}" font-family="'Noto Sans', system-ui, sans-serif">` +
    `<rect width="${l.width}" height="${l.height}" fill="#fff"/>` +
    axes(l, lang, labels) +
    budgetLine +
    marks(l) +
    `</svg>`
  );
}
