// The teacher's optional PIN: kept in the settings file only as a salted scrypt hash, checked in
// constant time, and slowed down after wrong guesses (a camper trying PINs one after another).
// scrypt runs on libuv's thread pool (the async API), never on the event loop.

import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { LetterLabError } from '../errors';

import type { PinHash } from '../../contract/settings';

export type { PinHash };

/** A PIN is 4 to 12 digits. */
export const PIN_PATTERN = /^\d{4,12}$/;
const KEY_BYTES = 32;
const COSTS = { n: 2 ** 14, r: 8, p: 1 };
/** After this many wrong PINs in a row, every try is refused for WAIT_MS. */
export const MAX_WRONG = 5;
export const WAIT_MS = 60_000;

function derive(pin: string, salt: Buffer, costs: { n: number; r: number; p: number }) {
  return new Promise<Buffer>((resolve, reject) =>
    scrypt(
      pin,
      salt,
      KEY_BYTES,
      { N: costs.n, r: costs.r, p: costs.p, maxmem: 64 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/** Why `pin` cannot be a PIN, or null. */
export function pinProblem(pin: string): string | null {
  return PIN_PATTERN.test(pin) ? null : 'A PIN is 4 to 12 digits (0–9).';
}

export async function hashPin(pin: string): Promise<PinHash> {
  const problem = pinProblem(pin);
  if (problem) throw new LetterLabError('settings.bad-pin', problem);
  const salt = randomBytes(16);
  const key = await derive(pin, salt, COSTS);
  return { kdf: 'scrypt', ...COSTS, salt: salt.toString('hex'), hash: key.toString('hex') };
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  if (typeof pin !== 'string' || pin.length > 64) return false;
  const expected = Buffer.from(stored.hash, 'hex');
  const key = await derive(pin, Buffer.from(stored.salt, 'hex'), stored);
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** Checks PINs for one host, refusing all tries for a while after MAX_WRONG wrong ones. */
export class PinGuard {
  private wrong = 0;
  private waitUntil = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Passes when no PIN is set, or `pin` is the PIN; throws settings.wrong-pin (what to do in
   * the message) otherwise.
   */
  async check(stored: PinHash | null, pin: string | undefined): Promise<void> {
    if (!stored) return;
    const now = this.now();
    if (now < this.waitUntil) {
      const seconds = Math.ceil((this.waitUntil - now) / 1000);
      throw new LetterLabError(
        'settings.wrong-pin',
        `Too many wrong PINs: wait ${seconds} seconds, then try again.`,
      );
    }
    if (pin === undefined || pin === '') {
      throw new LetterLabError(
        'settings.wrong-pin',
        'These settings are protected: type the teacher PIN first.',
      );
    }
    if (await pinMatches(pin, stored)) {
      this.wrong = 0;
      return;
    }
    this.wrong += 1;
    if (this.wrong >= MAX_WRONG) {
      this.wrong = 0;
      this.waitUntil = now + WAIT_MS;
    }
    throw new LetterLabError('settings.wrong-pin', 'That is not the teacher PIN.');
  }
}
