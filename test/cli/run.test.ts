import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from '../helpers/cli';

describe('letter-lab CLI', () => {
  it('info prints the backend as JSON and exits 0', () => {
    const run = cli('info');
    expect(run.status).toBe(0);
    const info = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(typeof info.version).toBe('string');
    expect(['wasm', 'tensorflow']).toContain(info.backend);
    expect(typeof info.nativeAvailable).toBe('boolean');
    if (!info.nativeAvailable) expect(info.nativeError).toMatch(/\S/);
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

  it('info --backend cpu says training is slow', () => {
    const run = cli('info', '--backend', 'cpu');
    expect(run.status).toBe(0);
    const info = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(info.backend).toBe('cpu');
    expect(info.summary).toMatch(/^Training slowly in plain JavaScript, \d+ cores?$/);
  });

  it.each([
    [['nosuchcommand'], /^error: unknown command "nosuchcommand"; commands: .*info/],
    [['info', '--bogus'], /^error: Unknown option '--bogus'\. Usage: letter-lab info/],
    [['info', '--backend', 'gpu'], /^error: --backend must be auto, native, wasm or cpu/],
  ])('%j exits 2 with one error line and no stack trace', (args, message) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
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
