// Errors a camper sees, in the real renderer (browser mode, Chromium): a headline a camper
// understands, a plain explanation of the host's error code in the UI language, and the host's
// specific English words below it for the teacher. Also the sample set's name in Polish.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { en, pl } from '../../src-renderer/lib/i18n/en';
import { apiClient, shotPath } from './helpers/app-page';
import { launchBrowser, startWebApp, type WebApp } from './helpers/web-app';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE_META = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'resources/sample/sample-letters.json'), 'utf8'),
) as { name: string; fonts: string[] };
/** What the host says about a file that is not a MAT-file (src-main/core/mat/mat-errors.ts). */
const HOST_DETAIL =
  /This is not a MATLAB MAT-file: .+\. Letter Lab reads MAT-files saved by MATLAB/;

async function openLetters(page: Page, app: WebApp): Promise<void> {
  // The guided first run is done: its card would cover the error this test looks at.
  await apiClient(app)('runs:tour-done', { done: true });
  await page.goto(app.url);
  await page.getByTestId('backend').waitFor({ timeout: 60_000 });
  await page.getByTestId('letter-grid').waitFor({ timeout: 60_000 });
}

describe('browser mode: errors in both languages', () => {
  let app: WebApp;
  let browser: Browser;
  let dir: string;
  let notMat: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-errors-'));
    notMat = path.join(dir, 'letters.mat');
    fs.writeFileSync(notMat, 'These are not the letters.\n'.repeat(20));
    // Only the bundled sample opens at start, whatever the environment holds.
    app = await startWebApp([], { NOTMNIST_MAT: '' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('explains a bad letters file in Polish and keeps the English detail', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const pageErrors: string[] = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));
    await openLetters(page, app);
    await page.getByTestId('language').selectOption('pl');
    await expect
      .poll(() => page.getByTestId('dataset-label').textContent())
      .toBe(pl['dataset.sampleName'].replace('{fonts}', String(SAMPLE_META.fonts.length)));

    await page.getByTestId('dataset-file-input').setInputFiles(notMat);
    // A headline a camper understands, the plain explanation, then the host's detail for the
    // teacher, with its commands shown as code and no backticks.
    const title = page.getByTestId('dataset-error-title');
    await expect
      .poll(() => title.textContent(), { timeout: 60_000 })
      .toBe(pl['dataset.headline.notLetters']);
    expect(await page.getByTestId('dataset-error-explain').textContent()).toBe(
      pl['error.mat.not-mat'],
    );
    const message = page.getByTestId('dataset-error-message');
    const text = (await message.textContent()) ?? '';
    expect(text).toMatch(HOST_DETAIL);
    expect(text).not.toContain('`');
    expect(await message.locator('code').allTextContents()).toContain('save -v7');
    expect(await page.getByTestId('dataset-error').textContent()).toContain(
      'Dla nauczyciela (po angielsku):',
    );
    expect(text).not.toMatch(/\n\s+at |Error:/);
    const file = shotPath('errors-not-letters-pl-1366');
    if (file) await page.screenshot({ path: file });
    // The sample stays open, named in Polish.
    expect(await page.getByTestId('dataset-error').textContent()).toContain(
      pl['dataset.sampleName'].replace('{fonts}', String(SAMPLE_META.fonts.length)),
    );

    // In English the host's own message shows, without the Polish explanation.
    await page.getByTestId('dataset-error').getByRole('button').click();
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.getByTestId('dataset-label').textContent()).toBe(SAMPLE_META.name);
    await page.getByTestId('dataset-file-input').setInputFiles(notMat);
    await expect.poll(() => message.textContent(), { timeout: 60_000 }).toMatch(HOST_DETAIL);
    expect(await title.textContent()).toBe('This is not a letters file');
    expect(await page.getByTestId('dataset-error-explain').textContent()).toBe(
      en['error.mat.not-mat'],
    );
    const english = (await message.textContent()) ?? '';
    expect(english).toMatch(/^This is not a MATLAB MAT-file/);
    expect(english).not.toContain(pl['error.mat.not-mat']);
    expect(english).not.toContain(en['error.mat.not-mat']);
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
