// The memory watchdog in a real Node process: once capMemory has resolved, the process is under
// its cap or already gone, so no work started after it can run over the cap unchecked.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const WATCHDOG = path.resolve(__dirname, '../../src-main/trainer/watchdog.ts');

/** Runs a process that caps its memory at `capBytes`, then prints "working". */
function runCapped(
  capBytes: number,
): Promise<{ out: string; code: number | null; signal: string | null }> {
  const script = `
    import { capMemory } from ${JSON.stringify(WATCHDOG)};
    await capMemory(${capBytes});
    console.log('working');
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return new Promise((resolve) =>
    child.once('close', (code, signal) => resolve({ out, code, signal })),
  );
}

describe('capMemory', () => {
  it('ends the process before any work when it is already over the cap', async () => {
    const result = await runCapped(1);
    expect(result.signal).toBe('SIGKILL');
    expect(result.out).toBe('');
  });

  it('lets the work run under the cap, and does not keep the process alive after it', async () => {
    const result = await runCapped(64 * 2 ** 30);
    expect(result).toEqual({ out: 'working\n', code: 0, signal: null });
  });
});
