// The renderer's one API client: `window.api` under Electron, the browser-mode connection otherwise.
import type {
  Channel,
  EventMap,
  EventName,
  HostBridge,
  RequestOf,
  ResponseOf,
} from '../../../src-main/contract/api';
import type { ApiError, ErrorCode, Result } from '../../../src-main/contract/errors';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    api?: HostBridge;
  }
}

/** A failed request, with the host's code and user-facing message. */
export class ApiFailure extends Error {
  readonly code: ErrorCode;
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.code = error.code;
    this.error = error;
  }
}

export class ApiClient {
  constructor(private readonly bridge: HostBridge) {}

  async invoke<C extends Channel>(
    channel: C,
    ...payload: RequestOf<C> extends void ? [] : [RequestOf<C>]
  ): Promise<ResponseOf<C>> {
    const result = (await this.bridge.invoke(channel, payload[0])) as Result<ResponseOf<C>>;
    if (!result.ok) throw new ApiFailure(result.error);
    return result.value;
  }

  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void {
    return this.bridge.on(event, listener as (payload: unknown) => void);
  }
}

let client: ApiClient | null = null;

export function api(): ApiClient {
  client ??= new ApiClient(window.api ?? createWebBridge());
  return client;
}
