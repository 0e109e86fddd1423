// What both hosts serve the renderer with: one Content-Security-Policy (the Electron window's
// responses and browser mode's pages), and which file of the renderer's folder a request names.
import path from 'node:path';

/** Nothing but the app's own origin: no remote scripts, styles, fonts, frames or connections. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The file to serve, or the HTTP status to answer instead (400: not a path; 404: not ours). */
export type RendererFile = { ok: true; file: string } | { ok: false; status: 400 | 404 };

/**
 * The file under `root` that the URL path `urlPath` names ('/' is index.html). A path that does not
 * decode (a stray '%') or holds a NUL byte is a bad request; one that leads outside `root` (`..`,
 * encoded slashes or backslashes) is not found. Nothing is read from disk.
 */
export function rendererFile(root: string, urlPath: string): RendererFile {
  let relative: string;
  try {
    relative = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return { ok: false, status: 400 };
  }
  if (relative.includes('\0')) return { ok: false, status: 400 };
  if (relative === '/' || relative === '') relative = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, '.' + relative);
  if (!file.startsWith(base + path.sep)) return { ok: false, status: 404 };
  return { ok: true, file };
}
