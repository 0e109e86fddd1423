// The report's small pictures as SVG strings: livelossplot-style curves (training and test
// letters per epoch) and show_predictions' bars (the right letter beside the network's answer).

import type { EpochRecord } from '../../../contract/training';
import { escapeXml } from '../../text/escape';

const W = 340;
const H = 200;
const PAD = { left: 44, right: 10, top: 10, bottom: 34 };
const TRAIN = '#1f5fbf';
const TEST = '#b4470b';
const GRID = '#d5dae3';
const MUTED = '#4a5263';

export interface CurveLabels {
  title: string;
  epoch: string;
  training: string;
  validation: string;
}

function label(x: number, y: number, body: string, anchor = 'middle', fill = MUTED): string {
  return `<text x="${x}" y="${y}" font-size="10" fill="${fill}" text-anchor="${anchor}">${escapeXml(body)}</text>`;
}

function finite(v: number | null): v is number {
  return v !== null && Number.isFinite(v);
}

/** Loss from 0 to a round top, in round steps (0.1, 0.2, 0.25, 0.5, 1, 2, 5...). */
function lossAxis(values: number[]): { ticks: number[]; label: (v: number) => string } {
  const max = Math.max(0.1, ...values);
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step - 1e-9; v += step) ticks.push(Math.round(v * 1e6) / 1e6);
  const digits = Math.max(0, -Math.floor(Math.log10(step) + 1e-9) + (step / power === 2.5 ? 1 : 0));
  return { ticks, label: (v) => v.toFixed(digits) };
}

/** Accuracy from a round 10% below the lowest value to 100%, in steps of 10%. */
function accuracyAxis(values: number[]): { ticks: number[]; label: (v: number) => string } {
  const low = Math.max(0, Math.floor(Math.min(1, ...values) * 10) / 10 - 0.1);
  const ticks: number[] = [];
  for (let k = Math.round(low * 10); k <= 10; k++) ticks.push(k / 10);
  return { ticks, label: (v) => `${Math.round(v * 100)}%` };
}

/** Loss or accuracy by epoch, training (solid) and test letters (dashed, with dots). */
export function curveSvg(
  history: readonly EpochRecord[],
  metric: 'loss' | 'acc',
  labels: CurveLabels,
): string {
  const train = history.map((e) => [e.epoch, metric === 'acc' ? e.acc : e.loss] as const);
  const test = history.map((e) => [e.epoch, metric === 'acc' ? e.valAcc : e.valLoss] as const);
  const values = [...train, ...test].map(([, v]) => v).filter(finite);
  const lastEpoch = Math.max(2, history.at(-1)?.epoch ?? 1);
  const axis = metric === 'acc' ? accuracyAxis(values) : lossAxis(values);
  const [bottom, top] = [axis.ticks[0], axis.ticks[axis.ticks.length - 1]];
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (epoch: number) => PAD.left + ((epoch - 1) / (lastEpoch - 1)) * plotW;
  const y = (v: number) => PAD.top + (1 - (v - bottom) / (top - bottom)) * plotH;
  const out: string[] = [];
  for (const v of axis.ticks) {
    const text = axis.label(v);
    out.push(
      `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}" stroke="${GRID}"/>`,
    );
    out.push(label(PAD.left - 4, y(v) + 3, text, 'end'));
  }
  const step = Math.max(1, Math.ceil(lastEpoch / 10));
  for (let e = 1; e <= lastEpoch; e += step) out.push(label(x(e), H - PAD.bottom + 13, String(e)));
  out.push(label(PAD.left + plotW / 2, H - 6, labels.epoch));
  const path = (points: readonly (readonly [number, number | null])[]) =>
    points
      .filter((p): p is readonly [number, number] => finite(p[1]))
      .map(([e, v]) => `${x(e).toFixed(1)},${y(v).toFixed(1)}`)
      .join(' ');
  out.push(`<polyline points="${path(train)}" fill="none" stroke="${TRAIN}" stroke-width="2"/>`);
  out.push(
    `<polyline points="${path(test)}" fill="none" stroke="${TEST}" stroke-width="2" stroke-dasharray="5 3"/>`,
  );
  for (const [e, v] of test) {
    if (finite(v))
      out.push(`<circle cx="${x(e).toFixed(1)}" cy="${y(v).toFixed(1)}" r="2.5" fill="${TEST}"/>`);
  }
  out.push(
    `<line x1="${W - 130}" x2="${W - 110}" y1="${PAD.top + 8}" y2="${PAD.top + 8}" stroke="${TRAIN}" stroke-width="2"/>`,
    label(W - 106, PAD.top + 11, labels.training, 'start', TRAIN),
    `<line x1="${W - 130}" x2="${W - 110}" y1="${PAD.top + 22}" y2="${PAD.top + 22}" stroke="${TEST}" stroke-width="2" stroke-dasharray="5 3"/>`,
    label(W - 106, PAD.top + 25, labels.validation, 'start', TEST),
  );
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${escapeXml(labels.title)}" font-family="'Noto Sans', system-ui, sans-serif">` +
    `<rect width="${W}" height="${H}" fill="#fff"/>${out.join('')}` +
    `<rect x="${PAD.left}" y="${PAD.top}" width="${plotW}" height="${plotH}" fill="none" stroke="${MUTED}"/></svg>`
  );
}

const BAR_W = 250;
const BAR_H = 70;

/** show_predictions' bars for one letter: outlined for the right class, filled for the answer. */
export function barsSvg(
  probs: readonly number[],
  truth: number,
  classNames: readonly string[],
  title: string,
): string {
  const slot = (BAR_W - 4) / probs.length;
  const plotH = BAR_H - 16;
  const out: string[] = [];
  probs.forEach((p, c) => {
    const x = 2 + c * slot;
    if (c === truth) {
      out.push(
        `<rect x="${(x + 1).toFixed(1)}" y="2" width="${(slot - 2).toFixed(1)}" height="${plotH - 2}" fill="none" stroke="${TEST}" stroke-width="2"/>`,
      );
    }
    const h = Math.max(0, Math.min(1, Number.isFinite(p) ? p : 0)) * (plotH - 4);
    out.push(
      `<rect x="${(x + 4).toFixed(1)}" y="${(plotH - h).toFixed(1)}" width="${(slot - 8).toFixed(1)}" height="${h.toFixed(1)}" fill="${TRAIN}"/>`,
    );
    out.push(label(x + slot / 2, BAR_H - 3, classNames[c] ?? String(c)));
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${BAR_W} ${BAR_H}" width="${BAR_W}" height="${BAR_H}" role="img" aria-label="${escapeXml(title)}" font-family="'Noto Sans', system-ui, sans-serif">` +
    `<line x1="0" x2="${BAR_W}" y1="${plotH}" y2="${plotH}" stroke="${MUTED}"/>${out.join('')}</svg>`
  );
}
