// `letter-lab runs` and `letter-lab compare`: the lab notebook's recorded training runs, read from
// the user data folder (LETTER_LAB_HOME, else the default one) without starting the app.

import path from 'node:path';
import type { RunComparison, RunEntry } from '../../contract/runs';
import { LetterLabError } from '../../core/errors';
import { MAX_COMPARE, MIN_COMPARE, RunStore, compareRuns, percent } from '../../core/runs';
import { defaultUserDataDir } from '../../host/paths';
import { RUNS_FOLDER } from '../../host/runs';
import { json, parseCommandArgs, type Command } from '../command';

function store(): RunStore {
  return new RunStore(path.join(defaultUserDataDir(), RUNS_FOLDER));
}

function listJson(entries: RunEntry[]) {
  return entries.map((e) => {
    const r = e.record;
    return {
      id: e.id,
      name: r?.name ?? null,
      starred: r?.starred ?? false,
      status: r?.status ?? null,
      startedAt: r?.startedAt ?? null,
      network: r?.spec.name ?? null,
      params: r?.params ?? null,
      epochs: r ? r.history.length : null,
      bestValAcc: r?.bestValAcc ?? null,
      bestEpoch: r?.bestEpoch ?? null,
      finalValAcc: r?.finalValAcc ?? null,
      seconds: r ? Math.round(r.seconds * 10) / 10 : null,
      backend: r?.backend ?? null,
      dataset: r?.dataset ?? null,
      note: r?.note ?? null,
      verdict: e.verdict ? { kind: e.verdict.kind, text: e.verdict.text.en } : null,
      modelDir: e.modelDir,
      path: e.path,
      problem: e.problem,
    };
  });
}

const count = (n: number) => n.toLocaleString('en-US');

/** "letters: notMNIST_small.mat, 14,979 for training and 3,745 for testing" (the app's words). */
function lettersLine(r: NonNullable<RunEntry['record']>): string {
  const d = r.dataset;
  if (!d) return '    letters: not recorded';
  return `    letters: ${d.label}, ${count(d.train)} for training and ${count(d.test)} for testing`;
}

function listText(entries: RunEntry[], root: string): string {
  if (entries.length === 0) return `No recorded runs in ${root}.`;
  return entries
    .map((e) => {
      const r = e.record;
      if (!r) return `  ${e.id}\n    problem: ${e.problem}`;
      const star = r.starred ? '*' : ' ';
      const best = percent(r.bestValAcc, 'en');
      return [
        `${star} ${e.id}  ${r.name}`,
        `    ${r.status}, ${r.history.length} epochs, best validation accuracy ${best}, ${r.params} parameters`,
        lettersLine(r),
        `    ${e.verdict?.text.en ?? ''}`,
      ].join('\n');
    })
    .join('\n');
}

export const runsCommand: Command = {
  name: 'runs',
  summary: 'The lab notebook: every recorded training run, newest first.',
  usage: 'letter-lab runs [--json]',
  async run(args, io) {
    const { values } = parseCommandArgs(this, args, { json: { type: 'boolean' } });
    const runs = store();
    const entries = await runs.list();
    io.out(values.json ? json(listJson(entries)) : listText(entries, runs.root));
  },
};

/** The run `wanted` names: its id, or the start of exactly one id. */
function resolveId(entries: RunEntry[], wanted: string): string {
  if (entries.some((e) => e.id === wanted)) return wanted;
  const matches = entries.filter((e) => e.id.startsWith(wanted));
  if (matches.length === 1) return matches[0].id;
  if (matches.length > 1) {
    throw new LetterLabError(
      'runs.ambiguous',
      `${JSON.stringify(wanted)} is the start of ${matches.length} run ids (${matches
        .slice(0, 3)
        .map((m) => m.id)
        .join(', ')}…): give more of the id.`,
    );
  }
  throw new LetterLabError(
    'runs.not-found',
    `There is no recorded run ${JSON.stringify(wanted)}: \`letter-lab runs\` lists them.`,
  );
}

function compareText(c: RunComparison): string {
  const lines = c.rows.map(
    (r) =>
      `${r.id}  ${r.name}: ${r.params} parameters, ${r.epochs} epochs, best validation accuracy ${percent(r.bestValAcc, 'en')}` +
      (r.secondsPerEpoch === null ? '' : `, ${r.secondsPerEpoch.toFixed(1)} s per epoch`),
  );
  for (const step of c.changes) {
    lines.push(`${step.from} → ${step.to}:`);
    lines.push(...(step.changes.length ? step.changes.map((x) => `  ${x.text}`) : ['  no change']));
  }
  if (!c.sameData)
    lines.push('Note: these runs did not all learn from the same letters and split.');
  return lines.join('\n');
}

export const compareCommand: Command = {
  name: 'compare',
  summary: 'Two or more recorded runs side by side, and what changed between their networks.',
  usage: 'letter-lab compare RUN RUN... [--json] [--lang en|pl]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      this,
      args,
      { json: { type: 'boolean' }, lang: { type: 'string' } },
      true,
    );
    const lang = values.lang ?? 'en';
    if (lang !== 'en' && lang !== 'pl') {
      throw new LetterLabError(
        'cli.usage',
        `--lang must be en or pl, got ${JSON.stringify(lang)}.`,
      );
    }
    if (positionals.length < MIN_COMPARE || positionals.length > MAX_COMPARE) {
      throw new LetterLabError(
        'cli.usage',
        `Give ${MIN_COMPARE} to ${MAX_COMPARE} run ids, got ${positionals.length}. Usage: ${this.usage}`,
      );
    }
    const runs = store();
    const entries = await runs.list();
    const ids = positionals.map((p) => resolveId(entries, p));
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) throw new LetterLabError('cli.usage', `Run ${twice} is given twice.`);
    const records = await Promise.all(ids.map((id) => runs.read(id)));
    const comparison = compareRuns(records, lang);
    io.out(values.json ? json(comparison) : compareText(comparison));
  },
};
