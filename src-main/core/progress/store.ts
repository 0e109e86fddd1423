// The camper's lesson progress on disk: <userData>/lessons.json (the open step and the run of each
// step), written atomically (a temporary file, flushed, renamed over the old one). A damaged file
// is moved aside to lessons.json.damaged-<time>, never silently overwritten, and the lessons
// start again with a warning; a missing one is a fresh start.

import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { LessonProgress } from '../../contract/lessons';
import { syncFolder, writeFileDurably } from '../model/files';

export const PROGRESS_FILE = 'lessons.json';
const MAX_BYTES = 1024 * 1024;

export function emptyProgress(): LessonProgress {
  return { version: 1, current: null, steps: {} };
}

const progressSchema = z.object({
  version: z.literal(1),
  current: z.string().max(64).nullable(),
  steps: z.record(
    z.string().max(64),
    z.object({
      runId: z.string().min(1).max(128),
      origin: z.enum(['built', 'ready-made']),
      startedAt: z.string().max(64),
    }),
  ),
});

export interface LoadedProgress {
  progress: LessonProgress;
  /** Why the file on disk was not used, when it was damaged. */
  warning: string | null;
}

/** Reads lessons.json; moves a damaged one aside and starts afresh, saying so. */
export async function loadProgress(file: string): Promise<LoadedProgress> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.size > MAX_BYTES) return moveAside(file, `it is ${info.size} bytes, far too large`);
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      return { progress: emptyProgress(), warning: null };
    }
    return {
      progress: emptyProgress(),
      warning: `The lessons' progress file ${file} could not be read (${(err as Error).message}); the lessons start from step 1.`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return moveAside(file, 'it is not valid JSON');
  }
  const parsed = progressSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return moveAside(file, `${issue.path.join('.') || 'the top level'}: ${issue.message}`);
  }
  return { progress: parsed.data, warning: null };
}

async function moveAside(file: string, why: string): Promise<LoadedProgress> {
  const kept = `${file}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  const moved = await rename(file, kept).then(
    () => true,
    () => false,
  );
  return {
    progress: emptyProgress(),
    warning:
      `The lessons' progress file was damaged (${why}), so the lessons start from step 1. ` +
      (moved ? `The damaged file was kept as ${kept}.` : `It is still at ${file}.`) +
      ' The trained networks are all still in the lab notebook.',
  };
}

/** Writes lessons.json atomically. */
export async function saveProgress(file: string, progress: LessonProgress): Promise<void> {
  const valid = progressSchema.parse(progress);
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFileDurably(temp, JSON.stringify(valid, null, 2) + '\n');
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
  await syncFolder(path.dirname(file));
}

/** One host's progress, loaded once; changes are written one at a time. */
export class ProgressStore {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private current: LessonProgress,
    readonly warning: string | null,
  ) {}

  static async open(userData: string): Promise<ProgressStore> {
    const file = path.join(userData, PROGRESS_FILE);
    const loaded = await loadProgress(file);
    return new ProgressStore(file, loaded.progress, loaded.warning);
  }

  get(): LessonProgress {
    return structuredClone(this.current);
  }

  /** Applies `edit` to the progress and writes it; changes never interleave. */
  change(edit: (progress: LessonProgress) => LessonProgress): Promise<LessonProgress> {
    const next = this.queue.then(async () => {
      const changed = edit(this.get());
      await saveProgress(this.file, changed);
      this.current = changed;
      return this.get();
    });
    this.queue = next.catch(() => undefined);
    return next;
  }
}
