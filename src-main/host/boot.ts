import type { BackendPreference } from '../contract/backend';
import { initBackend } from '../core/backend';
import { createApi } from './create';
import { EventHub } from './events';
import type { AppPaths, HostContext, Platform } from './context';
import type { ApiRegistry } from './registry';
import { SettingsStore } from './settings';
import { APP_VERSION } from './version';

export interface BootOptions {
  platform: Platform;
  paths: AppPaths;
  initialDatasetPath?: string | null;
  backend?: BackendPreference;
}

export interface BootedHost {
  ctx: HostContext;
  registry: ApiRegistry;
}

/** Starts the shared part of a host: the tfjs backend, the event hub and the API handlers. */
export async function bootHost(options: BootOptions): Promise<BootedHost> {
  const backend = await initBackend(options.backend ?? 'auto');
  const ctx: HostContext = {
    platform: options.platform,
    paths: options.paths,
    events: new EventHub(),
    version: APP_VERSION,
    backend,
    initialDatasetPath: options.initialDatasetPath ?? process.env.NOTMNIST_MAT ?? null,
    settings: await SettingsStore.open(options.paths.userData),
    session: { dataset: null, training: null, models: null },
  };
  return { ctx, registry: createApi(ctx) };
}
