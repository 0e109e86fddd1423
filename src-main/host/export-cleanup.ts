// Unfinished exports leave nothing behind. Every export is written into a temporary side folder
// named by core/model/atomic (".tmp-<name>-<pid>-<random>") and renamed into place when complete;
// a failure removes it at once. A crash cannot, so the parents of exports under way are noted in
// <userData>/exports-pending.json (on the desktop they are folders the camper chose), and at the
// next start the side folders of dead processes in them, and in <userData>/exports, are removed.

import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { recoverRoot } from '../core/model/atomic';
import { writeFileDurably } from '../core/model/files';

export const PENDING_EXPORTS = 'exports-pending.json';

export class ExportJournal {
  private readonly file: string;
  /** Parent folder -> exports under way in it. */
  private readonly pending = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(userData: string) {
    this.file = path.join(userData, PENDING_EXPORTS);
  }

  private async parentsOnDisk(): Promise<string[]> {
    try {
      const parsed = JSON.parse(await readFile(this.file, 'utf8')) as unknown;
      return Array.isArray(parsed) ? parsed.filter((p): p is string => typeof p === 'string') : [];
    } catch {
      return [];
    }
  }

  private save(): Promise<void> {
    const write = async () => {
      const temp = `${this.file}.${process.pid}.tmp`;
      await writeFileDurably(temp, JSON.stringify([...this.pending.keys()]));
      await rename(temp, this.file);
    };
    const next = this.queue.then(write, write);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** At start: removes what exports of dead processes left in every folder they wrote into. */
  async cleanStale(exportsRoot: string): Promise<void> {
    const parents = new Set([exportsRoot, ...(await this.parentsOnDisk())]);
    for (const parent of parents) await recoverRoot(parent).catch(() => undefined);
    await this.save().catch(() => undefined);
  }

  /** Runs `work` (an export into `parent`) with `parent` noted as having an export under way. */
  async around<T>(parent: string, work: () => Promise<T>): Promise<T> {
    const key = path.resolve(parent);
    this.pending.set(key, (this.pending.get(key) ?? 0) + 1);
    await this.save().catch(() => undefined);
    try {
      return await work();
    } finally {
      const left = (this.pending.get(key) ?? 1) - 1;
      if (left > 0) this.pending.set(key, left);
      else this.pending.delete(key);
      // A failed export already removed its side folder; finished ones renamed theirs.
      await recoverRoot(key).catch(() => undefined);
      await this.save().catch(() => undefined);
    }
  }
}
