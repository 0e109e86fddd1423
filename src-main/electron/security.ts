import { app, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/renderer-files';
import {
  APP_ORIGIN,
  isAllowedExternalUrl,
  isAppUrl as isAppUrlOf,
  permissionAllowed,
} from './policy';

export { APP_ORIGIN };

/** The dev server's URL when running `npm run dev`, else null. */
export function devServerUrl(): string | null {
  return !app.isPackaged && process.env.ELECTRON_RENDERER_URL
    ? process.env.ELECTRON_RENDERER_URL
    : null;
}

/** Whether `url` is one of the app's own pages (see policy.ts). */
export function isAppUrl(url: string): boolean {
  return isAppUrlOf(url, devServerUrl());
}

/**
 * CSP on every response, every request that is not the app's own blocked, no permissions, no
 * navigation or redirect away from the app (in any frame), no popups, no webviews.
 */
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
  ses.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permissionAllowed(permission)),
  );
  ses.setPermissionCheckHandler((_contents, permission) => permissionAllowed(permission));

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      // The few pages the app links to open in the system browser; nothing opens in the app.
      if (isAllowedExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
    const stayInApp = (event: { preventDefault(): void }, url: string) => {
      if (!isAppUrl(url)) event.preventDefault();
    };
    contents.on('will-navigate', (event, url) => stayInApp(event, url));
    contents.on('will-redirect', (event, url) => stayInApp(event, url));
    contents.on('will-frame-navigate', (event) => stayInApp(event, event.url));
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
