// Which renderer file a request path names, for both hosts (src-main/host/renderer-files.ts).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, rendererFile } from '../../src-main/host/renderer-files';

const root = path.resolve('/srv/renderer');

describe('rendererFile', () => {
  it.each([
    ['/', 'index.html'],
    ['', 'index.html'],
    ['/index.html?token=abc', 'index.html'],
    ['/assets/index-1.js', path.join('assets', 'index-1.js')],
    ['/assets/a%20b.css', path.join('assets', 'a b.css')],
    ['/assets/../index.html', 'index.html'],
  ])('maps %j inside the folder', (urlPath, relative) => {
    expect(rendererFile(root, urlPath)).toEqual({ ok: true, file: path.join(root, relative) });
  });

  it.each(['/%', '/%zz', '/a%E0%A4%A', '/index.html%00'])('answers 400 to %j', (urlPath) => {
    expect(rendererFile(root, urlPath)).toEqual({ ok: false, status: 400 });
  });

  it.each(['/..', '/../x', '/..%2Fx', '/..%2F..%2Fetc%2Fpasswd', '/..%2Frenderer2%2Fx'])(
    'answers 404 to %j, which leads outside',
    (urlPath) => {
      expect(rendererFile(root, urlPath)).toEqual({ ok: false, status: 404 });
    },
  );

  it('keeps a backslash from leading outside (a separator on Windows, a letter elsewhere)', () => {
    const target = rendererFile(root, '/..%5C..%5Csecret.txt');
    if (path.sep === '\\') expect(target).toEqual({ ok: false, status: 404 });
    else expect(target).toEqual({ ok: true, file: path.join(root, '..\\..\\secret.txt') });
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  it('allows only the app’s own origin for scripts, connections, fonts, frames and forms', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(directives['font-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
  });
});
