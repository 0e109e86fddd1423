import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** True when python3 with numpy and scipy.io can run here. */
export const HAS_SCIPY =
  spawnSync('python3', ['-c', 'import numpy, scipy.io'], { stdio: 'ignore' }).status === 0;

/** Runs a python3 script with arguments and returns its stdout. */
export function python(script: string, args: string[] = []): string {
  return execFileSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
}

/** The real notMNIST_small.mat when NOTMNIST_MAT points at it, else null. */
export const REAL_MAT: string | null =
  process.env.NOTMNIST_MAT && existsSync(process.env.NOTMNIST_MAT)
    ? process.env.NOTMNIST_MAT
    : null;

/** Says once per test file why the real-file tests are skipped. */
export function noteRealMatSkipped(): void {
  if (REAL_MAT !== null) return;
  console.log(
    'NOTMNIST_MAT is unset or missing: tests on the real notMNIST_small.mat are skipped ' +
      '(gunzip -c notMNIST_small.mat.gz > /tmp/notMNIST_small.mat; export NOTMNIST_MAT=...).',
  );
}

/** A temporary folder, removed by the returned function. */
export async function tempDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'letter-lab-mat-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
