// ESTIMATE SLOT: "about N seconds per epoch" comes from the host through the 'spec:estimate'
// channel, which the contract does not have yet. Until the host registers it, the call fails with
// 'api.unknown-channel' and the builder shows nothing: the renderer never makes up a number.
// When the channel lands in src-main/contract, replace `looseInvoke` with `api().invoke(...)`.
import type { ModelSpec } from '../../../src-main/contract/spec';
import { api, ApiFailure } from '../../lib/api/client';

export const ESTIMATE_CHANNEL = 'spec:estimate';

type LooseInvoke = (channel: string, payload: unknown) => Promise<unknown>;

let channelMissing = false;

/** Seconds per epoch as the host estimates them, or null when the host cannot tell. */
export async function fetchEstimate(spec: ModelSpec): Promise<number | null> {
  if (channelMissing) return null;
  const looseInvoke = api().invoke.bind(api()) as unknown as LooseInvoke;
  try {
    const answer = await looseInvoke(ESTIMATE_CHANNEL, spec);
    const seconds =
      typeof answer === 'number'
        ? answer
        : (answer as { secondsPerEpoch?: unknown } | null)?.secondsPerEpoch;
    return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0 ? seconds : null;
  } catch (err) {
    if (err instanceof ApiFailure && err.code === 'api.unknown-channel') channelMissing = true;
    return null;
  }
}
