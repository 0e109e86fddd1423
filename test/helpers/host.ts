// A real host for tests that go through the API registry: the wasm backend, settings and a model
// cache over a temp user-data folder, and typed calls that throw with the channel's error.
import path from 'node:path';
import type { Channel, RequestOf, ResponseOf } from '../../src-main/contract/api';
import { initBackend } from '../../src-main/core/backend';
import type { HostContext, Platform } from '../../src-main/host/context';
import { EventHub } from '../../src-main/host/events';
import { ModelCache } from '../../src-main/host/model-cache';
import type { ApiRegistry } from '../../src-main/host/registry';
import { SettingsStore } from '../../src-main/host/settings';

const RESOURCES = path.resolve(import.meta.dirname, '../../resources');

/** A platform for tests that never train through the host: forking a trainer throws `why`. */
export function webPlatformWithoutTrainer(why: string): Platform {
  return {
    mode: 'web',
    forkTrainer: () => {
      throw new Error(why);
    },
  };
}

/** A host context over `userData`: the real wasm backend, its settings and a model cache. */
export async function makeHostContext(userData: string, platform: Platform): Promise<HostContext> {
  const ctx: HostContext = {
    platform,
    paths: { userData, resources: RESOURCES },
    events: new EventHub(),
    version: 'test',
    backend: await initBackend('wasm'),
    initialDatasetPath: null,
    settings: await SettingsStore.open(userData),
    session: { dataset: null, training: null, models: null },
  };
  ctx.session.models = new ModelCache(ctx);
  return ctx;
}

export interface HostCalls {
  /** The channel's answer; throws with the error's code and message when it fails. */
  call: <C extends Channel>(channel: C, payload?: RequestOf<C>) => Promise<ResponseOf<C>>;
  /** The channel's error; throws when it succeeds. */
  fail: (channel: Channel, payload?: unknown) => Promise<{ code: string; message: string }>;
}

export function hostCalls(registry: ApiRegistry): HostCalls {
  return {
    async call<C extends Channel>(channel: C, payload?: RequestOf<C>) {
      const result = await registry.dispatch(channel, payload);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      return result.value as ResponseOf<C>;
    },
    async fail(channel: Channel, payload?: unknown) {
      const result = await registry.dispatch(channel, payload);
      if (result.ok) throw new Error(`${channel} succeeded but should have failed`);
      return result.error;
    },
  };
}
