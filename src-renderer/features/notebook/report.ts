// The run report a camper takes home: one self-contained HTML file (styles inline, the charts as
// PNG data URLs) with the summary table, what changed between the runs, what happened in each
// run, and each network's layers. Pure: texts come in through `t`, pictures as data URLs.
import { datasetLabel } from '../dataset/format';
import type { RunComparison, RunRecord } from '../../../src-main/contract/runs';
import { escapeXml as escapeHtml } from '../../../src-main/core/text/escape';
import { summarize, summaryText } from '../../../src-main/core/spec';
import type { LadderPoint } from '../../../src-main/contract/lessons';
import { ladderPointOf, ladderSvg } from '../../../src-main/core/lessons';
import type { MessageKey } from '../../lib/i18n/en';
import { formatDate, formatInteger, formatPercent, formatSeconds } from './format';
import { runStyle } from './run-styles';

export interface ReportInput {
  lang: 'en' | 'pl';
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** ISO time the report was made. */
  madeAt: string;
  /** Oldest first, in the charts' styles. */
  runs: RunRecord[];
  /** The "what happened" sentence of each run, by id, in `lang`. */
  verdicts: Record<string, string>;
  comparison: RunComparison | null;
  /** The charts as PNG data URLs, or null when they could not be drawn. */
  charts: { loss: string; acc: string } | null;
}

const PNG_DATA_URL = /^data:image\/png;base64,[A-Za-z0-9+/=]+$/;

const STYLE = `
body { font-family: 'Noto Sans', system-ui, sans-serif; color: #1b1f2a; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #c9cfdb; }
h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
.muted { color: #4a5263; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0; }
th, td { border: 1px solid #c9cfdb; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.ladder svg { max-width: 100%; height: auto; }
.charts img { width: 100%; max-width: 40rem; display: block; margin: 0.5rem 0 1rem; border: 1px solid #c9cfdb; }
.swatch { display: inline-block; width: 2.2rem; height: 0; border-top-width: 3px; margin-right: 0.4rem; vertical-align: middle; }
.verdict { border-left: 4px solid #1f5fbf; padding: 0.3rem 0.6rem; background: #f6f7fb; }
pre { background: #f6f7fb; border: 1px solid #c9cfdb; padding: 0.5rem; overflow-x: auto; font-size: 0.8rem; }
@media print { body { margin: 0; } h2 { break-after: avoid; } section.run { break-inside: avoid; } }
`;

function swatch(index: number): string {
  const style = runStyle(index);
  const border = style.dash.length ? 'dashed' : 'solid';
  return `<span class="swatch" style="border-top-style:${border};border-top-color:${style.color}" aria-hidden="true"></span>`;
}

