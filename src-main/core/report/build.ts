// Puts the lessons' report together from recorded runs: each network's record, its saved model's
// answers on the same few test letters, the letters' description; then the pure HTML writer.

import type { RunRecord } from '../../contract/runs';
import type { SplitImageSet } from '../dataset/types';
import {
  notebookReportHtml,
  type LessonLang,
  type LessonStep,
  type ReportNetwork,
} from '../lessons';
import { predictionLetters, savedModelRows } from './predictions';

export interface ReportRun {
  /** The lesson step the run trained, or null for a camper's own network. */
  step: LessonStep | null;
  record: RunRecord;
  /** The run's saved model folder, or null. */
  modelDir: string | null;
}

export interface BuildReportOptions {
  lang: LessonLang;
  backend: string;
  /** The letters the runs learned from, with their split. */
  set: SplitImageSet;
  label: string;
  runs: ReportRun[];
  budget: number | null;
  madeAt?: string;
}

function nameOf(run: ReportRun, lang: LessonLang): string {
  if (!run.step) return run.record.name;
  return lang === 'pl' ? run.step.preset.pl.name : run.step.preset.name;
}

/** The report as one HTML document; networks whose model cannot be loaded show no answers. */
export async function buildReport(options: BuildReportOptions): Promise<string> {
  const { set, lang } = options;
  const letters = predictionLetters(set);
  const networks: ReportNetwork[] = [];
  for (const run of options.runs) {
    networks.push({
      step: run.step ? { id: run.step.id, number: run.step.number } : null,
      name: nameOf(run, lang),
      record: run.record,
      predictions: await savedModelRows(run.modelDir, set, letters),
    });
  }
  return notebookReportHtml({
    lang,
    madeAt: options.madeAt ?? new Date().toISOString(),
    backend: options.backend,
    letters: {
      label: options.label,
      train: set.train.length,
      test: set.test.length,
      seed: set.seed,
    },
    classNames: set.classNames,
    networks,
    budget: options.budget,
  });
}

/** "letter-lab-notebook-2025-06-12-1405.html" */
export function reportFileName(madeAt: string, prefix = 'letter-lab-notebook'): string {
  const stamp = madeAt.slice(0, 16).replace('T', '-').replace(':', '');
  return `${prefix}-${stamp}.html`;
}
