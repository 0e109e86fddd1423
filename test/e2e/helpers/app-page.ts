import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
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
