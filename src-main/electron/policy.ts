// The Electron shell's security decisions as plain functions (no Electron here, so Node tests can
// check them): which URLs are the app's own, who may call the API, which links may open in the
// system browser, which permissions a page gets, and what a second copy of the app does.
import type { ApiError } from '../contract/errors';

export const APP_SCHEME = 'app';
export const APP_HOST = 'letter-lab';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether `url` is one of the app's own pages: app://letter-lab/…, or during `npm run dev` the dev
 * server's origin. Compared as parsed origins, so look-alikes (app://letter-lab.evil/,
 * http://localhost:51730 for a dev server on 5173) are not.
 */
export function isAppUrl(url: string, devServerUrl: string | null = null): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST) return true;
  if (devServerUrl === null) return false;
  const dev = parse(devServerUrl);
  return dev !== null && dev.origin !== 'null' && parsed.origin === dev.origin;
}

/** Why an IPC request is refused: it does not come from one of the app's own pages. */
export function refuseSender(
  senderUrl: string | null | undefined,
  isTrusted: (url: string) => boolean,
): ApiError | null {
  if (senderUrl && isTrusted(senderUrl)) return null;
  return { code: 'api.forbidden', message: 'Only Letter Lab’s own window may use its API.' };
}

/**
 * The only pages the app may open in the system browser: the notebook's home (Colab, named in the
 * Keras export's instructions) and the documentation the app refers to. Each entry is an https
 * origin and a path prefix.
 */
export const EXTERNAL_LINKS: readonly { origin: string; path: string }[] = [
  { origin: 'https://colab.research.google.com', path: '/' },
  { origin: 'https://keras.io', path: '/' },
  { origin: 'https://www.tensorflow.org', path: '/js' },
  { origin: 'https://yaroslavvb.blogspot.com', path: '/2011/09/notmnist-dataset.html' },
];

/** Whether a link may open in the system browser: https, no credentials, on the allow-list. */
export function isAllowedExternalUrl(
  url: string,
  allowList: readonly { origin: string; path: string }[] = EXTERNAL_LINKS,
): boolean {
  const parsed = parse(url);
  if (!parsed || parsed.protocol !== 'https:') return false;
  if (parsed.username !== '' || parsed.password !== '') return false;
  return allowList.some(
    (link) => parsed.origin === link.origin && parsed.pathname.startsWith(link.path),
  );
}

/** Every permission a page asks for or checks (camera, notifications, clipboard…) is refused. */
export function permissionAllowed(_permission: string): boolean {
  return false;
}

/**
 * Runs the desktop app only once: a second launch exits at once (before it boots a second host on
 * the same data folder) and the first one shows its window. True when this is the first instance.
 */
export function claimSingleInstance(app: {
  requestSingleInstanceLock(): boolean;
  exit(code?: number): void;
}): boolean {
  if (app.requestSingleInstanceLock()) return true;
  app.exit(0);
  return false;
}
