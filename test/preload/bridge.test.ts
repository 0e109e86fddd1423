// The preload's bridge (src-main/preload/bridge.ts) on an EventEmitter standing for ipcRenderer:
// requests go out on the invoke channel, each listener gets only its own event, unsubscribing
// stops it.
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../src-main/electron/ipc-channels';
import { createBridge } from '../../src-main/preload/bridge';

class FakeIpcRenderer extends EventEmitter {
  readonly invoked: unknown[][] = [];
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return Promise.resolve({ ok: true, value: args[0] });
  }
  /** What main's `contents.send(EVENT_CHANNEL, event, payload)` looks like to the preload. */
  deliver(event: string, payload: unknown): void {
    this.emit(EVENT_CHANNEL, { sender: null }, event, payload);
  }
}

describe('createBridge', () => {
  it('sends every request on the one invoke channel with its API channel and payload', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    expect(await bridge.invoke('dataset:image', { index: 3 })).toEqual({
      ok: true,
      value: 'dataset:image',
    });
    expect(ipc.invoked).toEqual([[INVOKE_CHANNEL, 'dataset:image', { index: 3 }]]);
  });

  it('gives each listener only its own event, until it unsubscribes', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createBridge(ipc);
    const batches: unknown[] = [];
    const states: unknown[] = [];
    const stopBatches = bridge.on('training:batch', (p) => batches.push(p));
    bridge.on('training:state', (p) => states.push(p));
    ipc.deliver('training:batch', { n: 1 });
    ipc.deliver('training:state', { s: 1 });
    ipc.deliver('training:batchX', { n: 9 });
    stopBatches();
    ipc.deliver('training:batch', { n: 2 });
    expect(batches).toEqual([{ n: 1 }]);
    expect(states).toEqual([{ s: 1 }]);
    expect(ipc.listenerCount(EVENT_CHANNEL)).toBe(1);
  });
});
