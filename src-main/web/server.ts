import http from 'node:http';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { ApiRegistry } from '../host/registry';
import type { EventHub } from '../host/events';
import type { Result } from '../contract/errors';
import type { Channel, RequestOf } from '../contract/api';
import { MAX_UPLOAD_BYTES } from '../host/dataset-files';
import { serveStatic } from './static';

/** Largest JSON request body; dataset uploads go as raw bytes with their own limit. */
const MAX_JSON_BYTES = 8 * 1024 * 1024;
const MAX_BINARY_BYTES = MAX_UPLOAD_BYTES;
/** Channels whose request carries a file's bytes: the web bridge sends those as a raw body. */
type BytesChannel = {
  [C in Channel]: RequestOf<C> extends { bytes: Uint8Array } ? C : never;
}[Channel];
/**
 * The only channels that take a raw file body (application/octet-stream): a letters file the
 * camper opens, and a camper's letters file the teacher adds to the class file. Typed so that a
 * new channel with bytes cannot be forgotten here (browser mode would refuse it).
 */
const BYTES_CHANNELS = [
  'dataset:upload',
  'letters:class-add',
] as const satisfies readonly BytesChannel[];
type Missing = Exclude<BytesChannel, (typeof BYTES_CHANNELS)[number]>;
const everyBytesChannel: [Missing] extends [never] ? true : Missing = true;
export const BINARY_CHANNELS: readonly string[] = everyBytesChannel ? BYTES_CHANNELS : [];
/**
 * A body over its limit is read to its end and thrown away, so the client gets the 413 answer
 * instead of a reset connection; past this many bytes more the connection is closed instead.
 */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;
export const TOKEN_HEADER = 'x-letter-lab-token';
export const PAYLOAD_HEADER = 'x-letter-lab-payload';

export interface WebServerOptions {
  registry: ApiRegistry;
  events: EventHub;
  rendererDir: string;
  port: number;
  token?: string;
  /** Channels that take raw bytes; BINARY_CHANNELS unless a test says otherwise. */
  binaryChannels?: readonly string[];
}

export interface WebServer {
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  const body: Result<never> = { ok: false, error: { code: 'api.forbidden', message } };
  sendJson(res, status, body);
}

type Body = { bytes: Buffer } | { tooLarge: true; closeAfter: boolean };

/**
 * Reads a request body of at most `limit` bytes into one buffer (sized from Content-Length when
 * it is given, so a large upload is never held twice). A body over the limit is drained and
 * dropped, up to MAX_DISCARD_BYTES, so the answer can still be a proper 413.
 */
function readBody(req: http.IncomingMessage, limit: number): Promise<Body> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit + MAX_DISCARD_BYTES) {
    return Promise.resolve({ tooLarge: true, closeAfter: true });
  }
  return new Promise((resolve, reject) => {
    // Node's parser delivers exactly Content-Length bytes when the header is there.
    const sized = Number.isInteger(declared) && declared <= limit ? Buffer.alloc(declared) : null;
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        if (size > limit + MAX_DISCARD_BYTES) {
          req.removeAllListeners('data');
          req.pause();
          resolve({ tooLarge: true, closeAfter: true });
        }
        return;
      }
      if (sized) chunk.copy(sized, size - chunk.length);
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) resolve({ tooLarge: true, closeAfter: false });
      else resolve({ bytes: sized ?? Buffer.concat(chunks) });
    });
    req.on('error', reject);
  });
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

/**
 * Browser mode: serves the built renderer and the app's API on 127.0.0.1 only. Every API call needs
 * the per-run token and must come from this server's own origin (127.0.0.1 or localhost with its
 * port), so other local pages cannot use it.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const binaryChannels = new Set(options.binaryChannels ?? BINARY_CHANNELS);
  const streams = new Set<http.ServerResponse>();
  let origin = '';
  const ownOrigins = (): string[] => [origin, `http://localhost:${new URL(origin).port}`];

  const unsubscribe = options.events.subscribe((event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const res of streams) res.write(frame);
  });

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'The request failed inside the server.');
      else res.end();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    const host = req.headers.host ?? '';
    // The page may be opened as http://127.0.0.1:PORT or http://localhost:PORT: both name this
    // server, and each is the page's own origin for the API. Any other name is refused (DNS
    // rebinding), and so is any other origin.
    const own = ownOrigins();
    if (!own.some((o) => new URL(o).host === host)) {
      refuse(res, 403, 'Wrong Host header: Letter Lab answers only on its own address.');
      return;
    }
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      await serveStatic(options.rendererDir, url.pathname, res);
      return;
    }
    const requestOrigin = req.headers.origin;
    if (requestOrigin !== undefined && !own.includes(requestOrigin)) {
      refuse(res, 403, `Requests from ${requestOrigin} are not allowed.`);
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      if (!sameToken(url.searchParams.get('token'), token)) {
        refuse(res, 401, 'Missing or wrong token: open the address that `npm run web` printed.');
        return;
      }
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      streams.add(res);
      req.on('close', () => streams.delete(res));
      return;
    }
    const match = /^\/api\/invoke\/([a-z]+:[a-z-]+)$/.exec(url.pathname);
    if (!match || req.method !== 'POST') {
      sendJson(res, 404, {
        ok: false,
        error: { code: 'api.unknown-channel', message: `No API at ${url.pathname}.` },
      });
      return;
    }
    if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
      refuse(res, 401, 'Missing or wrong token: open the address that `npm run web` printed.');
      return;
    }
    const binary = req.headers['content-type'] === 'application/octet-stream';
    if (binary && !binaryChannels.has(match[1])) {
      res.setHeader('connection', 'close');
      sendJson(res, 415, {
        ok: false,
        error: {
          code: 'api.bad-request',
          message: `${match[1]} takes JSON, not raw bytes: only file uploads send bytes.`,
        },
      });
      return;
    }
    const limit = binary ? MAX_BINARY_BYTES : MAX_JSON_BYTES;
    const read = await readBody(req, limit);
    if (!('bytes' in read)) {
      if (read.closeAfter) {
        res.setHeader('connection', 'close');
        res.on('finish', () => req.destroy());
      }
      sendJson(res, 413, {
        ok: false,
        error: {
          code: 'file.too-large',
          message: binary
            ? `The file is larger than the ${limit / 2 ** 20} MiB Letter Lab opens.`
            : `The request is larger than the ${limit / 2 ** 20} MiB Letter Lab takes.`,
        },
      });
      return;
    }
    const body = read.bytes;
    let payload: unknown;
    try {
      if (binary) {
        const meta = req.headers[PAYLOAD_HEADER];
        const rest = typeof meta === 'string' ? JSON.parse(decodeURIComponent(meta)) : {};
        payload = { ...rest, bytes: new Uint8Array(body.buffer, body.byteOffset, body.length) };
      } else {
        payload = body.length === 0 ? undefined : JSON.parse(body.toString('utf8'));
      }
    } catch {
      sendJson(res, 400, {
        ok: false,
        error: { code: 'api.bad-request', message: 'The request body is not valid JSON.' },
      });
      return;
    }
    sendJson(res, 200, await options.registry.dispatch(match[1], payload));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    token,
    url: `${origin}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const res of streams) res.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
