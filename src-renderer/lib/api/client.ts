// The renderer's one API client: `window.api` under Electron, the browser-mode connection otherwise.
import type {
  Channel,
  EventMap,
  EventName,
  HostBridge,
  RequestOf,
  ResponseOf,
} from '../../../src-main/contract/api';
import type { Result } from '../../../src-main/contract/errors';
import { i18n, type Language } from '../i18n/i18n.svelte';
import { ApiFailure } from './errors';
import { createWebBridge } from './web-bridge';

export { ApiFailure };

declare global {
  interface Window {
    api?: HostBridge;
  }
}

export class ApiClient {
  /** `language`: the camper's language now, for the messages of failed requests. */
  constructor(
    private readonly bridge: HostBridge,
    private readonly language: () => Language = () => i18n.language,
  ) {}

  async invoke<C extends Channel>(
    channel: C,
    ...payload: RequestOf<C> extends void ? [] : [RequestOf<C>]
  ): Promise<ResponseOf<C>> {
    const result = (await this.bridge.invoke(channel, payload[0])) as Result<ResponseOf<C>>;
    // Localized now, in the language the camper is reading; `.error` keeps the host's own words.
    if (!result.ok) throw new ApiFailure(result.error, this.language());
    return result.value;
  }

  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
    return this.bridge.on(event, listener as (payload: unknown) => void);
  }
}

/** The client of this window: Electron's preload bridge, or browser mode's connection to its host. */
export function connectApi(): ApiClient {
  return new ApiClient(window.api ?? createWebBridge());
}
