// The lab notebook on disk: <root>/<runId>/run.json, one per training run, next to the run's
// autosaved model in <root>/<runId>/model. A run's record is written from its start (./writer);
// a listing shows one whose process vanished as 'interrupted'. run.json is written atomically (a temporary file,
// flushed, then renamed over the old one), so a crash leaves the old record or the new one. A
// folder whose run.json is missing, unreadable or invalid is listed with its problem; it never
// stops the others from loading. Updates of one store are done one at a time.

import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { RunEntry, RunRecord } from '../../contract/runs';
import { LetterLabError } from '../errors';
import { recoverRoot, removeFolder } from '../model/atomic';
import { MODEL_JSON, syncFolder, writeFileDurably } from '../model/files';
import { checkRecord } from './schema';
import { runVerdict } from './verdict';
import { interruptedRecord, ownerGone } from './writer';

export const RUN_JSON = 'run.json';
export const RUN_MODEL_FOLDER = 'model';
/** A run.json larger than this is not one of ours (100 epochs take ~20 KB). */
const MAX_RUN_JSON_BYTES = 16 * 1024 * 1024;
/** A run id is a plain folder name: letters, digits, ".", "-", "_"; no leading dot; no "..". */
export const RUN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** Why `id` is not a run id, or null when it is one. */
export function runIdProblem(id: string): string | null {
  if (RUN_ID_PATTERN.test(id) && !id.includes('..')) return null;
  return (
    `${JSON.stringify(id.slice(0, 80))} is not a run id: run ids are folder names made of ` +
    'letters, digits, ".", "-" and "_".'
  );
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function byNewest(a: RunEntry, b: RunEntry): number {
  const time = (e: RunEntry) => (e.record ? Date.parse(e.record.startedAt) : -Infinity);
  const [at, bt] = [time(a), time(b)];
  return at === bt ? b.id.localeCompare(a.id) : bt - at;
}

export class RunStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly root: string) {}

  /** The folder of run `id`; refuses ids that would lead outside the store. */
  folder(id: string): string {
    const problem = runIdProblem(id);
    const base = path.resolve(this.root);
    const full = path.resolve(base, id);
    if (problem || path.dirname(full) !== base) {
      throw new LetterLabError('api.bad-request', problem ?? `${id} is not a run id.`);
    }
    return full;
  }

  /** Runs `work` after every earlier update of this store has finished. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The record of run `id`, or the reason it cannot be read. */
  async load(id: string): Promise<{ record: RunRecord } | { problem: string }> {
    const dir = this.folder(id);
    if ((await lstat(dir).catch(() => null))?.isSymbolicLink()) {
      return {
        problem: `${dir} is a link to a folder elsewhere, which Letter Lab does not follow. Delete this run.`,
      };
    }
    const file = path.join(dir, RUN_JSON);
    const info = await stat(file).catch((err: NodeJS.ErrnoException) => err);
    if (info instanceof Error) {
      if (info.code === 'ENOENT') {
        if (!(await exists(dir))) {
          throw new LetterLabError('runs.not-found', `There is no recorded run ${id}.`);
        }
        return {
          problem: `${RUN_JSON} is missing: Letter Lab probably closed while this run was training. Delete the run, or keep it for its model folder.`,
        };
      }
      return { problem: `${RUN_JSON} cannot be read (${info.code ?? info.message}).` };
    }
    if (!info.isFile()) return { problem: `${RUN_JSON} is not a file.` };
    if ((await lstat(file)).isSymbolicLink()) {
      return {
        problem: `${RUN_JSON} is a link to another file, which Letter Lab does not follow. Delete this run.`,
      };
    }
    if (info.size > MAX_RUN_JSON_BYTES) {
      return { problem: `${RUN_JSON} is ${info.size} bytes, far too large to be a run record.` };
    }
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      const reason = err instanceof SyntaxError ? 'is not valid JSON' : (err as Error).message;
      return { problem: `${RUN_JSON} ${reason}: it is damaged. Delete this run.` };
    }
    const checked = checkRecord(json);
    if ('problem' in checked) {
      return { problem: `${RUN_JSON} is damaged (${checked.problem}). Delete this run.` };
    }
    if (checked.record.id !== id) {
      return {
        problem: `${RUN_JSON} belongs to run ${checked.record.id}, not to this folder. Delete this run.`,
      };
    }
    return checked;
  }

  /** The record of run `id`; throws runs.not-found or runs.corrupt. */
  async read(id: string): Promise<RunRecord> {
    const loaded = await this.load(id);
    if ('problem' in loaded) {
      throw new LetterLabError('runs.corrupt', `Run ${id} cannot be used: ${loaded.problem}`);
    }
    return loaded.record;
  }

  /** Run `id` as the notebook lists it: its record and verdict, or its problem. */
  async entry(id: string): Promise<RunEntry> {
    const dir = this.folder(id);
    const loaded = await this.load(id);
    const modelDir = path.join(dir, RUN_MODEL_FOLDER);
    const hasModel = await exists(path.join(modelDir, MODEL_JSON));
    if ('problem' in loaded) {
      return {
        id,
        path: dir,
        record: null,
        problem: loaded.problem,
        verdict: null,
        modelDir: hasModel ? modelDir : null,
      };
    }
    return {
      id,
      path: dir,
      record: loaded.record,
      problem: null,
      verdict: runVerdict(loaded.record.history),
      modelDir: hasModel ? modelDir : null,
    };
  }

  /** Every run, newest first; broken folders after the good ones. */
  async list(): Promise<RunEntry[]> {
    let names: string[];
    try {
      await recoverRoot(this.root);
      const dirents = await readdir(this.root, { withFileTypes: true });
      names = dirents
        .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
        .map((d) => d.name)
        .filter((name) => runIdProblem(name) === null);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new LetterLabError(
        'file.unreadable',
        `The runs folder ${this.root} cannot be read: ${(err as Error).message}`,
      );
    }
    const entries = await Promise.all(names.map((name) => this.entry(name).catch(() => null)));
    const found = entries.filter((e): e is RunEntry => e !== null);
    return (await Promise.all(found.map((e) => this.settleInterrupted(e)))).sort(byNewest);
  }

  /**
   * A 'running' run whose process is gone (Letter Lab crashed or was closed while it trained) is
   * written down as 'interrupted', keeping its epochs, curves and model.
   */
  private async settleInterrupted(entry: RunEntry): Promise<RunEntry> {
    if (entry.record?.status !== 'running' || !ownerGone(entry.record)) return entry;
    const record = await this.change(entry.id, (current) =>
      current?.status === 'running' && ownerGone(current) ? interruptedRecord(current) : null,
    ).catch(() => null);
    return record ? { ...entry, record, verdict: runVerdict(record.history) } : entry;
  }

  /** Removes the record of run `id` (a run stopped before its first epoch), or its whole folder. */
  forget(id: string, wholeFolder: boolean): Promise<void> {
    return this.exclusive(async () => {
      const dir = this.folder(id);
      if (wholeFolder) {
        if (await exists(dir)) await removeFolder(dir);
      } else {
        await rm(path.join(dir, RUN_JSON), { force: true });
      }
    });
  }

  /** Writes run.json of `record.id` atomically (creating the run's folder if needed). */
  write(record: RunRecord): Promise<void> {
    return this.exclusive(() => this.writeNow(record));
  }

  private async writeNow(record: RunRecord): Promise<void> {
    const dir = this.folder(record.id);
    await mkdir(dir, { recursive: true });
    const file = path.join(dir, RUN_JSON);
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFileDurably(temp, JSON.stringify(record, null, 2) + '\n');
      await rename(temp, file);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    await syncFolder(dir);
  }

  /**
   * Reads, changes and writes back one record, with no other update in between. `edit` gets null
   * for a run without a record; with `replaceBroken` also for one whose run.json is damaged
   * (otherwise that throws runs.corrupt). It returns the record to write, or null to write nothing.
   */
  change(
    id: string,
    edit: (record: RunRecord | null) => RunRecord | null,
    replaceBroken = false,
  ): Promise<RunRecord | null> {
    return this.exclusive(async () => {
      let current: RunRecord | null = null;
      try {
        current = await this.read(id);
      } catch (err) {
        const code = err instanceof LetterLabError ? err.code : null;
        if (code !== 'runs.not-found' && !(replaceBroken && code === 'runs.corrupt')) throw err;
      }
      const next = edit(current);
      if (next) await this.writeNow(next);
      return next;
    });
  }

  /** Deletes run `id`'s folder: its record and its autosaved model. */
  remove(id: string): Promise<void> {
    return this.exclusive(async () => {
      const dir = this.folder(id);
      if (!(await exists(dir))) {
        throw new LetterLabError('runs.not-found', `There is no recorded run ${id}.`);
      }
      await removeFolder(dir);
    });
  }
}
