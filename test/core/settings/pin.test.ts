// The teacher PIN: kept only as a salted scrypt hash, checked exactly, and every try refused for a
// minute after five wrong ones in a row.
import { describe, expect, it } from 'vitest';
import {
  MAX_WRONG,
  PinGuard,
  WAIT_MS,
  hashPin,
  pinMatches,
  pinProblem,
} from '../../../src-main/core/settings/pin';

describe('PIN hashes', () => {
  it('keeps a salted hash, never the PIN, and matches only the PIN', async () => {
    const a = await hashPin('2468');
    const b = await hashPin('2468');
    expect(a).toMatchObject({ kdf: 'scrypt', n: 16384, r: 8, p: 1 });
    expect(a.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(a)).not.toContain('2468');
    // A new salt every time: the same PIN does not give the same hash.
    expect(a.hash).not.toBe(b.hash);
    expect(await pinMatches('2468', a)).toBe(true);
    expect(await pinMatches('2469', a)).toBe(false);
    expect(await pinMatches('24680', a)).toBe(false);
    expect(await pinMatches('', a)).toBe(false);
  });

  it('takes 4 to 12 digits only', async () => {
    expect(pinProblem('1234')).toBeNull();
    expect(pinProblem('123456789012')).toBeNull();
    for (const bad of ['123', '1234567890123', '12a4', ' 1234', '']) {
      expect(pinProblem(bad), bad).not.toBeNull();
    }
    await expect(hashPin('12')).rejects.toMatchObject({ code: 'settings.bad-pin' });
  });
});

describe('PinGuard', () => {
  it('lets everything through without a PIN, and only the right PIN with one', async () => {
    const guard = new PinGuard();
    await expect(guard.check(null, undefined)).resolves.toBeUndefined();
    const stored = await hashPin('1357');
    await expect(guard.check(stored, undefined)).rejects.toMatchObject({
      code: 'settings.wrong-pin',
      message: expect.stringMatching(/type the teacher PIN/),
    });
    await expect(guard.check(stored, '0000')).rejects.toMatchObject({
      code: 'settings.wrong-pin',
    });
    await expect(guard.check(stored, '1357')).resolves.toBeUndefined();
  });

  it('refuses every try for a minute after five wrong PINs in a row, then listens again', async () => {
    let now = 1_000_000;
    const guard = new PinGuard(() => now);
    const stored = await hashPin('1357');
    for (let i = 0; i < MAX_WRONG; i++) {
      await expect(guard.check(stored, '9999')).rejects.toMatchObject({
        message: 'That is not the teacher PIN.',
      });
    }
    // Even the right PIN waits now.
    await expect(guard.check(stored, '1357')).rejects.toMatchObject({
      code: 'settings.wrong-pin',
      message: 'Too many wrong PINs: wait 60 seconds, then try again.',
    });
    now += WAIT_MS - 1000;
    await expect(guard.check(stored, '1357')).rejects.toThrow(/wait 1 seconds/);
    now += 1000;
    await expect(guard.check(stored, '1357')).resolves.toBeUndefined();
  });
});
