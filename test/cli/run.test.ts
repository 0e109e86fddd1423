// The CLI as a real child process: exit codes, JSON on stdout and one error line on stderr, and
// the package bin. The commands themselves are tested in this process (cliInProcess).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, cliInProcess, ROOT, expectRefused } from '../helpers/cli';

const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

describe('letter-lab CLI', () => {
  it('info prints the version and the backend in use as JSON and exits 0', () => {
    const run = cli('info');
    expect(run.status).toBe(0);
    const info = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(info.version).toBe(PACKAGE.version);
    // auto: native TensorFlow when it loads, else WebAssembly, and the reason says which.
    expect(info.backend).toBe(info.nativeAvailable === true ? 'tensorflow' : 'wasm');
    if (info.nativeAvailable === false) expect(info.nativeError).toMatch(/\S/);
    else expect(info.nativeError).toBeNull();
    // The short line the app's status bar shows, and the full technical reason behind it.
    expect(info.cpus).toBe(os.availableParallelism());
    expect(info.summary).toMatch(
      /^Training (with TensorFlow )?on this computer's processor, \d+ cores?$/,
    );
    expect(info.reason).toMatch(/\S{20,}/);
    if (info.backend === 'wasm') {
      expect(info.summary).toContain(`${info.threads as number} core`);
      expect(info.reason).toContain('WebAssembly');
      if (!info.nativeAvailable) expect(info.reason).toContain(info.nativeError as string);
    }
  });

  it('--backend cpu is taken, and said so: training is slow', async () => {
    const run = await cliInProcess('info', '--backend', 'cpu');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ version: PACKAGE.version, backend: 'cpu' });
    expect(JSON.parse(run.stdout).summary).toMatch(
      /^Training slowly in plain JavaScript, \d+ cores?$/,
    );
  });

  it('an unknown command exits 2 with one error line on stderr and nothing on stdout', () => {
    const run = cli('nosuchcommand');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /^error: unknown command "nosuchcommand"; commands: info, [^\n]*\.\n$/,
    );
  });

  it.each([
    [['info', '--bogus'], /^error: Unknown option '--bogus'\. Usage: letter-lab info/],
    [['info', '--backend', 'gpu'], /^error: --backend must be auto, native, wasm or cpu/],
  ])('%j exits 2 with one error line and no stack trace', async (args, message) => {
    const run = await cliInProcess(...args);
    expectRefused(run, message);
  });

  it('the package bin runs the same CLI', () => {
    const run = spawnSync(process.execPath, ['bin/letter-lab.js', 'nosuchcommand'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^error: unknown command/);
  });
});
