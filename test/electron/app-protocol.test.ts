// The app:// handler (src-main/electron/app-protocol.ts) on a real folder: the renderer's files,
// 400 for a path that does not decode, 404 for anything outside the folder. Electron's net.fetch
// is replaced by reading the file:// URL from disk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerAppRequest } from '../../src-main/electron/app-protocol';

let dir: string;
let rendererDir: string;

async function readFileUrl(fileUrl: string): Promise<Response> {
  try {
    return new Response(await fs.promises.readFile(fileURLToPath(fileUrl)));
  } catch {
    return new Response('missing', { status: 404 });
  }
}

async function get(url: string): Promise<{ status: number; body: string }> {
  const response = await answerAppRequest(rendererDir, url, readFileUrl);
  return { status: response.status, body: await response.text() };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-protocol-'));
  rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<p>app</p>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'a b.js'), 'js');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  fs.mkdirSync(path.join(dir, 'renderer-evil'));
  fs.writeFileSync(path.join(dir, 'renderer-evil', 'x.js'), 'secret');
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('answerAppRequest', () => {
  it('serves index.html at the root and files by their encoded names', async () => {
    expect(await get('app://letter-lab/')).toEqual({ status: 200, body: '<p>app</p>' });
    expect(await get('app://letter-lab/index.html?v=1')).toEqual({
      status: 200,
      body: '<p>app</p>',
    });
    expect(await get('app://letter-lab/assets/a%20b.js')).toEqual({ status: 200, body: 'js' });
  });

  it.each([
    ['a stray %', 'app://letter-lab/%'],
    ['a broken escape', 'app://letter-lab/assets/%E0%A4%A.js'],
    ['a NUL byte', 'app://letter-lab/index.html%00.js'],
    ['a URL that does not parse', 'not a url'],
  ])('answers 400 to %s instead of throwing', async (_name, url) => {
    expect((await get(url)).status).toBe(400);
  });

  it.each([
    ['dot segments', 'app://letter-lab/../secret.txt'],
    ['an encoded slash', 'app://letter-lab/..%2Fsecret.txt'],
    ['an encoded backslash', 'app://letter-lab/..%5Csecret.txt'],
    ['a sibling folder sharing the prefix', 'app://letter-lab/..%2Frenderer-evil%2Fx.js'],
  ])('never serves a file outside the renderer folder (%s)', async (_name, url) => {
    const { status, body } = await get(url);
    expect(status).toBe(404);
    expect(body).not.toContain('secret');
  });

  it('reads an absolute path in the URL inside the renderer folder', async () => {
    const secret = encodeURIComponent(path.join(dir, 'secret.txt'));
    const { status, body } = await get(`app://letter-lab/${secret}`);
    expect(status).toBe(404);
    expect(body).not.toContain('secret');
  });
});
