import { net, protocol } from 'electron';
import { answerAppRequest } from './app-protocol';
import { APP_SCHEME } from './policy';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer at app://letter-lab/, never anything outside its folder. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) =>
    answerAppRequest(rendererDir, request.url, (fileUrl) => net.fetch(fileUrl)),
  );
}
