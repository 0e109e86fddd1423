import type { EventMap, EventName } from '../contract/api';

type Listener = (event: EventName, payload: unknown) => void;

/** Events from the host to every connected renderer. Transports subscribe once. */
export class EventHub {
  private readonly listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const listener of this.listeners) listener(event, payload);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
