// `letter-lab train --from DIR --mat FILE [--extra FILE]`: goes on training a saved network, in a
// training process as the app does, recorded in the lab notebook as a new run (--no-record: not). With --extra, the network learns from FILE's training part
// (the split it was trained with) with the extra letters mixed into every batch; without, from
// FILE's letters alone. The taught letters held back for testing (by their picture; or FILE's own
// test split when FILE is the file the network was trained on) are measured before and after.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { TeachMeasure, TeachPlan, TeachingInfo } from '../contract/letters';
import type { EpochRecord } from '../contract/training';
import { LetterLabError } from '../core/errors';
import { MAX_SHARE, MIN_SHARE, readLettersFile, writeLettersFile } from '../core/letters';
import { TAUGHT_LETTERS } from '../host/letters-teach';
import { NotebookRun } from './notebook-run';
import { openMat } from '../core/mat/open';
import { readModelMeta } from '../core/model';
import { intOption, json, type CliIo } from './command';
import { runTrainer } from './train-runner';

const DEFAULT_EPOCHS = 3;
const DEFAULT_SHARE = 0.25;
const MAX_EPOCHS = 1000;

export interface TeachValues {
  from?: string;
  'no-record'?: boolean;
  mat: string;
  extra?: string;
  share?: string;
  epochs?: string;
  seed?: string;
  save: string | null;
  json?: boolean;
}

/** sha256 of a MAT-file's bytes (after any gzip layer): the letters loader's fingerprint. */
async function fingerprint(file: string): Promise<string> {
  const opened = await openMat(file);
  try {
    const hash = createHash('sha256');
    await opened.src.stream(0, opened.src.size, (piece) => hash.update(piece));
    return hash.digest('hex');
  } finally {
    await opened.close();
  }
}

function share(value: string | undefined): number {
  if (value === undefined) return DEFAULT_SHARE;
  const n = Number(value);
  if (value.trim() === '' || !(n >= MIN_SHARE && n <= MAX_SHARE)) {
    throw new LetterLabError(
      'cli.usage',
      `--share must be a number from ${MIN_SHARE} to ${MAX_SHARE} (the share of every batch that ` +
        `are the extra letters), got ${JSON.stringify(value)}.`,
    );
  }
  return n;
}

const percent = (m: { accuracy: number; correct: number; count: number }) =>
  `${(100 * m.accuracy).toFixed(1)}% (${m.correct} of ${m.count})`;

function measureLines(phase: string, m: TeachMeasure): string[] {
  return [
    `${phase}: held-back letters ${percent(m.heldBack)}` +
      (m.fonts ? `, font letters' test part ${percent(m.fonts)}` : ''),
  ];
}

/** Runs `train --from`; `mat` is checked and `save` resolved by the train command. */
export async function teachFromCli(values: TeachValues, io: CliIo): Promise<void> {
  const from = path.resolve(values.from as string);
  const meta = await readModelMeta(from);
  const epochs = intOption('epochs', values.epochs, DEFAULT_EPOCHS, 1, MAX_EPOCHS);
  const seed = intOption('seed', values.seed, 42, 0, 2 ** 31);
  const mixed = values.extra !== undefined;
  if (!mixed && values.share !== undefined) {
    throw new LetterLabError(
      'cli.usage',
      '--share is the share of the --extra letters: give --extra FILE too.',
    );
  }
  const splitSeed = meta.dataset?.splitSeed ?? 42;
  const taught = path.resolve(mixed ? (values.extra as string) : values.mat);
  // Training on the very file the network learned from keeps its split: its test letters stay unseen.
  const sameFile =
    !mixed && meta.dataset !== null && meta.dataset.fingerprint === (await fingerprint(taught));
  const plan: TeachPlan = {
    lettersPath: taught,
    lettersLabel: path.basename(taught),
    mode: mixed ? 'mixed' : 'only',
    share: mixed ? share(values.share) : DEFAULT_SHARE,
    holdBackByPicture: !sameFile,
    withFonts: mixed,
  };
  const spec = { ...meta.spec, compile: { ...meta.compile, epochs } };
  const teaching: Partial<TeachingInfo> = {};
  const notebook = await NotebookRun.open(values['no-record'] === true, values.save, spec);
  // A recorded run keeps a copy of the letters it learned from, as the app's teaching runs do.
  if (notebook.folder && plan.holdBackByPicture) {
    const copy = path.join(notebook.folder, TAUGHT_LETTERS);
    await writeLettersFile(copy, await readLettersFile(taught, Number.MAX_SAFE_INTEGER));
    plan.lettersPath = copy;
  }
  notebook.live.teaching = {
    plan,
    from: { name: meta.name, source: 'saved', epochs: meta.history.length },
    letters: { fileName: plan.lettersLabel, train: 0, heldBack: 0 },
    fonts: null,
    before: null,
    after: null,
  };
  const run = runTrainer(
    {
      type: 'start',
      runId: notebook.runId,
      datasetPath: values.mat,
      splitSeed,
      testFraction: 0.2,
      spec,
      seed,
      resumeFrom: from,
      initialEpoch: 0,
      epochs,
      saveDir: notebook.modelDir,
      history: [],
      teach: plan,
    },
    {
      onReady: (name) => (notebook.live.backend = name),
      onLoaded: (d) => notebook.loaded(d, splitSeed),
      onSaved: (epoch) => notebook.saved(epoch),
      onTeach: (m) => {
        teaching.letters = m.letters;
        teaching.fonts = m.fonts;
        teaching[m.phase] = m.measure;
        notebook.taught(m);
        for (const line of measureLines(m.phase, m.measure)) io.progress(line);
        if (m.phase === 'before') {
          io.progress(
            `Teaching "${meta.name}" with ${m.letters.train} letters of ${m.letters.fileName} ` +
              `(${m.letters.heldBack} held back)` +
              (m.fonts ? ` mixed into ${m.fonts.train} font letters` : '') +
              `, ${epochs} epoch(s)…`,
          );
        }
      },
      onEpoch: (r: EpochRecord) => {
        notebook.live.history = [...notebook.live.history, r];
        io.progress(
          `epoch ${r.epoch}/${epochs}  loss ${r.loss.toFixed(4)}  acc ${r.acc.toFixed(4)}  ` +
            `held-back acc ${r.valAcc?.toFixed(4) ?? '-'}`,
        );
      },
    },
  );
  const stop = () => {
    io.progress('Stopping after this batch…');
    run.stop();
  };
  process.once('SIGINT', stop);
  try {
    let result;
    try {
      result = await run.done;
    } catch (err) {
      await notebook.failed(err);
      throw err;
    }
    const recorded = await notebook.ended(result.history, result.stopped);
    if (recorded) {
      io.progress(
        `Recorded in the lab notebook as run ${notebook.runId} (see \`letter-lab runs\`).`,
      );
    }
    const report = {
      backend: result.backend,
      from,
      plan,
      letters: teaching.letters ?? null,
      fonts: teaching.fonts ?? null,
      before: teaching.before ?? null,
      after: teaching.after ?? null,
      epochs: result.history,
      stopped: result.stopped,
      savedTo: values.save,
      runId: recorded ? notebook.runId : null,
    };
    if (values.json) {
      io.out(json(report));
      return;
    }
    io.out(
      [
        ...(report.before ? measureLines('before', report.before) : []),
        ...(report.after ? measureLines('after', report.after) : []),
        ...(values.save ? [`saved to ${values.save}`] : []),
      ].join('\n'),
    );
  } finally {
    process.off('SIGINT', stop);
    await notebook.close();
  }
}
