// `letter-lab train`: trains a preset or a spec file on a .mat file in a training process, as the
// app does; progress on stderr, the history (and tensor counts) on stdout. The run is recorded in
// the lab notebook of the data folder (LETTER_LAB_HOME) with the app's own record code (core/runs
// RunWriter): from its start, after every epoch, and at its end; --no-record leaves it out.

import { access, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { EpochRecord } from '../../contract/training';
import { LetterLabError } from '../../core/errors';
import { META_JSON, MODEL_JSON } from '../../core/model';
import { validateSpec } from '../../core/spec';
import { intOption, json, parseCommandArgs, type CliIo, type Command } from '../command';
import { specFromOptions } from '../spec-source';
import { runTrainer } from '../train-runner';
import { teachFromCli } from '../teach';
import { SPLIT_METHOD } from '../../core/dataset/split';
import { RUN_MODEL_FOLDER, RunStore, RunWriter, newRunId, type LiveRun } from '../../core/runs';
import { defaultUserDataDir } from '../../host/paths';
import { RUNS_FOLDER } from '../../host/runs';
import { snapshotModel, writeSnapshot } from '../../host/model-library';

const MAX_EPOCHS = 1000;
const MAX_BATCH_SIZE = 65536;
const MAX_SEED = 2 ** 31;
const SPLIT_SEED = 42;
const TEST_FRACTION = 0.2;
/** A progress line every this share of an epoch's batches. */
const PROGRESS_STEP = 0.1;

export async function checkMat(file: string | undefined, usage: string): Promise<string> {
  if (file === undefined) {
    throw new LetterLabError('cli.usage', `Give the letters file with --mat FILE. Usage: ${usage}`);
  }
  const resolved = path.resolve(file);
  const info = await stat(resolved).catch(() => null);
  if (!info) throw new LetterLabError('file.not-found', `There is no file at ${resolved}.`);
  if (!info.isFile()) {
    throw new LetterLabError('file.unreadable', `${resolved} is a folder, not a .mat file.`);
  }
  await access(resolved).catch((err: NodeJS.ErrnoException) => {
    throw new LetterLabError('file.unreadable', `Cannot read ${resolved} (${err.code}).`);
  });
  return resolved;
}

/** --save must not replace anything but an earlier saved model: the save swaps the whole folder. */
async function checkSaveDir(dir: string | undefined): Promise<string | null> {
  if (dir === undefined) return null;
  const resolved = path.resolve(dir);
  const info = await stat(resolved).catch(() => null);
  if (!info) return resolved;
  const names = info.isDirectory() ? await readdir(resolved) : null;
  if (names && (names.length === 0 || (names.includes(MODEL_JSON) && names.includes(META_JSON)))) {
    return resolved;
  }
  throw new LetterLabError(
    'cli.usage',
    `--save ${resolved} exists and is not an empty folder or a saved model; give a new folder name.`,
  );
}

function epochLine(r: EpochRecord, total: number): string {
  const val =
    r.valLoss === null ? '' : `  val_loss ${r.valLoss.toFixed(4)}  val_acc ${r.valAcc?.toFixed(4)}`;
  return (
    `epoch ${r.epoch}/${total}  loss ${r.loss.toFixed(4)}  acc ${r.acc.toFixed(4)}${val}` +
    `  ${r.seconds.toFixed(1)} s  ${Math.round(r.samplesPerSecond)} samples/s`
  );
}

function textReport(
  history: EpochRecord[],
  backend: string | null,
  savedTo: string | null,
): string {
  const rows = history.map(
    (r) =>
      `${String(r.epoch).padStart(5)}  ${r.loss.toFixed(4)}  ${r.acc.toFixed(4)}  ` +
      `${r.valLoss?.toFixed(4) ?? '     -'}  ${r.valAcc?.toFixed(4) ?? '     -'}  ${r.seconds.toFixed(1)}`,
  );
  return [
    `backend ${backend ?? 'unknown'}`,
    'epoch  loss    acc     val_loss val_acc seconds',
    ...rows,
    ...(savedTo ? [`saved to ${savedTo}`] : []),
  ].join('\n');
}

export const trainCommand: Command = {
  name: 'train',
  summary:
    'Train a preset or a spec file on a .mat file, or go on training a saved network (--from), in a training process as the app does; the run is recorded in the lab notebook (--no-record: not).',
  usage:
    'letter-lab train --mat FILE (--preset ID | --spec FILE) [--epochs N] [--batch-size N] [--seed N] [--save DIR] [--no-record] [--json]\n' +
    '       letter-lab train --from DIR --mat FILE [--extra FILE [--share F]] [--epochs N] [--seed N] [--save DIR] [--no-record] [--json]',
  async run(args, io: CliIo) {
    const { values } = parseCommandArgs(this, args, {
      mat: { type: 'string' },
      preset: { type: 'string' },
      spec: { type: 'string' },
      epochs: { type: 'string' },
      'batch-size': { type: 'string' },
      seed: { type: 'string' },
      save: { type: 'string' },
      'no-record': { type: 'boolean' },
      json: { type: 'boolean' },
      from: { type: 'string' },
      extra: { type: 'string' },
      share: { type: 'string' },
    });
    const mat = await checkMat(values.mat, this.usage);
    if (values.from !== undefined) {
      if (values.preset !== undefined || values.spec !== undefined) {
        throw new LetterLabError(
          'cli.usage',
          '--from goes on training a saved network: give no --preset or --spec with it.',
        );
      }
      const extra =
        values.extra === undefined ? undefined : await checkMat(values.extra, this.usage);
      await teachFromCli({ ...values, mat, extra, save: await checkSaveDir(values.save) }, io);
      return;
    }
    if (values.extra !== undefined || values.share !== undefined) {
      throw new LetterLabError(
        'cli.usage',
        '--extra and --share go with --from DIR (a saved network).',
      );
    }
    const spec = await specFromOptions(values);
    const epochs = intOption('epochs', values.epochs, spec.compile.epochs, 1, MAX_EPOCHS);
    const batchSize = intOption(
      'batch-size',
      values['batch-size'],
      spec.compile.batchSize,
      1,
      MAX_BATCH_SIZE,
    );
    const seed = intOption('seed', values.seed, 42, 0, MAX_SEED);
    spec.compile = { ...spec.compile, epochs, batchSize };
    const problem = validateSpec(spec).find((p) => p.severity === 'error');
    if (problem) throw new LetterLabError('spec.invalid', problem.message);
    const saveDir = await checkSaveDir(values.save);

    // Recorded runs autosave into the lab notebook's run folder, as the app's runs do.
    const notebook = values['no-record']
      ? null
      : new RunStore(path.join(defaultUserDataDir(), RUNS_FOLDER));
    const runId = notebook ? newRunId() : 'cli';
    const scratch =
      saveDir || notebook ? null : await mkdtemp(path.join(os.tmpdir(), 'letter-lab-train-'));
    const modelDir = notebook
      ? path.join(notebook.folder(runId), RUN_MODEL_FOLDER)
      : (saveDir ?? path.join(scratch as string, 'model'));
    const live: LiveRun = { runId, spec, history: [], backend: null, message: null, savedEpoch: 0 };
    const writer = notebook ? new RunWriter(notebook, runId, null) : null;
    const note = (write: Promise<unknown> | undefined) =>
      void write?.catch((err: unknown) =>
        io.progress(`warning: the lab notebook could not be updated: ${(err as Error).message}`),
      );
    await writer?.begin(live);
    let nextShare = PROGRESS_STEP;
    let loadingShown = false;
    let backend = 'default';
    const run = runTrainer(
      {
        type: 'start',
        runId,
        datasetPath: mat,
        splitSeed: SPLIT_SEED,
        testFraction: TEST_FRACTION,
        spec,
        seed,
        resumeFrom: null,
        initialEpoch: 0,
        epochs,
        saveDir: modelDir,
        history: [],
      },
      {
        onReady: (name) => {
          backend = name;
          live.backend = name;
        },
        // Only once the file was read: bad files must leave just their one error line.
        onLoading: (_stage, fraction) => {
          if (fraction < 1 || loadingShown) return;
          loadingShown = true;
          io.progress(`Loaded ${mat}; training ${spec.name} on the ${backend} backend…`);
        },
        onLoaded: (d) => {
          if (!writer) return;
          writer.dataset = {
            label: d.fileName,
            fileName: d.fileName,
            fingerprint: d.fingerprint,
            splitSeed: SPLIT_SEED,
            testFraction: TEST_FRACTION,
            split: SPLIT_METHOD,
            train: d.train,
            test: d.test,
          };
          note(writer.update(live));
        },
        onBatch: (p) => {
          if (p.batch === 1) nextShare = PROGRESS_STEP;
          const share = p.batch / p.batches;
          if (share + 1e-9 < nextShare || p.batch === p.batches) return;
          while (nextShare <= share + 1e-9) nextShare += PROGRESS_STEP;
          io.progress(
            `epoch ${p.epoch}/${epochs}  ${String(Math.round(share * 100)).padStart(3)}%  ` +
              `batch ${p.batch}/${p.batches}  loss ${p.loss.toFixed(4)}  acc ${p.acc.toFixed(4)}`,
          );
        },
        onEpoch: (record) => {
          live.history = [...live.history, record];
          io.progress(epochLine(record, epochs));
        },
        onSaved: (epoch) => {
          live.savedEpoch = epoch;
          note(writer?.update(live));
        },
      },
    );
    const stop = () => {
      io.progress('Stopping after this batch…');
      run.stop();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      let result;
      try {
        result = await run.done;
      } catch (err) {
        // A file that could not be read never became a run; a run that broke off did.
        if (!writer?.dataset) await writer?.discard();
        else {
          const status = err instanceof LetterLabError ? 'failed' : 'crashed';
          const message = (err as Error).message;
          await writer.end({ ...live, status, message }, live.savedEpoch > 0);
        }
        throw err;
      }
      live.history = result.history;
      // A stopped run saved its weights, the partial epoch included.
      if (result.stopped) live.savedEpoch = Math.max(live.savedEpoch, result.history.length);
      const recorded = await writer?.end(
        { ...live, status: result.stopped ? 'stopped' : 'finished' },
        live.savedEpoch > 0,
      );
      if (notebook && saveDir && live.savedEpoch > 0) {
        const snapshot = await snapshotModel(modelDir);
        await writeSnapshot(saveDir, snapshot, snapshot.meta, true);
      }
      if (recorded) {
        io.progress(`Recorded in the lab notebook as run ${runId} (see \`letter-lab runs\`).`);
      }
      const report = {
        backend: result.backend,
        epochs: result.history,
        numTensors: result.numTensors,
        stopped: result.stopped,
        savedTo: saveDir,
        runId: recorded ? runId : null,
      };
      io.out(values.json ? json(report) : textReport(result.history, result.backend, saveDir));
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (scratch) await rm(scratch, { recursive: true, force: true });
    }
  },
};
