// The lessons' report: one offline HTML file (styles inline, pictures as SVG and PNG data URLs,
// no scripts) with every network of the notebook in order: an overview table, the ladder, and per
// network its settings, what changed from the one before, its layers (keras-sequential-ascii),
// its learning curves and show_predictions' grid. The same file from `letter-lab notebook` and
// from the Lessons tab. Pure: the caller loads records and predictions.

import type { LadderPoint } from '../../../contract/lessons';
import type { RunRecord } from '../../../contract/runs';
import { summarize, summaryText } from '../../spec';
import { changeSentence } from '../changes';
import { escapeXml as esc } from '../../text/escape';
import { formatAccuracy, formatCount, formatDuration, type LessonLang } from '../format';
import { ladderSvg } from '../ladder-svg';
import { trainingSeconds } from '../results';
import { barsSvg, curveSvg } from './charts';
import { reportText, type ReportKey } from './messages';

/** One row of show_predictions: a test letter, its class and the network's probabilities. */
export interface PredictionRow {
  /** The 28x28 letter as a PNG data URL. */
  image: string;
  truth: number;
  probs: number[];
}

export interface ReportNetwork {
  /** The lesson step it is (id and 1-based number), or null for a camper's own network. */
  step: { id: string; number: number } | null;
  /** The name to show, in the report's language. */
  name: string;
  record: RunRecord;
  /** show_predictions' rows, or null when the saved network could not be used. */
  predictions: PredictionRow[] | null;
}

export interface NotebookReportInput {
  lang: LessonLang;
  /** ISO time the report was made. */
  madeAt: string;
  backend: string;
  letters: { label: string; train: number; test: number; seed: number } | null;
  classNames: string[];
  /** The steps in the notebook's order, then any own networks. */
  networks: ReportNetwork[];
  /** Beat the notebook's budget, shown with the own networks; null leaves it out. */
  budget: number | null;
}

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/=]+$/;

const STYLE = `
body { font-family: 'Noto Sans', system-ui, sans-serif; color: #1b1f2a; max-width: 64rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; margin-top: 2.2rem; border-bottom: 1px solid #c9cfdb; }
h3 { font-size: 1.02rem; margin: 1rem 0 0.3rem; }
.muted { color: #4a5263; }
table { border-collapse: collapse; margin: 0.5rem 0; }
th, td { border: 1px solid #c9cfdb; padding: 0.3rem 0.6rem; text-align: left; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.change { border-left: 4px solid #1f5fbf; padding: 0.3rem 0.6rem; background: #f6f7fb; }
.curves, .grid { display: flex; flex-wrap: wrap; gap: 0.75rem; }
.grid figure { margin: 0; display: flex; gap: 0.5rem; align-items: center; }
.grid img { width: 56px; height: 56px; image-rendering: pixelated; border: 1px solid #c9cfdb; }
svg { max-width: 100%; height: auto; }
pre { background: #f6f7fb; border: 1px solid #c9cfdb; padding: 0.5rem; overflow-x: auto; font-size: 0.78rem; }
@media print { body { margin: 0; } section.network { break-before: page; } }
`;

function t(input: NotebookReportInput, key: ReportKey, params?: Record<string, string | number>) {
  return esc(reportText(input.lang, key, params));
}

function title(input: NotebookReportInput, n: ReportNetwork): string {
  return n.step === null
    ? t(input, 'own', { name: n.name })
    : t(input, 'stepTitle', { n: n.step.number, name: n.name });
}

/** The network's point on the ladder, when its run finished with a test accuracy. */
export function ladderPoint(n: ReportNetwork): LadderPoint | null {
  const r = n.record;
  if (r.status !== 'finished' || r.finalValAcc === null) return null;
  return {
    runId: r.id,
    step: n.step?.id ?? null,
    number: n.step?.number ?? null,
    name: n.name,
    params: r.params,
    valAcc: r.finalValAcc,
    seconds: trainingSeconds(r),
  };
}

