// A full disk, for real: the data folder is on a 4 MiB tmpfs (root can mount one here; elsewhere
// the test says why it is skipped) that is filled up. Every write the host makes then fails with
// its own error code and words ("The disk is full: free some space; nothing was lost"), and what
// was there before is still there: the open letters, the settings, no half-written files.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelSpec } from '../../src-main/contract/spec';
import { PRESETS } from '../../src-main/core/spec';
import { bootHost, type BootedHost } from '../../src-main/host/boot';
import { webPlatformWithoutTrainer } from '../helpers/host';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(ROOT, 'resources', 'sample', 'sample-letters.mat');

function mountTmpfs(dir: string): string | null {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', dir], { stdio: 'pipe' });
    return null;
  } catch (err) {
    return (err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message;
  }
}

/** Fills the file system of `dir` until a write fails. */
function fill(dir: string): void {
  const block = Buffer.alloc(64 * 1024, 1);
  const fd = fs.openSync(path.join(dir, 'filler'), 'w');
  try {
    for (;;) fs.writeSync(fd, block);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
  } finally {
    fs.closeSync(fd);
  }
  // Small files may still fit into the last partial block: fill those too.
  for (let i = 0; ; i++) {
    try {
      fs.writeFileSync(path.join(dir, `crumb-${i}`), Buffer.alloc(4096, 1));
    } catch {
      break;
    }
  }
}

const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-full-'));
const why = process.platform === 'linux' ? mountTmpfs(mountPoint) : 'not Linux';
if (why) console.log(`No tmpfs could be mounted (${why}): the full-disk test is skipped.`);

describe.skipIf(why !== null)('a full disk', () => {
  let host: BootedHost;
  const userData = path.join(mountPoint, 'home');

  beforeAll(async () => {
    fs.mkdirSync(userData);
    host = await bootHost({
      platform: webPlatformWithoutTrainer('no training here'),
      paths: { userData, resources: path.join(ROOT, 'resources') },
      initialDatasetPath: null,
      backend: 'wasm',
    });
    await host.registry.dispatch('dataset:current', undefined);
    await host.registry.dispatch('settings:update', { language: 'pl' });
    fill(mountPoint);
  });
  afterAll(() => {
    try {
      execFileSync('umount', [mountPoint]);
    } finally {
      fs.rmSync(mountPoint, { recursive: true, force: true });
    }
  });

  async function failure(channel: string, payload: unknown) {
    const result = await host.registry.dispatch(channel, payload);
    expect(result.ok).toBe(false);
    return (result as { error: { code: string; message: string } }).error;
  }

  it('an upload says the disk is full, and the open letters stay open', async () => {
    const before = host.ctx.session.dataset?.info.fingerprint;
    const error = await failure('dataset:upload', {
      name: 'letters.mat',
      bytes: new Uint8Array(fs.readFileSync(SAMPLE)),
    });
    expect(error.code).toBe('file.disk-full');
    expect(error.message).toMatch(/^The disk is full: free some space; nothing was lost\./);
    expect(host.ctx.session.dataset?.info.fingerprint).toBe(before);
    const uploads = path.join(userData, 'datasets');
    expect(fs.existsSync(uploads) ? fs.readdirSync(uploads) : []).toEqual([]);
  });

  it('a settings change says the disk is full, and the settings file is as it was', async () => {
    const file = path.join(userData, 'settings.json');
    const before = fs.readFileSync(file, 'utf8');
    const error = await failure('settings:update', { language: 'en', lockPresets: true });
    expect(error.code).toBe('file.disk-full');
    expect(fs.readFileSync(file, 'utf8')).toBe(before);
    expect(fs.readdirSync(userData).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('an export says the disk is full and leaves no half-written folder', async () => {
    const spec = PRESETS.find((p) => p.id === 'convnet-dense-dropout')?.spec as ModelSpec;
    const error = await failure('models:export-spec-keras', { spec });
    expect(error.code).toBe('file.disk-full');
    const exports = path.join(userData, 'exports');
    expect(fs.existsSync(exports) ? fs.readdirSync(exports) : []).toEqual([]);
  });
});
