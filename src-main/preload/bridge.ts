// The bridge the preload exposes as `window.api`, built on anything shaped like ipcRenderer so a
// Node test can drive it: two functions over two channels, the host's events told apart by name.
import type { HostBridge } from '../contract/api';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../electron/ipc-channels';

/** The part of Electron's ipcRenderer the bridge uses. */
export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: IpcLike): HostBridge {
  return {
    invoke: (channel, payload) => ipc.invoke(INVOKE_CHANNEL, channel, payload),
    on(event, listener) {
      const wrapped = (_event: unknown, name: unknown, payload: unknown) => {
        if (name === event) listener(payload);
      };
      ipc.on(EVENT_CHANNEL, wrapped);
      return () => void ipc.removeListener(EVENT_CHANNEL, wrapped);
    },
  };
}