function table(input: ReportInput): string {
  const { t, lang } = input;
  const rows = input.runs.map((r, i) => {
    const row = input.comparison?.rows.find((x) => x.id === r.id);
    const best =
      r.bestValAcc === null
        ? '–'
        : `${formatPercent(r.bestValAcc, lang)} (${t('notebook.table.epochN', { epoch: r.bestEpoch ?? 0 })})`;
    return `<tr><td>${swatch(i)}${escapeHtml(r.name)}</td><td>${escapeHtml(r.spec.name)}</td>
<td class="num">${formatInteger(r.params, lang)}</td><td class="num">${r.history.length}</td>
<td class="num">${best}</td><td class="num">${formatPercent(r.finalValAcc, lang)}</td>
<td class="num">${formatSeconds(row?.secondsPerEpoch ?? null, lang)}</td></tr>`;
  });
  const heads: MessageKey[] = [
    'notebook.table.run',
    'notebook.table.network',
    'notebook.table.params',
    'notebook.table.epochs',
    'notebook.table.best',
    'notebook.table.final',
    'notebook.table.perEpoch',
  ];
  return `<table><thead><tr>${heads.map((k) => `<th scope="col">${escapeHtml(t(k))}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function changes(input: ReportInput): string {
  const c = input.comparison;
  if (!c || c.changes.length === 0) return '';
  const name = (id: string) => input.runs.find((r) => r.id === id)?.name ?? id;
  const steps = c.changes.map((step) => {
    const items = step.changes.length
      ? step.changes.map((x) => `<li>${escapeHtml(x.text)}</li>`).join('')
      : `<li>${escapeHtml(input.t('notebook.changes.none'))}</li>`;
    const title = input.t('notebook.changes.step', { from: name(step.from), to: name(step.to) });
    return `<h3>${escapeHtml(title)}</h3><ul>${items}</ul>`;
  });
  const warning = c.sameData
    ? ''
    : `<p><strong>${escapeHtml(input.t('notebook.changes.otherData'))}</strong></p>`;
  return `<h2>${escapeHtml(input.t('notebook.changes.title'))}</h2>${warning}${steps.join('\n')}`;
}

/** The compared runs on the Lessons' ladder: accuracy against parameters and training time. */
function ladder(input: ReportInput): string {
  const { t, lang } = input;
  const points = input.runs.map(ladderPointOf).filter((p): p is LadderPoint => p !== null);
  const svg = ladderSvg(points, lang, {
    params: t('lessons.ladder.params'),
    time: t('lessons.ladder.time'),
    accuracy: t('lessons.ladder.acc'),
    budget: '',
    title: t('lessons.ladder.picture'),
  });
  if (!svg) return '';
  return `<h2>${escapeHtml(t('lessons.ladder.title'))}</h2>
<p class="muted">${escapeHtml(t('lessons.ladder.intro'))} ${escapeHtml(t('lessons.ladder.key.steps'))}; ${escapeHtml(t('lessons.ladder.key.own'))}.</p>
<div class="ladder">${svg}</div>`;
}

function runSection(input: ReportInput, r: RunRecord, index: number): string {
  const { t, lang } = input;
  const c = r.compile;
  const facts = [
    t('notebook.report.started', { date: formatDate(r.startedAt, lang) }),
    r.status === 'stopped' && r.stoppedAt
      ? t('notebook.run.stoppedAt', { ...r.stoppedAt, kept: r.savedEpoch })
      : t(`notebook.status.${r.status}`),
    r.dataset
      ? t('notebook.report.letters', {
          label: datasetLabel(r.dataset, lang, t),
          train: formatInteger(r.dataset.train, lang),
          test: formatInteger(r.dataset.test, lang),
        })
      : '',
    t('notebook.report.compile', {
      optimizer: c.optimizer,
      rate: c.learningRate,
      batch: c.batchSize,
    }),
  ].filter((x) => x !== '');
  const note = r.note.trim()
    ? `<p><strong>${escapeHtml(t('notebook.note.label'))}:</strong> ${escapeHtml(r.note)}</p>`
    : '';
  const verdict = input.verdicts[r.id] ?? '';
  return `<section class="run"><h3>${swatch(index)}${escapeHtml(r.name)}</h3>
<p class="muted">${facts.map(escapeHtml).join(' · ')}</p>
<p class="verdict">${escapeHtml(verdict)}</p>${note}
<pre>${escapeHtml(summaryText(summarize(r.spec), r.spec))}</pre></section>`;
}

/** The whole report as one HTML document. */
export function reportHtml(input: ReportInput): string {
  const { t, lang } = input;
  const charts =
    input.charts && PNG_DATA_URL.test(input.charts.loss) && PNG_DATA_URL.test(input.charts.acc)
      ? `<div class="charts"><h3>${escapeHtml(t('notebook.chart.loss'))}</h3><img alt="${escapeHtml(t('notebook.chart.loss'))}" src="${input.charts.loss}">
<h3>${escapeHtml(t('notebook.chart.acc'))}</h3><img alt="${escapeHtml(t('notebook.chart.acc'))}" src="${input.charts.acc}"></div>`
      : '';
  const title = t('notebook.report.title');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="muted">${escapeHtml(t('notebook.report.made', { date: formatDate(input.madeAt, lang) }))}</p>
<h2>${escapeHtml(t('notebook.report.summary'))}</h2>
${table(input)}
${charts}
${ladder(input)}
${changes(input)}
<h2>${escapeHtml(t('notebook.report.runs'))}</h2>
${input.runs.map((r, i) => runSection(input, r, i)).join('\n')}
</body>
</html>
`;
}

/** "letter-lab-report-2025-06-12-1405.html" */
export function reportFileName(madeAt: string): string {
  const stamp = madeAt
    .slice(0, 16)
    .replace(/[T:]/g, '-')
    .replace(/-(\d\d)-(\d\d)$/, '-$1$2');
  return `letter-lab-report-${stamp}.html`;
}

/** Starts a download of `text` as a file (works in the desktop app and in a browser). */
export function downloadFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
