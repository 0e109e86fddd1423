import os from 'node:os';
import { backendSummaryOf } from '../core/backend/summary';
import { z } from 'zod';
import type { ApiRegistry } from './registry';
import type { HostContext } from './context';

export function setupApp(registry: ApiRegistry, ctx: HostContext): void {
  registry.handle('app:info', z.undefined(), () => ({
    name: 'Letter Lab',
    version: ctx.version,
    mode: ctx.platform.mode,
    backend: ctx.backend,
    training: backendSummaryOf(ctx.backend, os.availableParallelism()),
    nativeDialogs: Boolean(ctx.platform.chooseFile),
    platform: process.platform,
    cpus: os.cpus().length,
  }));
}
