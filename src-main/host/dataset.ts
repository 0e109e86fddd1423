import type { ApiRegistry } from './registry';
import type { HostContext } from './context';

export function setupDataset(_registry: ApiRegistry, _ctx: HostContext): void {}
