// `letter-lab notebook`: the notebook's eight networks trained in its order with its settings (or
// N epochs each), each in a training process as the app trains, each recorded in the lab notebook,
// then one offline HTML report: every network's layers, curves and show_predictions, and the
// ladder. A teacher runs it the night before camp to see what each laptop will show.

import { randomBytes } from 'node:crypto';
import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunDataset, RunRecord } from '../../contract/runs';
import type { BatchProgress, EpochRecord } from '../../contract/training';
import { initBackend } from '../../core/backend';
import { loadDataset } from '../../core/dataset/load';
import { LetterLabError } from '../../core/errors';
import {
  LESSON_STEPS,
  formatAccuracy,
  formatCount,
  stepSpec,
  trainingSeconds,
  type LessonLang,
  type LessonStep,
} from '../../core/lessons';
import { buildReport, reportFileName, type ReportRun } from '../../core/report/build';
import { RunStore, buildRecord } from '../../core/runs';
import { summarize } from '../../core/spec';
import { defaultUserDataDir } from '../../host/paths';
import { RUNS_FOLDER } from '../../host/runs';
import { intOption, json, parseCommandArgs, type CliIo, type Command } from '../command';
import { runTrainer } from '../train-runner';
import { checkMat } from './train';

const MAX_EPOCHS = 1000;
const SPLIT_SEED = 42;
const TEST_FRACTION = 0.2;
const SEED = 42;
/** A progress line every this share of an epoch's batches. */
const PROGRESS_STEP = 0.25;

const epochsText = (n: number) => `${n} ${n === 1 ? 'epoch' : 'epochs'}`;

/** The report's path: an HTML file in an existing folder (an old file there is replaced). */
async function reportPath(value: string | undefined, madeAt: string): Promise<string> {
  const file = path.resolve(value ?? reportFileName(madeAt));
  const folder = await stat(path.dirname(file)).catch(() => null);
  if (!folder?.isDirectory()) {
    throw new LetterLabError(
      'cli.usage',
      `--report ${file}: the folder ${path.dirname(file)} does not exist; create it or give another path.`,
    );
  }
  const existing = await stat(file).catch(() => null);
  if (existing && !existing.isFile()) {
    throw new LetterLabError('cli.usage', `--report ${file} is a folder; give a file name.`);
  }
  return file;
}

function lessonLang(value: string | undefined): LessonLang {
  if (value === undefined || value === 'en' || value === 'pl') return value ?? 'en';
  throw new LetterLabError('cli.usage', `--lang must be en or pl, got ${JSON.stringify(value)}.`);
}

function newRunId(step: LessonStep): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  return `${stamp}-${step.id}-${randomBytes(2).toString('hex')}`;
}

interface Trained {
  step: LessonStep;
  record: RunRecord;
  modelDir: string;
}

interface StepContext {
  io: CliIo;
  mat: string;
  epochs: number | null;
  lang: LessonLang;
  runs: RunStore;
  dataset: RunDataset;
  /** Set when the teacher pressed Ctrl+C: the current network stops, the rest are skipped. */
  stopping: { now: boolean; stop?: () => void };
}

function epochLine(tag: string, r: EpochRecord, total: number): string {
  const val =
    r.valAcc === null ? '' : `  val_loss ${r.valLoss?.toFixed(4)}  val_acc ${r.valAcc.toFixed(4)}`;
  return `${tag} epoch ${r.epoch}/${total}  loss ${r.loss.toFixed(4)}  acc ${r.acc.toFixed(4)}${val}  ${r.seconds.toFixed(1)} s`;
}

function batchLine(tag: string, p: BatchProgress, total: number): string {
  const share = Math.round((p.batch / p.batches) * 100);
  return `${tag} epoch ${p.epoch}/${total}  ${String(share).padStart(3)}%  loss ${p.loss.toFixed(4)}  acc ${p.acc.toFixed(4)}`;
}

/** Trains one step in a training process and records it; never throws for a failed run. */
async function trainStep(step: LessonStep, c: StepContext): Promise<Trained> {
  const name = c.lang === 'pl' ? step.preset.pl.name : step.preset.name;
  const epochs = c.epochs ?? step.preset.spec.compile.epochs;
  const spec = stepSpec(step, epochs, name);
  const tag = `[${step.number}/${LESSON_STEPS.length}]`;
  const runId = newRunId(step);
  const modelDir = path.join(c.runs.root, runId, 'model');
  const startedAt = new Date().toISOString();
  c.io.progress(
    `${tag} ${name}: ${epochsText(epochs)}, ${spec.compile.optimizer}, ` +
      `${formatCount(summarize(spec).totalParams, 'en')} parameters…`,
  );
  let nextShare = PROGRESS_STEP;
  const history: EpochRecord[] = [];
  let backend: RunRecord['backend'] = null;
  let status: RunRecord['status'] = 'finished';
  let message: string | null = null;
  const run = runTrainer(
    {
      type: 'start',
      runId,
      datasetPath: c.mat,
      splitSeed: SPLIT_SEED,
      testFraction: TEST_FRACTION,
      spec,
      seed: SEED,
      resumeFrom: null,
      initialEpoch: 0,
      epochs,
      saveDir: modelDir,
      history: [],
    },
    {
      onReady: (b) => (backend = b),
      onBatch: (p) => {
        if (p.batch === 1) nextShare = PROGRESS_STEP;
        const share = p.batch / p.batches;
        if (share + 1e-9 < nextShare || p.batch === p.batches) return;
        while (nextShare <= share + 1e-9) nextShare += PROGRESS_STEP;
        c.io.progress(batchLine(tag, p, epochs));
      },
      onEpoch: (r) => {
        history.push(r);
        c.io.progress(epochLine(tag, r, epochs));
      },
    },
  );
  c.stopping.stop = () => run.stop();
  if (c.stopping.now) run.stop();
  try {
    const result = await run.done;
    history.splice(0, history.length, ...result.history);
    if (result.stopped) status = 'stopped';
  } catch (err) {
    status = 'failed';
    message = (err as Error).message;
    c.io.progress(`${tag} ${name} failed: ${message}`);
  } finally {
    c.stopping.stop = undefined;
  }
  const record = buildRecord(
    { runId, spec, history, backend, status, message, savedEpoch: history.length },
    { startedAt, endedAt: new Date().toISOString(), dataset: c.dataset },
    null,
  );
  await c.runs.write(record);
  if (status === 'finished') {
    c.io.progress(
      `${tag} ${name}: test accuracy ${formatAccuracy(record.finalValAcc ?? 0, 'en')} after ` +
        `${epochsText(history.length)}, ${trainingSeconds(record).toFixed(1)} s of training (run ${runId}).`,
    );
  }
  return { step, record, modelDir };
}

