// The lab notebook in the host: every training run is recorded in <userData>/runs/<runId>/run.json
// (core/runs RunWriter: when it starts, after every autosaved epoch, and when it ends through
// TrainingManager's onRunEnded), next to the run's autosaved model; the
// notebook lists, renames, stars, annotates, deletes and compares runs; and the guided first
// run's "done" flag lives in the settings (tourDone).

import path from 'node:path';
import { z } from 'zod';
import type { RunDataset, RunEntry, RunRecord } from '../contract/runs';
import type { TrainingState } from '../contract/training-api';
import type { ModelSpec } from '../contract/spec';
import { LetterLabError } from '../core/errors';
import {
  MAX_COMPARE,
  MAX_RUN_NAME,
  MAX_RUN_NOTE,
  RUN_MODEL_FOLDER,
  RunStore,
  RunWriter,
  compareRuns,
  isRunStatus,
  ownerGone,
  runIdProblem,
  type LiveRun,
} from '../core/runs';
import type { ApiRegistry } from './registry';
import type { ModelLibrary } from './models';
import type { HostContext } from './context';
import { runDatasetOf } from './run-letters';

export const RUNS_FOLDER = 'runs';

const idSchema = z.string().superRefine((id, check) => {
  const problem = runIdProblem(id);
  if (problem) check.addIssue({ code: 'custom', message: problem });
});

/** What the record keeps of the training manager's state. */
function liveRun(state: TrainingState): LiveRun {
  return {
    runId: state.runId as string,
    spec: state.spec as ModelSpec,
    history: state.history,
    backend: state.backend,
    message: state.message,
    savedEpoch: state.savedEpoch,
    stoppedAt: state.stoppedAt,
    teaching: state.teaching ?? null,
  };
}

/** The letters open now, as the record keeps them. */
function datasetOf(ctx: HostContext): RunDataset | null {
  const info = ctx.session.dataset?.info;
  return info ? runDatasetOf(info) : null;
}

export class RunRecorder {
  readonly store: RunStore;
  /** The writer of each run training now (a start, or "train N more"). */
  private readonly writers = new Map<string, RunWriter>();
  /** Runs deleted in this session: a late end of one of them is not recorded again. */
  private readonly deleted = new Set<string>();
  /** Epoch of the last autosave written into each run's record. */
  private readonly written = new Map<string, number>();

  constructor(private readonly ctx: HostContext) {
    this.store = new RunStore(path.join(ctx.paths.userData, RUNS_FOLDER));
    ctx.events.subscribe((event, payload) => {
      if (event !== 'training:state') return;
      const state = payload as TrainingState;
      const { runId, spec } = state;
      if (!runId || !spec || this.deleted.has(runId)) return;
      if (state.status === 'starting' && !this.writers.has(runId)) {
        // The run's own letters (the training state keeps them from its start).
        const writer = new RunWriter(this.store, runId, state.dataset ?? datasetOf(ctx));
        this.writers.set(runId, writer);
        this.written.set(runId, state.savedEpoch);
        this.log(writer.begin(liveRun(state)), runId);
      } else if (state.savedEpoch > (this.written.get(runId) ?? 0) && !isRunStatus(state.status)) {
        // An epoch was autosaved: the record follows, so a crash now loses nothing.
        this.written.set(runId, state.savedEpoch);
        const writer = this.writers.get(runId);
        if (writer) this.log(writer.update(liveRun(state)), runId);
      }
    });
  }

  private log(write: Promise<RunRecord | null>, runId: string): void {
    write.then(
      (record) => {
        if (record) this.ctx.events.emit('runs:changed', { id: runId });
      },
      (err: unknown) =>
        console.error(`Letter Lab could not record run ${runId}: ${(err as Error).message}`),
    );
  }

  /** Writes (or updates) the record of a run that just ended; null when it is not kept. */
  async recordEnded(state: TrainingState): Promise<RunRecord | null> {
    const { runId, spec, status } = state;
    if (!runId || !spec || !isRunStatus(status) || this.deleted.has(runId)) return null;
    const writer =
      this.writers.get(runId) ??
      new RunWriter(this.store, runId, state.dataset ?? datasetOf(this.ctx));
    this.writers.delete(runId);
    this.written.delete(runId);
    const record = await writer.end({ ...liveRun(state), status }, state.savedEpoch > 0);
    this.ctx.events.emit('runs:changed', { id: runId });
    return record;
  }

