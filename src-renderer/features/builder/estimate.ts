// "About N seconds per epoch" comes from the host ('spec:estimate'): a short real measurement on
// this machine's backend, in a process of its own. When the host cannot tell, the camper reads why
// (a network is training, the network is too big or too slow for this computer); the renderer never
// makes up a number. A measurement that is no longer wanted (the network changed) is cancelled.
import type { ModelSpec } from '../../../src-main/contract/spec';
import { ApiFailure, type ApiClient } from '../../lib/api/client';

/** Seconds per epoch, or the reason (already in the camper's language) there is no number. */
export type EstimateAnswer = { seconds: number } | { reason: string } | null;

/** Errors whose words are worth showing in the summary; others leave the slot empty. */
const EXPLAINED = new Set(['training.busy', 'spec.too-big', 'estimate.too-slow']);

export async function fetchEstimate(api: ApiClient, spec: ModelSpec): Promise<EstimateAnswer> {
  try {
    const { secondsPerEpoch } = await api.invoke('spec:estimate', { spec });
    return Number.isFinite(secondsPerEpoch) && secondsPerEpoch > 0
      ? { seconds: secondsPerEpoch }
      : null;
  } catch (err) {
    if (err instanceof ApiFailure && EXPLAINED.has(err.code)) return { reason: err.message };
    return null;
  }
}

/** Tells the host the measurement under way is not wanted any more. */
export function cancelEstimate(api: ApiClient): void {
  void api.invoke('spec:estimate-cancel').catch(() => undefined);
}
