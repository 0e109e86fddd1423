import type { HostBridge } from '../../../src-main/contract/api';

const TOKEN_KEY = 'letter-lab-token';
const TOKEN_HEADER = 'x-letter-lab-token';
const PAYLOAD_HEADER = 'x-letter-lab-payload';

/** Takes the per-run token from the address `npm run web` printed, then hides it from the URL bar. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function hasBytes(payload: unknown): payload is { bytes: Uint8Array } & Record<string, unknown> {
  return (
    typeof payload === 'object' &&
    payload !== null &&
    (payload as { bytes?: unknown }).bytes instanceof Uint8Array
  );
}

/** Browser mode: the same API over HTTP (requests) and server-sent events (events). */
export function createWebBridge(): HostBridge {
  const token = takeToken();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
  source.onmessage = (message) => {
    const { event, payload } = JSON.parse(message.data as string) as {
      event: string;
      payload: unknown;
    };
    for (const listener of listeners.get(event) ?? []) listener(payload);
  };

  return {
    async invoke(channel, payload) {
      let init: RequestInit;
      if (hasBytes(payload)) {
        const { bytes, ...rest } = payload;
        init = {
          method: 'POST',
          headers: {
            [TOKEN_HEADER]: token,
            'content-type': 'application/octet-stream',
            [PAYLOAD_HEADER]: encodeURIComponent(JSON.stringify(rest)),
          },
          // A Blob lets the browser stream a large file instead of copying it into the request.
          body: new Blob([bytes as Uint8Array<ArrayBuffer>]),
        };
      } else {
        init = {
          method: 'POST',
          headers: { [TOKEN_HEADER]: token, 'content-type': 'application/json' },
          body: payload === undefined ? '' : JSON.stringify(payload),
        };
      }
      let response: Response;
      try {
        response = await fetch(`/api/invoke/${channel}`, init);
      } catch {
        return {
          ok: false,
          error: {
            code: 'api.internal',
            message: 'Letter Lab’s server is not answering. Is `npm run web` still running?',
            messageKey: 'error.server.unreachable',
          },
        };
      }
      return (await response.json()) as unknown;
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
  };
}