function overview(input: NotebookReportInput): string {
  const { lang } = input;
  const rows = input.networks.map((n) => {
    const r = n.record;
    return `<tr><td class="num">${n.step?.number ?? '–'}</td><td>${esc(n.name)}</td>
<td class="num">${formatCount(r.params, lang)}</td><td class="num">${r.history.length}</td>
<td class="num">${r.finalValAcc === null ? '–' : formatAccuracy(r.finalValAcc, lang)}</td>
<td class="num">${formatDuration(trainingSeconds(r), lang)}</td></tr>`;
  });
  const heads: ReportKey[] = ['step', 'network', 'params', 'epochs', 'accuracy', 'time'];
  return `<table><thead><tr>${heads.map((k) => `<th scope="col">${t(input, k)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function challenge(input: NotebookReportInput, points: LadderPoint[]): string {
  const budget = input.budget;
  if (budget === null || !points.some((p) => p.step === null)) return '';
  let best: LadderPoint | null = null;
  for (const p of points) {
    if (p.step !== null && p.params <= budget && (!best || p.valAcc > best.valAcc)) best = p;
  }
  const target = best
    ? `${best.number}. ${best.name}, ${formatAccuracy(best.valAcc, input.lang)}`
    : reportText(input.lang, 'challengeNone');
  return `<h3>${t(input, 'challenge')}</h3><p>${t(input, 'challengeIntro', {
    budget: formatCount(budget, input.lang),
    target,
  })}</p>`;
}

function ladder(input: NotebookReportInput, points: LadderPoint[]): string {
  const hasOwn = points.some((p) => p.step === null);
  const svg = ladderSvg(
    points,
    input.lang,
    {
      params: reportText(input.lang, 'axisParams'),
      time: reportText(input.lang, 'axisTime'),
      accuracy: reportText(input.lang, 'axisAccuracy'),
      budget: reportText(input.lang, 'budget', {
        budget: formatCount(input.budget ?? 0, input.lang),
      }),
      title: reportText(input.lang, 'ladderTitle'),
    },
    hasOwn ? input.budget : null,
  );
  if (!svg) return '';
  return `<h2>${t(input, 'ladder')}</h2><p class="muted">${t(input, 'ladderIntro')}</p>${svg}${challenge(input, points)}`;
}

function facts(input: NotebookReportInput, r: RunRecord): string {
  const { lang } = input;
  const c = r.compile;
  const main = t(input, 'facts', {
    optimizer: c.optimizer,
    rate: new Intl.NumberFormat(lang, { maximumSignificantDigits: 6 }).format(c.learningRate),
    batch: c.batchSize,
    epochs: reportText(lang, r.history.length === 1 ? 'epochCountOne' : 'epochCount', {
      n: r.history.length,
    }),
    params: formatCount(r.params, lang),
    acc: r.finalValAcc === null ? '–' : formatAccuracy(r.finalValAcc, lang),
    time: formatDuration(trainingSeconds(r), lang),
  });
  const unfinished =
    r.status === 'finished'
      ? ''
      : ` <strong>${t(input, 'notFinished', { status: r.status, epochs: r.history.length, target: c.epochs })}</strong>`;
  return `<p class="muted">${main}${unfinished}</p>`;
}

function predictions(input: NotebookReportInput, n: ReportNetwork): string {
  if (!n.predictions) return `<p class="muted">${t(input, 'noPredictions')}</p>`;
  const names = input.classNames;
  const rows = n.predictions.map((row) => {
    const guess = row.probs.reduce((best, p, c) => (p > row.probs[best] ? c : best), 0);
    const alt = reportText(input.lang, 'rowLabel', {
      letter: names[row.truth] ?? row.truth,
      guess: names[guess] ?? guess,
      sure: formatAccuracy(row.probs[guess] ?? 0, input.lang),
    });
    const image = PNG_DATA_URL.test(row.image) ? `<img src="${row.image}" alt="">` : '';
    return `<figure>${image}${barsSvg(row.probs, row.truth, names, alt)}</figure>`;
  });
  return `<h3>${t(input, 'predictions')}</h3><div class="grid">${rows.join('')}</div>`;
}

function section(input: NotebookReportInput, n: ReportNetwork, prev: LadderPoint | null): string {
  const r = n.record;
  const point = ladderPoint(n);
  const change =
    point && prev?.number && n.step
      ? `<p class="change">${esc(changeSentence({ ...prev, number: prev.number }, { ...point, number: n.step.number }, input.lang))}</p>`
      : '';
  const curve = (metric: 'loss' | 'acc') =>
    curveSvg(r.history, metric, {
      title: `${reportText(input.lang, metric)}: ${n.name}`,
      epoch: reportText(input.lang, 'epoch'),
      training: reportText(input.lang, 'training'),
      validation: reportText(input.lang, 'validation'),
    });
  return `<section class="network"><h2>${title(input, n)}</h2>${facts(input, r)}${change}
<h3>${t(input, 'summary')}</h3><pre>${esc(summaryText(summarize(r.spec), r.spec))}</pre>
<h3>${t(input, 'curves')}</h3><div class="curves">${curve('loss')}${curve('acc')}</div>
${predictions(input, n)}</section>`;
}

/** The whole report as one HTML document. */
export function notebookReportHtml(input: NotebookReportInput): string {
  const { lang } = input;
  const points = input.networks.map(ladderPoint).filter((p): p is LadderPoint => p !== null);
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(input.madeAt),
  );
  const letters = input.letters
    ? `<p class="muted">${t(input, 'letters', {
        label: input.letters.label,
        train: formatCount(input.letters.train, lang),
        test: formatCount(input.letters.test, lang),
        seed: input.letters.seed,
      })}</p>`
    : '';
  let prev: LadderPoint | null = null;
  const sections = input.networks.map((n) => {
    const html = section(input, n, prev);
    if (n.step) prev = ladderPoint(n) ?? prev;
    return html;
  });
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t(input, 'title')}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${t(input, 'title')}</h1>
<p class="muted">${t(input, 'made', { date, backend: input.backend })}</p>
${letters}
<h2>${t(input, 'overview')}</h2>
${overview(input)}
${ladder(input, points)}
<p class="muted">${t(input, 'predictionsIntro')}</p>
${sections.join('\n')}
</body>
</html>
`;
}
