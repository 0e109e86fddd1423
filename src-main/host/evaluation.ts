import type { ApiRegistry } from './registry';
import type { HostContext } from './context';

export function setupEvaluation(_registry: ApiRegistry, _ctx: HostContext): void {}
