import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import {
  launchBrowser,
  offHostRequests,
  recordRequests,
  startWebApp,
  type WebApp,
} from './helpers/web-app';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('browser mode: the app shell', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startWebApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('loads, shows the backend the real core reports, and stays on 127.0.0.1', async () => {
    const cli = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'info'], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ) as { backend: string };
    const page = await browser.newPage();
    const requests = recordRequests(page);
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(app.url);
    const backend = page.getByTestId('backend');
    await backend.waitFor({ timeout: 60_000 });
    expect(await backend.getAttribute('data-backend')).toBe(cli.backend);
    await expect.poll(() => backend.textContent()).toMatch(/WebAssembly|TensorFlow/);
    expect(page.url()).not.toContain('token=');
    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
    expect(offHostRequests(requests)).toEqual([]);
    await page.close();
  });

  it('switches the language to Polish at run time', async () => {
    const page = await browser.newPage();
    await page.goto(app.url);
    await page.getByTestId('backend').waitFor();
    await page.getByTestId('language').selectOption('pl');
    await expect.poll(() => page.getByRole('tab', { name: 'Trening' }).count()).toBe(1);
    await page.close();
  });

  it('refuses API calls without the token or from another origin', async () => {
    const noToken = await fetch(`${app.origin}/api/invoke/app:info`, { method: 'POST' });
    expect(noToken.status).toBe(401);
    const token = new URL(app.url).searchParams.get('token') ?? '';
    const otherOrigin = await fetch(`${app.origin}/api/invoke/app:info`, {
      method: 'POST',
      headers: { 'x-letter-lab-token': token, origin: 'http://evil.example' },
    });
    expect(otherOrigin.status).toBe(403);
    const ok = await fetch(`${app.origin}/api/invoke/app:info`, {
      method: 'POST',
      headers: { 'x-letter-lab-token': token },
    });
    expect(((await ok.json()) as { ok: boolean }).ok).toBe(true);
  });
});
