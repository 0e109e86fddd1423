// The only place in main that touches ipcMain. Every request goes through the shared ApiRegistry,
// which validates the payload; requests from anything but the app's own pages are refused.
import { ipcMain, webContents, type IpcMainInvokeEvent } from 'electron';
import type { ApiRegistry } from '../host/registry';
import type { EventHub } from '../host/events';
import type { Result } from '../contract/errors';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';
import { refuseSender } from './policy';

export function setupIpc(
  registry: ApiRegistry,
  events: EventHub,
  isTrustedUrl: (url: string) => boolean,
): () => void {
  ipcMain.handle(
    INVOKE_CHANNEL,
    async (
      event: IpcMainInvokeEvent,
      channel: unknown,
      payload: unknown,
    ): Promise<Result<unknown>> => {
      const refused = refuseSender(event.senderFrame?.url, isTrustedUrl);
      if (refused) return { ok: false, error: refused };
      return registry.dispatch(channel, payload);
    },
  );
  const unsubscribe = events.subscribe((event, payload) => {
    for (const contents of webContents.getAllWebContents()) {
      if (!contents.isDestroyed() && isTrustedUrl(contents.getURL())) {
        contents.send(EVENT_CHANNEL, event, payload);
      }
    }
  });
  return () => {
    unsubscribe();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
