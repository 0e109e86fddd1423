// The IPC channel names, in one place for main (ipc.ts) and the preload (preload/bridge.ts).
// The API's own channels (`dataset:open` …) travel inside these two: see contract/api.ts.

/** Renderer → main: one request (`ipcRenderer.invoke(INVOKE, channel, payload)`). */
export const INVOKE_CHANNEL = 'api:invoke';
/** Main → renderer: one host event (`send(EVENT, event, payload)`). */
export const EVENT_CHANNEL = 'api:event';
