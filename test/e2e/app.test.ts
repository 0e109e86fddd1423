import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { shotPath } from './helpers/app-page';
import { runAxe } from './helpers/axe';
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
    // One short line for campers; the technical reason is in the details.
    await expect
      .poll(() => backend.textContent())
      .toMatch(/^\s*Training (with TensorFlow )?on this computer’s processor, \d+ cores?\s*$/);
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

  it('says in the status bar what trains in a short translated line, the reason in its details', async () => {
    const info = JSON.parse(
      execFileSync(process.execPath, ['--import', 'tsx', 'src-main/cli/main.ts', 'info'], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    ) as { summary: string; reason: string };
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(app.url);
    const line = page.getByTestId('backend');
    await line.waitFor({ timeout: 60_000 });
    await page.getByTestId('language').selectOption('en');
    await expect
      .poll(async () => (await line.textContent())?.trim())
      .toBe(info.summary.replace("'", '’'));
    // Not cut off: the line fits its box.
    expect(
      await line.evaluate((el) => el.scrollWidth <= el.clientWidth && el.clientWidth > 0),
    ).toBe(true);
    const details = page.getByTestId('status-details');
    expect(await details.isVisible()).toBe(false);
    await page.getByTestId('status-details-button').click();
    expect(await details.isVisible()).toBe(true);
    expect((await page.getByTestId('backend-reason').textContent())?.trim()).toBe(info.reason);
    expect(await page.getByTestId('status-details-button').getAttribute('aria-expanded')).toBe(
      'true',
    );
    const shot = shotPath('app-status-details-en-1366');
    if (shot) await page.screenshot({ path: shot });
    await page.keyboard.press('Escape');
    expect(await details.isVisible()).toBe(false);
    await page.getByTestId('language').selectOption('pl');
    await expect
      .poll(async () => (await line.textContent())?.trim())
      .toMatch(/^Trening (z TensorFlow )?na procesorze tego komputera, \d+ rdze(ń|nie|ni)$/);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('status-details-button').click();
    expect((await runAxe(page, 'footer')).violations).toEqual([]);
    const plShot = shotPath('app-status-details-pl-1280');
    if (plShot) await page.screenshot({ path: plShot });
    await page.getByTestId('language').selectOption('en');
    await page.close();
  });

  it('works opened as http://localhost:PORT too', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(app.url.replace('127.0.0.1', 'localhost'));
    await page.getByTestId('backend').waitFor({ timeout: 60_000 });
    // The API answers there: the letters the host opened show up.
    await page.locator('#tab-data').click();
    await expect
      .poll(() => page.getByTestId('dataset-label').textContent(), { timeout: 60_000 })
      .toMatch(/\S/);
    expect(new URL(page.url()).hostname).toBe('localhost');
    expect(errors).toEqual([]);
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
