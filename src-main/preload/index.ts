// The only renderer-side user of ipcRenderer. Exposes a two-function bridge; the typed client in the
// renderer (src-renderer/lib/api) adds the channel types, and main validates every payload.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HostBridge } from '../contract/api';

const INVOKE_CHANNEL = 'api:invoke';
const EVENT_CHANNEL = 'api:event';

const bridge: HostBridge = {
  invoke: (channel, payload) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, payload),
  on(event, listener) {
    const wrapped = (_e: IpcRendererEvent, name: string, payload: unknown) => {
      if (name === event) listener(payload);
    };
    ipcRenderer.on(EVENT_CHANNEL, wrapped);
    return () => ipcRenderer.removeListener(EVENT_CHANNEL, wrapped);
  },
};

contextBridge.exposeInMainWorld('api', bridge);
