import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Channel, RequestOf, ResponseOf } from '../../../src-main/contract/api';
import type { Result } from '../../../src-main/contract/errors';
import type { WebApp } from './web-app';

/** How long the first page load may take to show the backend (wasm start on a busy box). */
const BACKEND_TIMEOUT_MS = 60_000;

/** Opens the app's page and waits until the backend badge shows (the app has started). */
export async function openApp(page: Page, app: WebApp): Promise<void> {
  await page.goto(app.url);
  await page.getByTestId('backend').waitFor({ timeout: BACKEND_TIMEOUT_MS });
}

/**
 * Waits until the page knows whether the guided first run opens by itself (the host answered),
 * then closes it if it did: after this, no tour card appears on its own.
 */
export async function skipTour(page: Page): Promise<void> {
  await page.locator('[data-testid="tour-help"][data-tour-known="true"]').waitFor();
  if (await page.getByTestId('tour').count()) await page.getByTestId('tour-skip').click();
}

/**
 * Runs `act` and returns the paths of the requests the page made because of it. A request the
 * page makes in response to `act` goes out before a marker request made after it (one JS thread,
 * requests reported in order), so once the marker is seen the list is complete: a test can show
 * that nothing was asked without waiting for a while.
 */
export async function requestsDuring(page: Page, act: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const record = (request: { url(): string }) => seen.push(new URL(request.url()).pathname);
  page.on('request', record);
  try {
    await act();
    const marker = `/letter-lab-marker-${Date.now()}`;
    await page.evaluate((url) => fetch(url).then(() => undefined), marker);
    await expect.poll(() => seen.includes(marker)).toBe(true);
    return seen.slice(0, seen.indexOf(marker));
  } finally {
    page.off('request', record);
  }
}

/**
 * Follows the page's API requests from now on; the function it returns waits until none is in
 * flight and the page has drawn their answers (a tab's data loaded, say).
 */
export function apiSettled(page: Page): () => Promise<void> {
  const pending = new Set<unknown>();
  const isApi = (request: { url(): string }) => request.url().includes('/api/invoke/');
  page.on('request', (r) => {
    if (isApi(r)) pending.add(r);
  });
  page.on('requestfinished', (r) => pending.delete(r));
  page.on('requestfailed', (r) => pending.delete(r));
  return async () => {
    await expect.poll(() => pending.size, { timeout: 60_000 }).toBe(0);
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
  };
}

/**
 * Where the screenshot `<file>.png` goes: in $LETTER_LAB_SHOTS (created if needed), or null when
 * that variable is unset and no screenshots are wanted.
 */
export function shotPath(file: string): string | null {
  const dir = process.env.LETTER_LAB_SHOTS;
  if (!dir) return null;
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, `${file}.png`);
}

/** A `shot(page, name)` that saves a full-page screenshot as `<prefix>-<name>.png`. */
export function pageShots(prefix: string): (page: Page, name: string) => Promise<void> {
  return async (page, name) => {
    const file = shotPath(`${prefix}-${name}`);
    if (file) await page.screenshot({ path: file, fullPage: true });
  };
}

/** The app's API, called the way the renderer calls it (token header, same origin). */
export type ApiInvoke = <C extends Channel>(
  channel: C,
  payload?: RequestOf<C>,
) => Promise<ResponseOf<C>>;

/** An `invoke` for `app`'s API that throws with the channel and the error when a call fails. */
export function apiClient(app: WebApp): ApiInvoke {
  const token = new URL(app.url).searchParams.get('token') ?? '';
  return async <C extends Channel>(channel: C, payload?: RequestOf<C>) => {
    const response = await fetch(`${app.origin}/api/invoke/${channel}`, {
      method: 'POST',
      headers: { 'x-letter-lab-token': token, 'content-type': 'application/json' },
      body: payload === undefined ? '' : JSON.stringify(payload),
    });
    const result = (await response.json()) as Result<ResponseOf<C>>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  };
}
