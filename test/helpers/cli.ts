// The `letter-lab` CLI for tests: in this process through runCli with its streams (fast: no tsx
// start-up per call), or as a real child process where exit codes and real stdio are the point.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../src-main/cli/run';

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

/** What a CLI call printed and its exit code, as a child process would show them. */
export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
  /** The stderr lines that were progress, not errors or warnings. */
  progress: string[];
}

/**
 * Runs the CLI in this process as `src-main/cli/main.ts` would: results (stdout), progress and
 * errors (stderr), one line each, and the exit code. `env` is set for the call, then restored.
 */
export async function cliInProcessWithEnv(
  env: Record<string, string | undefined>,
  ...args: string[]
): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const progress: string[] = [];
  // Never the real lab notebook: `letter-lab train` records runs in LETTER_LAB_HOME.
  const withHome = { LETTER_LAB_HOME: cliTestHome(), ...env };
  const saved = Object.fromEntries(Object.keys(withHome).map((k) => [k, process.env[k]]));
  setEnv(withHome);
  try {
    const status = await runCli(
      args,
      {
        out: (text) => (stdout += text + '\n'),
        progress: (text) => {
          progress.push(text);
          stderr += text + '\n';
        },
      },
      (line) => (stderr += line + '\n'),
    );
    return { status, stdout, stderr, progress };
  } finally {
    setEnv(saved);
  }
}

/** Runs the CLI in this process with `args` (see cliInProcessWithEnv). */
export function cliInProcess(...args: string[]): Promise<CliRun> {
  return cliInProcessWithEnv({}, ...args);
}

/**
 * A refused call: exit code 2, nothing on stdout, one `error: …` line on stderr besides progress
 * (in-process runs tell progress apart), and no stack trace.
 */
export function expectRefused(run: CliRun | SpawnSyncReturns<string>, message: RegExp): void {
  expect(run.status, run.stderr).toBe(2);
  expect(run.stdout).toBe('');
  const progress = 'progress' in run ? run.progress : [];
  const lines = run.stderr
    .trim()
    .split('\n')
    .filter((line) => !progress.includes(line));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/\bat .*\.[jt]s:\d+/);
}

function setEnv(env: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

/** Runs `src-main/cli/main.ts` as a child process with `args`, with `env` added. */
export function cliWithEnv(env: NodeJS.ProcessEnv, ...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, LETTER_LAB_HOME: cliTestHome(), ...env },
  });
}

/** Runs `src-main/cli/main.ts` as a child process with `args`. */
export function cli(...args: string[]): SpawnSyncReturns<string> {
  return cliWithEnv({}, ...args);
}
