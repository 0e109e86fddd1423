// The Electron shell's security decisions (src-main/electron/policy.ts), checked without Electron.
import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  EXTERNAL_LINKS,
  claimSingleInstance,
  isAllowedExternalUrl,
  isAppUrl,
  permissionAllowed,
  refuseSender,
} from '../../src-main/electron/policy';

describe('isAppUrl', () => {
  it.each([
    `${APP_ORIGIN}/index.html`,
    `${APP_ORIGIN}/assets/index-abc.js?x=1#top`,
    'APP://LETTER-LAB/index.html',
  ])('takes the app’s own page %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://letter-lab.evil.example/index.html',
    'app://letterlab/index.html',
    'app://evil@letter-lab.example/',
    'https://letter-lab/index.html',
    'file:///etc/passwd',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('takes the dev server’s origin only, not a look-alike', () => {
    const dev = 'http://localhost:5173';
    expect(isAppUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.ts', dev)).toBe(true);
    expect(isAppUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', dev)).toBe(false);
    expect(isAppUrl('http://localhost:5173/', 'not a url')).toBe(false);
  });
});

describe('refuseSender', () => {
  const trusted = (url: string) => isAppUrl(url);

  it('lets the app’s own page call the API', () => {
    expect(refuseSender(`${APP_ORIGIN}/index.html`, trusted)).toBeNull();
  });

  it.each([
    ['another site', 'https://example.com/'],
    ['a frame without a URL', ''],
    ['a destroyed frame', undefined],
    ['a null frame', null],
  ])('refuses %s with api.forbidden', (_name, url) => {
    expect(refuseSender(url, trusted)).toEqual({
      code: 'api.forbidden',
      message: expect.stringContaining('Letter Lab') as string,
    });
  });
});

describe('isAllowedExternalUrl', () => {
  it('opens every listed page over https', () => {
    for (const link of EXTERNAL_LINKS) {
      expect(isAllowedExternalUrl(`${link.origin}${link.path}`)).toBe(true);
    }
    expect(isAllowedExternalUrl('https://keras.io/api/layers/')).toBe(true);
  });

  it.each([
    ['any other https site', 'https://example.com/'],
    ['a listed host over http', 'http://keras.io/'],
    ['a look-alike host', 'https://keras.io.evil.example/'],
    ['a listed host with credentials', 'https://user:pass@keras.io/'],
    ['a listed origin outside its path', 'https://www.tensorflow.org/install'],
    ['a file', 'file:///etc/passwd'],
    ['a custom scheme', 'ms-settings:privacy'],
    ['javascript', 'javascript:alert(1)'],
    ['not a URL', 'keras.io'],
  ])('refuses %s', (_name, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('permissionAllowed', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid'])(
    'refuses %s',
    (permission) => {
      expect(permissionAllowed(permission)).toBe(false);
    },
  );
});

describe('claimSingleInstance', () => {
  function fakeApp(lock: boolean) {
    const exits: (number | undefined)[] = [];
    return {
      exits,
      requestSingleInstanceLock: () => lock,
      exit: (code?: number) => exits.push(code),
    };
  }

  it('runs the first instance', () => {
    const app = fakeApp(true);
    expect(claimSingleInstance(app)).toBe(true);
    expect(app.exits).toEqual([]);
  });

  it('exits a second instance at once, with success', () => {
    const app = fakeApp(false);
    expect(claimSingleInstance(app)).toBe(false);
    expect(app.exits).toEqual([0]);
  });
});