  private activeRunId(): string | null {
    const training = this.ctx.session.training;
    return training?.active ? training.snapshot().runId : null;
  }

  /** Every run, newest first (the run training now too, as 'running'). */
  async list(): Promise<RunEntry[]> {
    const active = this.activeRunId();
    const entries = await this.store.list();
    return entries.filter((e) => e.id !== active || e.record !== null);
  }

  async update(id: string, change: { name?: string; starred?: boolean; note?: string }) {
    await this.store.change(id, (record) => {
      if (!record) throw new LetterLabError('runs.not-found', `There is no recorded run ${id}.`);
      return {
        ...record,
        ...(change.name === undefined ? {} : { name: change.name }),
        ...(change.starred === undefined ? {} : { starred: change.starred }),
        ...(change.note === undefined ? {} : { note: change.note }),
      };
    });
    this.ctx.events.emit('runs:changed', { id });
    return this.store.entry(id);
  }

  /** Whether run `id` is training now, here or in another process (`letter-lab train`). */
  private async training(id: string): Promise<boolean> {
    if (this.activeRunId() === id) return true;
    const loaded = await this.store.load(id).catch(() => null);
    return loaded !== null && 'record' in loaded && loaded.record.status === 'running'
      ? !ownerGone(loaded.record)
      : false;
  }

  async remove(id: string): Promise<{ id: string }> {
    if (await this.training(id)) {
      throw new LetterLabError(
        'runs.busy',
        'This run is training right now: stop it first (the Train tab, or Ctrl+C in the terminal that trains it), then delete it.',
      );
    }
    await this.store.remove(id);
    this.deleted.add(id);
    this.ctx.events.emit('runs:changed', { id });
    return { id };
  }

  /** Copies a run's autosaved network into the saved networks, named after the run. */
  async keepModel(id: string, library: ModelLibrary) {
    if (await this.training(id)) {
      throw new LetterLabError(
        'runs.busy',
        'This run is training right now: its network is still changing. Save it when the run ends.',
      );
    }
    const record = await this.store.read(id);
    return library.saveFrom(path.join(this.store.folder(id), RUN_MODEL_FOLDER), record.name);
  }

  async compare(ids: string[], lang: 'en' | 'pl') {
    const records = await Promise.all(ids.map((id) => this.store.read(id)));
    return compareRuns(records, lang);
  }
}

export function setupRuns(
  registry: ApiRegistry,
  ctx: HostContext,
  library: ModelLibrary,
): RunRecorder {
  const recorder = new RunRecorder(ctx);
  const training = ctx.session.training;
  if (training) {
    const before = training.onRunEnded;
    training.onRunEnded = (state) => {
      before?.(state);
      recorder.recordEnded(state).catch((err: unknown) => {
        console.error(`Letter Lab could not record run ${state.runId}: ${(err as Error).message}`);
      });
    };
  }

  registry.handle('runs:list', z.undefined(), () => recorder.list());
  registry.handle(
    'runs:update',
    z.object({
      id: idSchema,
      name: z
        .string()
        .trim()
        .min(1, 'give the run a name')
        .max(MAX_RUN_NAME, `a run name has at most ${MAX_RUN_NAME} characters`)
        .optional(),
      starred: z.boolean().optional(),
      note: z
        .string()
        .max(MAX_RUN_NOTE, `a note has at most ${MAX_RUN_NOTE} characters`)
        .optional(),
    }),
    ({ id, ...change }) => recorder.update(id, change),
  );
  registry.handle('runs:delete', z.object({ id: idSchema }), ({ id }) => recorder.remove(id));
  registry.handle('runs:keep-model', z.object({ id: idSchema }), ({ id }) =>
    recorder.keepModel(id, library),
  );
  registry.handle(
    'runs:compare',
    z.object({
      ids: z
        .array(idSchema)
        .min(1, 'pick at least one run')
        .max(MAX_COMPARE, `compare at most ${MAX_COMPARE} runs at once`)
        .refine((ids) => new Set(ids).size === ids.length, 'each run may be picked once'),
      lang: z.enum(['en', 'pl']),
    }),
    ({ ids, lang }) => recorder.compare(ids, lang),
  );
  registry.handle('runs:tour-state', z.undefined(), () => ({
    done: ctx.settings.get().tourDone,
  }));
  registry.handle('runs:tour-done', z.object({ done: z.boolean() }), async ({ done }) => ({
    done: (await ctx.settings.update({ tourDone: done })).tourDone,
  }));
  return recorder;
}
