import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiRegistry } from '../../src-main/host/registry';
import { LetterLabError } from '../../src-main/core/errors';

function registryWithInfo(run: () => unknown = () => ({ answer: 42 })): ApiRegistry {
  const registry = new ApiRegistry();
  registry.handle('app:info', z.undefined(), run as never);
  return registry;
}

describe('ApiRegistry', () => {
  it('runs a handler whose payload passes its schema', async () => {
    expect(await registryWithInfo().dispatch('app:info', undefined)).toEqual({
      ok: true,
      value: { answer: 42 },
    });
  });

  it.each([
    [
      'an unknown channel',
      'app:nope',
      undefined,
      'api.unknown-channel',
      /no API channel called "app:nope"/,
    ],
    ['a channel that is not a string', 42, undefined, 'api.unknown-channel', /no API channel/],
    [
      'a payload the schema rejects',
      'app:info',
      { x: 1 },
      'api.bad-request',
      /Bad request to app:info: payload/,
    ],
  ])('refuses %s with a clear error', async (_name, channel, payload, code, message) => {
    const result = await registryWithInfo().dispatch(channel, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(message);
    }
  });

  it('turns a LetterLabError into its code and message, and hides other errors’ stacks', async () => {
    const known = await registryWithInfo(() => {
      throw new LetterLabError('file.not-found', 'No file at /x.mat.');
    }).dispatch('app:info', undefined);
    expect(known).toEqual({
      ok: false,
      error: { code: 'file.not-found', message: 'No file at /x.mat.' },
    });
    const unknown = await registryWithInfo(() => {
      throw new TypeError('boom');
    }).dispatch('app:info', undefined);
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) {
      expect(unknown.error.code).toBe('api.internal');
      expect(unknown.error.message).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('does not allow a channel to be registered twice', () => {
    const registry = registryWithInfo();
    expect(() => registry.handle('app:info', z.undefined(), () => ({}) as never)).toThrow(/twice/);
  });
});
