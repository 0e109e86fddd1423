// Runs python3 for the export tests; the tests skip cleanly when it or a module is missing.

import { spawnSync } from 'node:child_process';

/** True when `python3` runs and can import every module listed. */
export function pythonHas(...modules: string[]): boolean {
  const code = modules.map((m) => `import ${m}`).join('; ') || 'pass';
  const run = spawnSync('python3', ['-c', code], { encoding: 'utf8' });
  return run.status === 0;
}

/** Runs python3 with the arguments; throws with its stderr when it fails. Returns stdout. */
export function runPython(args: string[], env: Record<string, string> = {}, cwd?: string): string {
  const run = spawnSync('python3', args, {
    encoding: 'utf8',
    cwd,
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  if (run.status !== 0) {
    throw new Error(`python3 ${args.join(' ')} failed (${run.status}):\n${run.stderr}`);
  }
  return run.stdout;
}
