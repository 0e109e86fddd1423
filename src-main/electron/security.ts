import { app, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../web/static';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://letter-lab`;

/** The dev server's URL when running `npm run dev`, else null. */
export function devServerUrl(): string | null {
  return !app.isPackaged && process.env.ELECTRON_RENDERER_URL
    ? process.env.ELECTRON_RENDERER_URL
    : null;
}

export function isAppUrl(url: string): boolean {
  const dev = devServerUrl();
  return url.startsWith(`${APP_ORIGIN}/`) || (dev !== null && url.startsWith(dev));
}

/** CSP on every response, every request that is not the app's own blocked, no navigation, no popups. */
export function setupSecurity(): void {
  const ses = session.defaultSession;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
      },
    });
  });
  ses.webRequest.onBeforeRequest((details, callback) => {
    const url = details.url;
    const allowed =
      isAppUrl(url) ||
      url.startsWith('devtools://') ||
      url.startsWith('data:') ||
      url.startsWith('blob:');
    callback({ cancel: !allowed });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the system browser only when explicitly https.
      if (url.startsWith('https://')) void shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
