// "About N seconds per epoch" comes from the host ('spec:estimate'): a short real measurement on
// this machine's backend. When the host cannot tell (e.g. a network is training), nothing is shown:
// the renderer never makes up a number.
import type { ModelSpec } from '../../../src-main/contract/spec';
import type { ApiClient } from '../../lib/api/client';

/** Seconds per epoch as the host estimates them, or null when the host cannot tell. */
export async function fetchEstimate(api: ApiClient, spec: ModelSpec): Promise<number | null> {
  try {
    const { secondsPerEpoch } = await api.invoke('spec:estimate', { spec });
    return Number.isFinite(secondsPerEpoch) && secondsPerEpoch > 0 ? secondsPerEpoch : null;
  } catch {
    return null;
  }
}
