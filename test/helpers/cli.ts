// The `letter-lab` CLI run for real, as a child process from the repository root.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

let testHome: string | null = null;

/**
 * The data folder CLI runs of this test file use unless a test gives its own: a fresh temp folder,
 * so `letter-lab train` never records test runs in the real lab notebook.
 */
export function cliTestHome(): string {
  testHome ??= fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-cli-home-'));
  return testHome;
}

/** Runs `src-main/cli/main.ts` with `args`, with `env` added to this process's environment. */
export function cliWithEnv(env: NodeJS.ProcessEnv, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LETTER_LAB_HOME: cliTestHome(), ...env },
  });
}

/** Runs `src-main/cli/main.ts` with `args`. */
export function cli(...args: string[]): SpawnSyncReturns<string> {
  return cliWithEnv({}, ...args);
}
