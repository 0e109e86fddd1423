// `letter-lab notebook`: the notebook's eight networks trained in its order with its settings (or
// N epochs each), each in a training process as the app trains, each recorded in the lab notebook,
// then one offline HTML report: every network's layers, curves and show_predictions, and the
// ladder. A teacher runs it the night before camp to see what each laptop will show.

import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { RunDataset, RunRecord } from '../../contract/runs';
import type { BatchProgress, EpochRecord } from '../../contract/training';
import { initBackend } from '../../core/backend';
import { loadDataset } from '../../core/dataset/load';
import { SPLIT_METHOD } from '../../core/dataset/split';
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
import { RUN_MODEL_FOLDER, RunStore, RunWriter, newRunId, type LiveRun } from '../../core/runs';
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

/** Trains one step in a training process, recorded as the app records runs; a run that fails is
 * recorded as failed and does not stop the others. */
async function trainStep(step: LessonStep, c: StepContext): Promise<Trained | null> {
  const name = c.lang === 'pl' ? step.preset.pl.name : step.preset.name;
  const epochs = c.epochs ?? step.preset.spec.compile.epochs;
  const spec = stepSpec(step, epochs, name);
  const tag = `[${step.number}/${LESSON_STEPS.length}]`;
  const runId = newRunId();
  const modelDir = path.join(c.runs.folder(runId), RUN_MODEL_FOLDER);
  c.io.progress(
    `${tag} ${name}: ${epochsText(epochs)}, ${spec.compile.optimizer}, ` +
      `${formatCount(summarize(spec).totalParams, 'en')} parameters…`,
  );
  const live: LiveRun = { runId, spec, history: [], backend: null, message: null, savedEpoch: 0 };
  const writer = new RunWriter(c.runs, runId, c.dataset);
  const note = (write: Promise<unknown>) =>
    void write.catch((err: unknown) =>
      c.io.progress(`warning: the lab notebook could not be updated: ${(err as Error).message}`),
    );
  await writer.begin(live);
  let nextShare = PROGRESS_STEP;
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
      onReady: (b) => (live.backend = b),
      onBatch: (p) => {
        if (p.batch === 1) nextShare = PROGRESS_STEP;
        const share = p.batch / p.batches;
        if (share + 1e-9 < nextShare || p.batch === p.batches) return;
        while (nextShare <= share + 1e-9) nextShare += PROGRESS_STEP;
        c.io.progress(batchLine(tag, p, epochs));
      },
      onEpoch: (r) => {
        live.history = [...live.history, r];
        c.io.progress(epochLine(tag, r, epochs));
      },
      onSaved: (epoch) => {
        live.savedEpoch = epoch;
        note(writer.update(live));
      },
    },
  );
  c.stopping.stop = () => run.stop();
  if (c.stopping.now) run.stop();
  let status: RunRecord['status'] = 'finished';
  try {
    const result = await run.done;
    live.history = result.history;
    // A stopped run saved its weights, the partial epoch included.
    if (result.stopped) live.savedEpoch = Math.max(live.savedEpoch, result.history.length);
    if (result.stopped) status = 'stopped';
  } catch (err) {
    status = err instanceof LetterLabError ? 'failed' : 'crashed';
    live.message = (err as Error).message;
    c.io.progress(`${tag} ${name} did not train: ${live.message}`);
  } finally {
    c.stopping.stop = undefined;
  }
  const record = await writer.end({ ...live, status }, live.savedEpoch > 0);
  // A network stopped before its first epoch is not kept, in the notebook or the report.
  if (!record) return null;
  if (status === 'finished') {
    c.io.progress(
      `${tag} ${name}: test accuracy ${formatAccuracy(record.finalValAcc ?? 0, 'en')} after ` +
        `${epochsText(record.history.length)}, ${trainingSeconds(record).toFixed(1)} s of training (run ${runId}).`,
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
      split: SPLIT_METHOD,
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
        const done = await trainStep(step, { io, mat, epochs, lang, runs, dataset, stopping });
        if (done) trained.push(done);
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
      // Three significant digits: a tiny run of 0.04 s must not read as 0 s.
      seconds: Number(trainingSeconds(record).toPrecision(3)),
      epochs: record.history.length,
      status: record.status,
      runId: record.id,
    }));
    io.out(values.json ? json({ models, report }) : textReport(trained, report));
    const failed = trained.filter((t) => ['failed', 'crashed'].includes(t.record.status));
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
