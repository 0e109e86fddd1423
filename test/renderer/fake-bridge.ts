// The one fake host for renderer state tests: it stands where Electron's preload or browser mode's
// connection stands (a HostBridge), so the state classes run with the real ApiClient. A test says
// how each channel answers (now, later, or with an error) and emits the host's events.
import type {
  Channel,
  EventMap,
  EventName,
  HostBridge,
  RequestOf,
  ResponseOf,
} from '../../src-main/contract/api';
import type { ApiError, ErrorCode, Result } from '../../src-main/contract/errors';
import { ApiClient } from '../../src-renderer/lib/api/client';

/** A request the test answers by hand, to choose the order replies arrive in. */
export interface HeldRequest<C extends Channel> {
  channel: C;
  payload: RequestOf<C>;
  answer(value: ResponseOf<C>): void;
  refuse(code: ErrorCode, message: string): void;
}

type Reply<C extends Channel> =
  | { kind: 'value'; value: (payload: RequestOf<C>) => ResponseOf<C> }
  | { kind: 'error'; error: ApiError }
  | { kind: 'hold' };

interface Waiter {
  channel: Channel;
  resolve: (request: HeldRequest<Channel>) => void;
}

export class FakeBridge implements HostBridge {
  /** Every request, in the order the state made them. */
  readonly calls: { channel: Channel; payload: unknown }[] = [];
  readonly #replies = new Map<Channel, Reply<Channel>>();
  readonly #held: HeldRequest<Channel>[] = [];
  readonly #waiters: Waiter[] = [];
  readonly #listeners = new Map<string, Set<(payload: unknown) => void>>();

  /** Answers every `channel` request with `value` (or what `value` makes of the payload). */
  answer<C extends Channel>(
    channel: C,
    value: ResponseOf<C> | ((payload: RequestOf<C>) => ResponseOf<C>),
  ): this {
    const make = typeof value === 'function' ? value : () => structuredClone(value);
    this.#replies.set(channel, { kind: 'value', value: make });
    return this;
  }

  /** Refuses every `channel` request, as the host does with a coded error. */
  refuse(channel: Channel, code: ErrorCode, message: string): this {
    this.#replies.set(channel, { kind: 'error', error: { code, message } });
    return this;
  }

  /** `channel`'s requests wait until the test answers them (see `next`). */
  hold(channel: Channel): this {
    this.#replies.set(channel, { kind: 'hold' });
    return this;
  }

  /** The oldest held `channel` request not yet taken, waiting for it to be made if need be. */
  next<C extends Channel>(channel: C): Promise<HeldRequest<C>> {
    const index = this.#held.findIndex((r) => r.channel === channel);
    if (index >= 0) {
      const [request] = this.#held.splice(index, 1);
      return Promise.resolve(request as unknown as HeldRequest<C>);
    }
    return new Promise((resolve) => {
      this.#waiters.push({ channel, resolve: resolve as Waiter['resolve'] });
    });
  }

  /** How many requests of `channel` were made. */
  count(channel: Channel): number {
    return this.calls.filter((c) => c.channel === channel).length;
  }

  /** Sends a host event to every listener, as the host does. */
  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const listener of this.#listeners.get(event) ?? []) listener(structuredClone(payload));
  }

  listeners(event: EventName): number {
    return this.#listeners.get(event)?.size ?? 0;
  }

  /** The renderer's real client on this bridge, with errors in English. */
  client(): ApiClient {
    return new ApiClient(this, () => 'en');
  }

  invoke(channel: string, payload: unknown): Promise<unknown> {
    const typed = channel as Channel;
    this.calls.push({ channel: typed, payload });
    const reply = this.#replies.get(typed);
    if (!reply) {
      return Promise.reject(new Error(`FakeBridge: the test gave no answer for ${channel}`));
    }
    if (reply.kind === 'value') return Promise.resolve(ok(reply.value(payload as never)));
    if (reply.kind === 'error') return Promise.resolve(failed(reply.error));
    return new Promise((resolve) => {
      const request: HeldRequest<Channel> = {
        channel: typed,
        payload: payload as never,
        answer: (value) => resolve(ok(value)),
        refuse: (code, message) => resolve(failed({ code, message })),
      };
      const waiter = this.#waiters.findIndex((w) => w.channel === typed);
      if (waiter >= 0) this.#waiters.splice(waiter, 1)[0].resolve(request);
      else this.#held.push(request);
    });
  }

  on(event: string, listener: (payload: unknown) => void): () => void {
    let set = this.#listeners.get(event);
    if (!set) this.#listeners.set(event, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }
}

function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

function failed(error: ApiError): Result<never> {
  return { ok: false, error };
}

// Taken before any test fakes the timers.
const realSetTimeout = globalThis.setTimeout;

/**
 * Lets every reply that is already due reach the state: the bridge answers in promise callbacks,
 * which all run before the next task. Not a wait for time; held requests stay held.
 */
export function settle(): Promise<void> {
  return new Promise((resolve) => realSetTimeout(resolve, 0));
}
