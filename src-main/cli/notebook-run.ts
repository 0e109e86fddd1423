// A CLI run recorded in the lab notebook of the data folder (LETTER_LAB_HOME), with the app's own
// record code (core/runs RunWriter): written when it starts, after every saved epoch and when it
// ends; its model autosaves into the run's folder and is copied to --save at the end. With
// `noRecord` nothing is recorded and the model goes to --save (or a scratch folder) directly.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FromTrainer } from '../contract/training-api';
import type { ModelSpec } from '../contract/spec';
import type { EpochRecord } from '../contract/training';
import { SPLIT_METHOD } from '../core/dataset/split';
import { LetterLabError } from '../core/errors';
import { RUN_MODEL_FOLDER, RunStore, RunWriter, newRunId, type LiveRun } from '../core/runs';
import { snapshotModel, writeSnapshot } from '../host/model-library';
import { defaultUserDataDir } from '../host/paths';
import { RUNS_FOLDER } from '../host/runs';

const TEST_FRACTION = 0.2;

export class NotebookRun {
  readonly live: LiveRun;

  private constructor(
    readonly runId: string,
    /** The run's folder in the notebook, or null when it is not recorded. */
    readonly folder: string | null,
    readonly modelDir: string,
    private readonly writer: RunWriter | null,
    private readonly saveDir: string | null,
    private readonly scratch: string | null,
    spec: ModelSpec,
  ) {
    this.live = { runId, spec, history: [], backend: null, message: null, savedEpoch: 0 };
  }

  static async open(
    noRecord: boolean,
    saveDir: string | null,
    spec: ModelSpec,
  ): Promise<NotebookRun> {
    const store = noRecord ? null : new RunStore(path.join(defaultUserDataDir(), RUNS_FOLDER));
    const runId = store ? newRunId() : 'cli';
    const folder = store ? store.folder(runId) : null;
    const scratch =
      saveDir || folder ? null : await mkdtemp(path.join(os.tmpdir(), 'letter-lab-train-'));
    const modelDir = folder
      ? path.join(folder, RUN_MODEL_FOLDER)
      : (saveDir ?? path.join(scratch as string, 'model'));
    const writer = store ? new RunWriter(store, runId, null) : null;
    const run = new NotebookRun(runId, folder, modelDir, writer, saveDir, scratch, spec);
    await writer?.begin(run.live);
    return run;
  }

  private note(write: Promise<unknown> | undefined): void {
    void write?.catch((err: unknown) =>
      process.stderr.write(
        `warning: the lab notebook could not be updated: ${(err as Error).message}\n`,
      ),
    );
  }

  /** The trainer read its letters: the record says which. */
  loaded(d: { fileName: string; fingerprint: string; train: number; test: number }, seed: number) {
    if (!this.writer) return;
    this.writer.dataset = {
      label: d.fileName,
      fileName: d.fileName,
      fingerprint: d.fingerprint,
      splitSeed: seed,
      testFraction: TEST_FRACTION,
      split: SPLIT_METHOD,
      train: d.train,
      test: d.test,
    };
    this.note(this.writer.update(this.live));
  }

  saved(epoch: number): void {
    this.live.savedEpoch = epoch;
    this.note(this.writer?.update(this.live));
  }

  /** A teaching run measured its network. */
  taught(m: Extract<FromTrainer, { type: 'teach' }>): void {
    const teaching = this.live.teaching;
    if (!teaching) return;
    this.live.teaching = {
      ...teaching,
      letters: m.letters,
      fonts: m.fonts,
      before: teaching.before ?? (m.phase === 'before' ? m.measure : null),
      after: m.phase === 'after' ? m.measure : teaching.after,
    };
    this.note(this.writer?.update(this.live));
  }

  /** The run broke off: a file that could not be read never became a run; one that trained did. */
  async failed(err: unknown): Promise<void> {
    if (!this.writer) return;
    if (!this.writer.dataset && this.live.history.length === 0) {
      await this.writer.discard();
      return;
    }
    const status = err instanceof LetterLabError ? 'failed' : 'crashed';
    await this.writer.end(
      { ...this.live, status, message: (err as Error).message },
      this.live.savedEpoch > 0,
    );
  }

  /** The run ended; true when it was recorded. Its model is copied to --save. */
  async ended(history: EpochRecord[], stopped: boolean): Promise<boolean> {
    this.live.history = history;
    // A stopped run saved its weights, the partial epoch included.
    if (stopped) this.live.savedEpoch = Math.max(this.live.savedEpoch, history.length);
    const recorded = await this.writer?.end(
      { ...this.live, status: stopped ? 'stopped' : 'finished' },
      this.live.savedEpoch > 0,
    );
    if (this.folder && this.saveDir && this.live.savedEpoch > 0) {
      const snapshot = await snapshotModel(this.modelDir);
      await writeSnapshot(this.saveDir, snapshot, snapshot.meta, true);
    }
    return Boolean(recorded);
  }

  async close(): Promise<void> {
    if (this.scratch) await rm(this.scratch, { recursive: true, force: true });
  }
}
