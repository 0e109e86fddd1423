import type { ApiRegistry } from './registry';
import type { HostContext } from './context';

export function setupModels(_registry: ApiRegistry, _ctx: HostContext): void {}
