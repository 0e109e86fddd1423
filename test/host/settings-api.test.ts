import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiRegistry } from '../../src-main/host/registry';
import { EventHub } from '../../src-main/host/events';
import { SettingsStore } from '../../src-main/host/settings';
import { setupSettings } from '../../src-main/host/settings-api';
import type { HostContext } from '../../src-main/host/context';
import type { DatasetInfo } from '../../src-main/contract/dataset';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

async function host(settingsText?: string) {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-settings-api-'));
  dirs.push(userData);
  if (settingsText !== undefined)
    fs.writeFileSync(path.join(userData, 'settings.json'), settingsText);
  const ctx = {
    platform: {
      mode: 'web',
      forkTrainer: () => {
        throw new Error('no training here');
      },
    },
    paths: { userData, resources: '' },
    events: new EventHub(),
    version: 'test',
    backend: {
      name: 'wasm',
      nativeAvailable: false,
      nativeError: null,
      simd: true,
      simdKernels: true,
      threads: 1,
      reason: '',
    },
    initialDatasetPath: null,
    settings: await SettingsStore.open(userData),
    session: { dataset: null, training: null, models: null },
  } as HostContext;
  const registry = new ApiRegistry();
  setupSettings(registry, ctx);
  return { ctx, registry, userData };
}

describe('settings channels', () => {
  it('remember the language across a restart', async () => {
    const first = await host();
    expect(await first.registry.dispatch('settings:update', { language: 'pl' })).toMatchObject({
      ok: true,
    });
    const again = await SettingsStore.open(first.userData);
    expect(again.get().language).toBe('pl');
  });

  it('a corrupt settings file gives defaults and its warning, and reset clears it', async () => {
    const { registry } = await host('{broken');
    const got = await registry.dispatch('settings:get', undefined);
    expect(got.ok && got.value).toMatchObject({
      settings: { lockPresets: false },
      warning: expect.stringMatching(/not valid JSON/),
    });
    const reset = await registry.dispatch('settings:reset', undefined);
    expect(reset.ok && reset.value).toMatchObject({ warning: null });
  });

  it.each([
    [{ language: 'de' }, /payload\.language/],
    [{ defaultDataset: '/etc/passwd' }, /Unrecognized key/],
    [{ lockPresets: 'yes' }, /payload\.lockPresets/],
  ])('refuse %j: the renderer cannot set paths or bad values', async (payload, message) => {
    const { registry } = await host();
    const result = await registry.dispatch('settings:update', payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });

  it('an optional PIN, stored hashed, guards locking the presets and resetting the settings', async () => {
    const { registry, userData } = await host();
    const call = async (channel: string, payload?: unknown) => {
      const result = await registry.dispatch(channel, payload);
      return result.ok ? { ok: true as const, value: result.value } : result;
    };
    // Without a PIN, anyone may lock.
    expect(await call('settings:update', { lockPresets: true })).toMatchObject({ ok: true });
    const set = await call('settings:pin', { next: '4321' });
    expect(set).toMatchObject({ ok: true, value: { settings: { pinSet: true } } });
    // The file keeps a salted hash; neither the file nor the view has the PIN.
    const file = fs.readFileSync(path.join(userData, 'settings.json'), 'utf8');
    expect(file).not.toContain('4321');
    expect(JSON.parse(file).pin).toMatchObject({ kdf: 'scrypt', hash: expect.any(String) });
    const view = await call('settings:get');
    expect(JSON.stringify(view)).not.toMatch(/hash|salt/);

    for (const pin of [undefined, '1111']) {
      const refused = await call('settings:update', { lockPresets: false, pin });
      expect(refused).toMatchObject({ ok: false, error: { code: 'settings.wrong-pin' } });
      expect(await call('settings:reset', pin === undefined ? undefined : { pin })).toMatchObject({
        ok: false,
        error: { code: 'settings.wrong-pin' },
      });
      expect(await call('settings:pin', { current: pin, next: null })).toMatchObject({ ok: false });
    }
    // The language stays free to change; the lock stays on.
    expect(await call('settings:update', { language: 'pl' })).toMatchObject({ ok: true });
    expect(await call('settings:get')).toMatchObject({
      value: { settings: { lockPresets: true } },
    });

    expect(await call('settings:update', { lockPresets: false, pin: '4321' })).toMatchObject({
      ok: true,
      value: { settings: { lockPresets: false } },
    });
    expect(await call('settings:pin', { next: '12' })).toMatchObject({ ok: false });
    expect(await call('settings:pin', { current: '4321', next: '12' })).toMatchObject({
      ok: false,
      error: { code: 'settings.bad-pin' },
    });
    // Reset with the PIN: everything back to the defaults, the PIN too.
    expect(await call('settings:reset', { pin: '4321' })).toMatchObject({
      ok: true,
      value: { settings: { pinSet: false, language: null, lockPresets: false } },
    });
    expect(JSON.parse(fs.readFileSync(path.join(userData, 'settings.json'), 'utf8')).pin).toBe(
      null,
    );
  });

  it('the default dataset can only be the file that is open, never the sample or a given path', async () => {
    const { ctx, registry } = await host();
    const none = await registry.dispatch('settings:default-dataset', { useCurrent: true });
    expect(none.ok).toBe(false);
    ctx.session.dataset = {
      path: '/data/notMNIST_small.mat',
      info: { source: 'file' } as DatasetInfo,
      set: {} as never,
    };
    const set = await registry.dispatch('settings:default-dataset', { useCurrent: true });
    expect(set.ok && set.value).toMatchObject({
      settings: { defaultDataset: '/data/notMNIST_small.mat' },
    });
    const cleared = await registry.dispatch('settings:default-dataset', { useCurrent: false });
    expect(cleared.ok && cleared.value).toMatchObject({ settings: { defaultDataset: null } });
  });
});
