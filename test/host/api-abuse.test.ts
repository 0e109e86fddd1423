// Every API channel, sent payloads a broken or hostile renderer could send: each must be refused
// with a clear error (never an internal error, never a crash), before it reaches the core.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootHost } from '../../src-main/host/boot';
import type { ApiRegistry } from '../../src-main/host/registry';
import { webPlatformWithoutTrainer } from '../helpers/host';

const ROOT = path.resolve(import.meta.dirname, '../..');

const MALFORMED: [string, unknown][] = [
  ['a string', 'malformed'],
  ['a number', 42],
  ['an array', [1, 2, 3]],
  ['null', null],
  ['a huge string', 'x'.repeat(1_000_000)],
  ['an object of wrong types', { id: 7, name: [], spec: 'spec', index: 'zero', epochs: -1 }],
];

describe('API abuse', () => {
  let registry: ApiRegistry;
  let userData: string;

  beforeAll(async () => {
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-abuse-'));
    ({ registry } = await bootHost({
      platform: webPlatformWithoutTrainer('no training process in this test'),
      paths: { userData, resources: path.join(ROOT, 'resources') },
      initialDatasetPath: null,
      backend: 'wasm',
    }));
  });
  afterAll(() => fs.rmSync(userData, { recursive: true, force: true }));

  it('has channels to test', () => {
    expect(registry.channels().length).toBeGreaterThan(20);
  });

  it.each(MALFORMED)('refuses %s on every channel with api.bad-request', async (_name, payload) => {
    const failures: string[] = [];
    for (const channel of registry.channels()) {
      const result = await registry.dispatch(channel, payload);
      if (result.ok) failures.push(`${channel}: accepted`);
      else if (result.error.code !== 'api.bad-request') {
        failures.push(`${channel}: ${result.error.code} ${result.error.message.slice(0, 120)}`);
      } else if (result.error.message.length > 600) {
        failures.push(`${channel}: message of ${result.error.message.length} characters`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('never lets a path given as an id or name reach a file', async () => {
    const failures: string[] = [];
    for (const channel of registry.channels()) {
      const result = await registry.dispatch(channel, {
        id: '../../etc',
        name: '/etc/passwd',
        index: -1,
      });
      if (result.ok) failures.push(`${channel}: accepted`);
      else if (result.error.code === 'api.internal')
        failures.push(`${channel}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(fs.readdirSync(userData).filter((f) => f !== 'settings.json')).toEqual([]);
  });

  it('never answers an empty object with an internal error', async () => {
    const failures: string[] = [];
    for (const channel of registry.channels()) {
      if (
        /^(settings:reset|training:start|dataset:choose|models:import|models:export)$/.test(channel)
      )
        continue;
      const result = await registry.dispatch(channel, {});
      if (!result.ok && result.error.code === 'api.internal')
        failures.push(`${channel}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
  });

  it('refuses unknown channels and prototype tricks', async () => {
    for (const channel of ['__proto__', 'constructor', 'app:info\u0000', 'toString', '']) {
      const result = await registry.dispatch(channel, undefined);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('api.unknown-channel');
    }
  });
});
