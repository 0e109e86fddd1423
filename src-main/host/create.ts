import { ApiRegistry } from './registry';
import { setupApp } from './app';
import type { HostContext } from './context';

/** Builds the API once per host: one setup function per feature. */
export function createApi(ctx: HostContext): ApiRegistry {
  const registry = new ApiRegistry();
  setupApp(registry, ctx);
  return registry;
}
