import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiRegistry } from '../../src-main/host/registry';
import { EventHub } from '../../src-main/host/events';
import { startWebServer, type WebServer } from '../../src-main/web/server';

/** A raw request, so the Host and Origin headers can be forged as an attacker would. */
function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('browser-mode server', () => {
  let server: WebServer;
  let rendererDir: string;
  const events = new EventHub();
  const received: unknown[] = [];

  beforeAll(async () => {
    rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-renderer-'));
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<h1>hi</h1>');
    fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'secret');
    const registry = new ApiRegistry();
    registry.handle(
      'app:info',
      z.any() as never,
      ((payload: unknown) => {
        received.push(payload);
        return { echo: payload instanceof Object && 'bytes' in payload ? 'bytes' : payload };
      }) as never,
    );
    registry.handle(
      'dataset:upload',
      z.any() as never,
      ((payload: unknown) => {
        received.push(payload);
        return { upload: true };
      }) as never,
    );
    server = await startWebServer({ registry, events, rendererDir, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 only and prints a tokened URL', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const index = await rawRequest(`${server.origin}/`, {});
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    const escape = await rawRequest(`${server.origin}/..%2Fsecret.txt`, {});
    expect(escape.status).toBe(404);
    expect(escape.body).not.toContain('secret');
  });

  it('answers API calls with the token from its own origin', async () => {
    const res = await rawRequest(`${server.origin}/api/invoke/app:info`, {
      method: 'POST',
      headers: {
        'x-letter-lab-token': server.token,
        origin: server.origin,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ hello: 1 }),
    });
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { echo: { hello: 1 } } });
  });

  it('answers the same page opened as http://localhost:PORT (Host and Origin localhost)', async () => {
    const port = new URL(server.origin).port;
    const local = `http://localhost:${port}`;
    const page = await rawRequest(`${server.origin}/`, { headers: { host: `localhost:${port}` } });
    expect(page.status).toBe(200);
    const res = await rawRequest(`${server.origin}/api/invoke/app:info`, {
      method: 'POST',
      headers: {
        host: `localhost:${port}`,
        origin: local,
        'x-letter-lab-token': server.token,
        'content-type': 'application/json',
      },
      body: JSON.stringify({ from: 'localhost' }),
    });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: { echo: { from: 'localhost' } } });
    const stream = await new Promise<number>((resolve, reject) => {
      const req = http.get(
        `${server.origin}/api/events?token=${server.token}`,
        { headers: { host: `localhost:${port}`, origin: local } },
        (r) => {
          resolve(r.statusCode ?? 0);
          r.destroy();
        },
      );
      req.on('error', reject);
    });
    expect(stream).toBe(200);
  });

  it.each([
    ['no token', () => ({}), 401],
    ['a wrong token', () => ({ 'x-letter-lab-token': 'nope' }), 401],
    [
      'another origin',
      () => ({ 'x-letter-lab-token': server.token, origin: 'http://localhost:9' }),
      403,
    ],
    [
      'another page on localhost',
      () => ({ 'x-letter-lab-token': server.token, origin: 'http://localhost' }),
      403,
    ],
    [
      'a look-alike origin',
      () => ({
        'x-letter-lab-token': server.token,
        origin: `http://localhost.evil.example:${new URL(server.origin).port}`,
      }),
      403,
    ],
    [
      'localhost on another port as Host',
      () => ({ 'x-letter-lab-token': server.token, host: 'localhost:9' }),
      403,
    ],
    [
      'a rebinding Host header',
      () => ({ 'x-letter-lab-token': server.token, host: 'evil.example' }),
      403,
    ],
  ])('refuses a request with %s', async (_name, headers, status) => {
    const res = await rawRequest(`${server.origin}/api/invoke/app:info`, {
      method: 'POST',
      headers: headers() as Record<string, string>,
    });
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body).ok).toBe(false);
  });

  it('refuses event streams without the token', async () => {
    const res = await rawRequest(`${server.origin}/api/events`, {});
    expect(res.status).toBe(401);
  });

  it('passes raw bytes with their JSON fields to the upload handler', async () => {
    const res = await rawRequest(`${server.origin}/api/invoke/dataset:upload`, {
      method: 'POST',
      headers: {
        'x-letter-lab-token': server.token,
        'content-type': 'application/octet-stream',
        'x-letter-lab-payload': encodeURIComponent(JSON.stringify({ name: 'a.mat' })),
      },
      body: Buffer.from([1, 2, 3]),
    });
    expect(JSON.parse(res.body).ok).toBe(true);
    const last = received.at(-1) as { name: string; bytes: Uint8Array };
    expect(last.name).toBe('a.mat');
    expect([...last.bytes]).toEqual([1, 2, 3]);
  });

  it('gives a clear error for a body that is not JSON', async () => {
    const res = await rawRequest(`${server.origin}/api/invoke/app:info`, {
      method: 'POST',
      headers: { 'x-letter-lab-token': server.token, 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(JSON.parse(res.body).error.message).toMatch(/not valid JSON/);
  });

  it('takes raw bytes only on the upload channel', async () => {
    const before = received.length;
    const res = await rawRequest(`${server.origin}/api/invoke/app:info`, {
      method: 'POST',
      headers: {
        'x-letter-lab-token': server.token,
        'content-type': 'application/octet-stream',
      },
      body: Buffer.alloc(1024),
    });
    expect(res.status).toBe(415);
    expect(JSON.parse(res.body).error.message).toMatch(/takes JSON/);
    expect(received.length).toBe(before);
  });

  it('answers a JSON body over 8 MiB with 413, not a reset connection', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(9 * 1024 * 1024) });
    const res = await rawRequest(`${server.origin}/api/invoke/app:info`, {
      method: 'POST',
      headers: { 'x-letter-lab-token': server.token, 'content-type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).error.code).toBe('file.too-large');
    // The connection is still good for the next call.
    const next = await rawRequest(`${server.origin}/api/invoke/app:info`, {
      method: 'POST',
      headers: { 'x-letter-lab-token': server.token, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(next.status).toBe(200);
  });

  it('answers 413 for a chunked JSON body over the limit too', async () => {
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request(
        `${server.origin}/api/invoke/app:info`,
        {
          method: 'POST',
          headers: {
            'x-letter-lab-token': server.token,
            'content-type': 'application/json',
            'transfer-encoding': 'chunked',
          },
        },
        (r) => {
          let body = '';
          r.on('data', (c: Buffer) => (body += c.toString()));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      const piece = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 10; i++) req.write(piece);
      req.end();
    });
    expect(res.status).toBe(413);
  });
});
