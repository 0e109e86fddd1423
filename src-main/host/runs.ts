// The lab notebook in the host: every training run is recorded when it ends (TrainingManager's
// onRunEnded) into <userData>/runs/<runId>/run.json, next to the run's autosaved model; the
// notebook lists, renames, stars, annotates, deletes and compares runs; and the guided first
// run's "done" flag lives in the settings (tourDone).

import path from 'node:path';
import { z } from 'zod';
import type { RunDataset, RunEntry, RunRecord } from '../contract/runs';
import type { TrainingState } from '../contract/training-api';
import { LetterLabError } from '../core/errors';
import {
  MAX_COMPARE,
  MAX_RUN_NAME,
  MAX_RUN_NOTE,
  RunStore,
  buildRecord,
  compareRuns,
  isRunStatus,
  runIdProblem,
  worthRecording,
} from '../core/runs';
import type { ApiRegistry } from './registry';
import type { HostContext } from './context';
import { runDatasetOf } from './run-letters';

export const RUNS_FOLDER = 'runs';

const idSchema = z.string().superRefine((id, check) => {
  const problem = runIdProblem(id);
  if (problem) check.addIssue({ code: 'custom', message: problem });
});

/** The letters open now, as the record keeps them. */
function datasetOf(ctx: HostContext): RunDataset | null {
  const info = ctx.session.dataset?.info;
  return info ? runDatasetOf(info) : null;
}

export class RunRecorder {
  readonly store: RunStore;
  /** The session of each run now training: when it started and on which letters. */
  private readonly sessions = new Map<string, { startedAt: string; dataset: RunDataset | null }>();
  /** Runs deleted in this session: a late end of one of them is not recorded again. */
  private readonly deleted = new Set<string>();

  constructor(private readonly ctx: HostContext) {
    this.store = new RunStore(path.join(ctx.paths.userData, RUNS_FOLDER));
    ctx.events.subscribe((event, payload) => {
      if (event !== 'training:state') return;
      const state = payload as TrainingState;
      if (state.status === 'starting' && state.runId && !this.sessions.has(state.runId)) {
        this.sessions.set(state.runId, {
          startedAt: new Date().toISOString(),
          dataset: state.dataset ?? datasetOf(ctx),
        });
      }
    });
  }

  /** Writes (or updates) the record of a run that just ended; null when it is not kept. */
  async recordEnded(state: TrainingState): Promise<RunRecord | null> {
    const { runId, spec, status } = state;
    if (!runId || !spec || !isRunStatus(status) || this.deleted.has(runId)) return null;
    const session = this.sessions.get(runId) ?? {
      startedAt: new Date().toISOString(),
      dataset: state.dataset ?? datasetOf(this.ctx),
    };
    this.sessions.delete(runId);
    const run = {
      runId,
      spec,
      status,
      history: state.history,
      backend: state.backend,
      message: state.message,
      savedEpoch: state.savedEpoch,
      stoppedAt: state.stoppedAt,
    };
    const endedAt = new Date().toISOString();
    const record = await this.store.change(
      runId,
      (previous) =>
        worthRecording(run, previous) ? buildRecord(run, { ...session, endedAt }, previous) : null,
      true,
    );
    if (record) this.ctx.events.emit('runs:changed', { id: runId });
    return record;
  }

  private activeRunId(): string | null {
    const training = this.ctx.session.training;
    return training?.active ? training.snapshot().runId : null;
  }

  /** Every run, newest first; the run training right now is left out until it has a record. */
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

  async remove(id: string): Promise<{ id: string }> {
    if (this.activeRunId() === id) {
      throw new LetterLabError(
        'runs.busy',
        'This run is training right now: stop it first (the Train tab), then delete it.',
      );
    }
    await this.store.remove(id);
    this.deleted.add(id);
    this.ctx.events.emit('runs:changed', { id });
    return { id };
  }

  async compare(ids: string[], lang: 'en' | 'pl') {
    const records = await Promise.all(ids.map((id) => this.store.read(id)));
    return compareRuns(records, lang);
  }
}

export function setupRuns(registry: ApiRegistry, ctx: HostContext): RunRecorder {
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