function textReport(trained: Trained[], report: string): string {
  const rows = trained.map(({ step, record }) => {
    const acc = record.finalValAcc === null ? '     –' : formatAccuracy(record.finalValAcc, 'en');
    return (
      `${String(step.number).padStart(4)}  ${step.id.padEnd(22)}  ${String(record.params).padStart(8)}` +
      `  ${acc.padStart(6)}  ${trainingSeconds(record).toFixed(1).padStart(8)}  ${record.status}`
    );
  });
  return [
    'step  preset                  params  val_acc  seconds  status',
    ...rows,
    `report ${report}`,
  ].join('\n');
}

export const notebookCommand: Command = {
  name: 'notebook',
  summary:
    'Train the notebook’s eight networks in order, record each in the lab notebook and write one HTML report with the ladder.',
  usage: 'letter-lab notebook --mat FILE [--epochs N] [--report OUT.html] [--json] [--lang en|pl]',
  async run(args, io) {
    const { values } = parseCommandArgs(this, args, {
      mat: { type: 'string' },
      epochs: { type: 'string' },
      report: { type: 'string' },
      json: { type: 'boolean' },
      lang: { type: 'string' },
    });
    const mat = await checkMat(values.mat, this.usage);
    const epochs =
      values.epochs === undefined ? null : intOption('epochs', values.epochs, 0, 1, MAX_EPOCHS);
    const lang = lessonLang(values.lang);
    const madeAt = new Date().toISOString();
    const report = await reportPath(values.report, madeAt);

    // Nothing on stderr before the file is read: bad input leaves only its one error line.
    const backend = await initBackend('auto');
    const { set, info } = await loadDataset(mat, { seed: SPLIT_SEED, testFraction: TEST_FRACTION });
    io.progress(
      `${info.fileName}: ${formatCount(set.count, 'en')} letters, ${formatCount(set.train.length, 'en')} ` +
        `for training and ${formatCount(set.test.length, 'en')} for testing. Training ${LESSON_STEPS.length} networks…`,
    );
    const runs = new RunStore(path.join(defaultUserDataDir(), RUNS_FOLDER));
    const dataset: RunDataset = {
      label: info.fileName,
      fileName: info.fileName,
      fingerprint: info.fingerprint,
      splitSeed: SPLIT_SEED,
      testFraction: TEST_FRACTION,
      train: set.train.length,
      test: set.test.length,
    };
    const stopping: StepContext['stopping'] = { now: false };
    const onSigint = () => {
      io.progress('Stopping after this batch; the networks not started yet are skipped…');
      stopping.now = true;
      stopping.stop?.();
    };
    process.on('SIGINT', onSigint);
    const trained: Trained[] = [];
    try {
      for (const step of LESSON_STEPS) {
        if (stopping.now) break;
        trained.push(await trainStep(step, { io, mat, epochs, lang, runs, dataset, stopping }));
      }
    } finally {
      process.off('SIGINT', onSigint);
    }

    io.progress('Writing the report…');
    const reportRuns: ReportRun[] = trained.map(({ step, record, modelDir }) => ({
      step,
      record,
      modelDir,
    }));
    const html = await buildReport({
      lang,
      backend: backend.name,
      set,
      label: info.fileName,
      runs: reportRuns,
      budget: null,
      madeAt,
    });
    await writeFile(report, html);
    const models = trained.map(({ step, record }) => ({
      preset: step.id,
      name: record.name,
      params: record.params,
      valAcc: record.finalValAcc,
      seconds: Math.round(trainingSeconds(record) * 10) / 10,
      epochs: record.history.length,
      status: record.status,
      runId: record.id,
    }));
    io.out(values.json ? json({ models, report }) : textReport(trained, report));
    const failed = trained.filter((t) => t.record.status === 'failed');
    if (failed.length > 0) {
      throw new LetterLabError(
        'training.crashed',
        `${failed.length} of ${trained.length} networks did not train (${failed
          .map((t) => `${t.step.id}: ${t.record.message}`)
          .join('; ')}); the report shows the others.`,
      );
    }
  },
};
