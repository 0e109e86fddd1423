// The `letter-lab` CLI run for real, as a child process from the repository root.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `src-main/cli/main.ts` with `args`, with `env` added to this process's environment. */
export function cliWithEnv(env: NodeJS.ProcessEnv, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
}

/** Runs `src-main/cli/main.ts` with `args`. */
export function cli(...args: string[]): SpawnSyncReturns<string> {
  return cliWithEnv({}, ...args);
}
