// Crash-safe replacement of a folder. A new version is written completely into a temporary
// sibling folder, then swapped in with renames: (target -> .old-*), (.tmp-* -> target), then the
// old copy is deleted. A crash at any point leaves either the previous or the new folder whole;
// `recoverFolder` (run before every load and listing) finishes or undoes an interrupted swap:
//   - target missing and a .old-* copy left by a dead process: the old copy goes back in place;
//   - .tmp-*, .old-* and .del-* folders of dead processes are deleted.
// Side folders are named `<kind><base>-<pid>-<random>` so we can tell whether their writer lives.

import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { LetterLabError } from '../errors';
import { syncFolder } from './files';

const TMP = '.tmp-';
const OLD = '.old-';
const DEL = '.del-';
const KINDS = [TMP, OLD, DEL] as const;
type Kind = (typeof KINDS)[number];
/** A side folder older than this is abandoned even if its pid was reused by a living process. */
const ABANDONED_MS = 60 * 60 * 1000;

/** Side folders this process is using right now (never cleaned up under its feet). */
const active = new Set<string>();

export function sideFolder(kind: Kind, target: string): string {
  const name = `${kind}${path.basename(target)}-${process.pid}-${randomBytes(4).toString('hex')}`;
  return path.join(path.dirname(target), name);
}

interface Side {
  kind: Kind;
  base: string;
  pid: number;
  full: string;
}

function parseSide(parent: string, name: string): Side | null {
  const kind = KINDS.find((k) => name.startsWith(k));
  const match = kind ? /^(.*)-(\d+)-([0-9a-f]{8})$/.exec(name.slice(kind.length)) : null;
  if (!kind || !match) return null;
  return { kind, base: match[1], pid: Number(match[2]), full: path.join(parent, name) };
}

/** Whether a process with this id runs on this machine (one we may not signal counts too). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

/** True when nobody is working on `side` any more. */
async function abandoned(side: Side): Promise<boolean> {
  if (active.has(side.full)) return false;
  if (side.pid === process.pid || !pidAlive(side.pid)) return true;
  const info = await stat(side.full).catch(() => null);
  return info !== null && Date.now() - info.mtimeMs > ABANDONED_MS;
}

async function sideFolders(parent: string): Promise<Side[]> {
  const names = await readdir(parent).catch(() => [] as string[]);
  return names.map((n) => parseSide(parent, n)).filter((s): s is Side => s !== null);
}

/** Repairs what an interrupted save or delete of `target` left behind (see the file comment). */
export async function recoverFolder(target: string): Promise<void> {
  const parent = path.dirname(target);
  const base = path.basename(target);
  const sides = (await sideFolders(parent)).filter((s) => s.base === base);
  const dead: Side[] = [];
  for (const s of sides) if (await abandoned(s)) dead.push(s);
  if (!(await exists(target))) {
    const old = dead.find((s) => s.kind === OLD);
    if (old) {
      await rename(old.full, target);
      dead.splice(dead.indexOf(old), 1);
    }
  }
  for (const s of dead) await rm(s.full, { recursive: true, force: true });
}

/** recoverFolder for every folder of `root` that has side folders. */
export async function recoverRoot(root: string): Promise<void> {
  const bases = new Set((await sideFolders(root)).map((s) => s.base));
  for (const base of bases) await recoverFolder(path.join(root, base));
}

/**
 * Makes `target` a folder with the files `fill` writes, atomically: readers see the old folder
 * or the new one, never a mix, and a crash never loses the old one.
 */
export async function replaceFolder(
  target: string,
  fill: (dir: string) => Promise<void>,
  opts: { overwrite: boolean },
): Promise<void> {
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  await recoverFolder(target);
  const tmp = sideFolder(TMP, target);
  active.add(tmp);
  let old: string | null = null;
  let swapped = false;
  try {
    await mkdir(tmp);
    await fill(tmp);
    await syncFolder(tmp);
    if (await exists(target)) {
      if (!opts.overwrite) {
        throw new LetterLabError(
          'model.exists',
          `A saved model already exists in ${target}; choose another name.`,
        );
      }
      old = sideFolder(OLD, target);
      active.add(old);
      await rename(target, old);
    }
    try {
      await rename(tmp, target);
      swapped = true;
    } catch (err) {
      // Put the previous version back; if even that fails, recoverFolder will on the next load.
      if (old)
        await rename(old, target).then(
          () => (old = null),
          () => undefined,
        );
      throw err;
    }
    await syncFolder(parent);
  } finally {
    if (!swapped) await rm(tmp, { recursive: true, force: true });
    active.delete(tmp);
    if (old) {
      if (swapped) await rm(old, { recursive: true, force: true });
      active.delete(old);
    }
  }
}

/** Deletes `target` atomically (renamed aside first, so it vanishes whole from listings). */
export async function removeFolder(target: string): Promise<void> {
  await recoverFolder(target);
  const doomed = sideFolder(DEL, target);
  active.add(doomed);
  try {
    await rename(target, doomed);
    await rm(doomed, { recursive: true, force: true });
  } finally {
    active.delete(doomed);
  }
}
