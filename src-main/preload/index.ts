// The only renderer-side user of ipcRenderer. Exposes a two-function bridge (bridge.ts); the typed
// client in the renderer (src-renderer/lib/api) adds the channel types, and main validates every
// payload.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('api', createBridge(ipcRenderer));
