// The app:// handler's answer to one request, without Electron: the renderer's file through
// `fetchFile` (Electron's net.fetch), or 400 for a path that does not decode and 404 for one that
// leads outside the renderer's folder. A bad URL never throws inside the protocol handler.
import { pathToFileURL } from 'node:url';
import { rendererFile } from '../host/renderer-files';

const STATUS_TEXT = { 400: 'Bad request', 404: 'Not found' } as const;

export function answerAppRequest(
  rendererDir: string,
  requestUrl: string,
  fetchFile: (fileUrl: string) => Promise<Response>,
): Promise<Response> {
  let pathname: string;
  try {
    pathname = new URL(requestUrl).pathname;
  } catch {
    return Promise.resolve(new Response(STATUS_TEXT[400], { status: 400 }));
  }
  const target = rendererFile(rendererDir, pathname);
  if (!target.ok) {
    return Promise.resolve(new Response(STATUS_TEXT[target.status], { status: target.status }));
  }
  return fetchFile(pathToFileURL(target.file).toString());
}
