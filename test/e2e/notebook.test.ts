// The guided first run and the lab notebook in the real renderer (browser mode, Chromium), on an
// empty user-data folder and the bundled sample letters: the tour opens by itself on the first
// launch and is walked step by step (look at the letters, load the first preset, train it, draw a
// letter); then the notebook records the run, a
// second run is compared with it (curves, table, what changed, in English and Polish), the HTML
// report is downloaded and checked, runs are renamed, starred, annotated and deleted, and Help
// and Esc reopen and close the tour. Screenshots go to $LETTER_LAB_SHOTS when it is set.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { apiClient, shotPath } from './helpers/app-page';
import { runAxe, WCAG2_AA } from './helpers/axe';
import { launchBrowser, startWebApp, type WebApp } from './helpers/web-app';

let app: WebApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

async function shot(name: string): Promise<void> {
  const file = shotPath(`notebook-${name}`);
  if (file) await page.screenshot({ path: file });
}

function tourStep(): Promise<string | null> {
  return page.getByTestId('tour').getAttribute('data-step');
}

async function waitStep(step: string, timeout = 10_000): Promise<void> {
  await expect.poll(tourStep, { timeout }).toBe(step);
}

/** A "C" drawn with the mouse as one stroke: an arc open to the right. */
async function drawC(): Promise<void> {
  const canvas = page.getByTestId('draw-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('the drawing canvas is not on screen');
  const at = (angle: number) =>
    [
      box.x + box.width * (0.5 + 0.3 * Math.cos(angle)),
      box.y + box.height * (0.5 + 0.32 * Math.sin(angle)),
    ] as const;
  const from = Math.PI / 4;
  const to = 2 * Math.PI - Math.PI / 4;
  await page.mouse.move(...at(-from));
  await page.mouse.down();
  for (let i = 1; i <= 16; i++) await page.mouse.move(...at(-from - ((to - from) * i) / 16));
  await page.mouse.up();
}

function runCards() {
  return page.getByTestId('run-card');
}

async function axeViolations(selector: string): Promise<string[]> {
  return (await runAxe(page, selector, WCAG2_AA)).violations;
}

async function trainingNow(): Promise<{ runId: string | null; status: string }> {
  return apiClient(app)('training:state');
}

/** Trains a preset for `epochs` epochs from the Build and Train tabs, waiting for the end. */
async function trainFromTabs(presetId: string, epochs: number): Promise<void> {
  const before = (await trainingNow()).runId;
  await page.getByRole('tab', { name: 'Build' }).click();
  await page.locator('#preset-select').selectOption(presetId);
  await page.getByTestId('preset-load').click();
  await page.getByTestId('compile-epochs').fill(String(epochs));
  await page.getByTestId('compile-epochs').press('Tab');
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByTestId('train-start').click();
  await expect
    .poll(
      async () => {
        const now = await trainingNow();
        return now.runId !== before && now.status === 'finished';
      },
      { timeout: 240_000, interval: 250 },
    )
    .toBe(true);
}

describe('guided first run and lab notebook (browser mode)', () => {
  beforeAll(async () => {
    app = await startWebApp([], { NOTMNIST_MAT: '' });
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1280, height: 860 },
      acceptDownloads: true,
      locale: 'en-US',
    });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await app?.stop();
  });

  it('walks a new camper from the first launch to a drawn prediction', async () => {
    await page.goto(app.url);
    // First launch, empty user folder: the tour opens by itself at step 1.
    await page.getByTestId('tour').waitFor({ timeout: 60_000 });
    expect(await tourStep()).toBe('letters');
    await expect.poll(() => page.getByTestId('tour-text').textContent()).toMatch(/letters A to J/);
    await page.getByTestId('letter-grid').waitFor({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('tour-ring').count()).toBeGreaterThan(0);
    await shot('tour-1-letters');

    // Step 1: look at a letter, then open Build.
    await page.locator('[data-testid="letter-grid"] button[data-index]').nth(3).click();
    expect(await tourStep()).toBe('letters');
    await page.getByRole('tab', { name: 'Build' }).click();
    await waitStep('preset');
    // The ring is on the preset list.
    const ring = await page.getByTestId('tour-ring').first().boundingBox();
    const list = await page.locator('#preset-select').boundingBox();
    expect(ring && list && Math.abs(ring.y + 4 - list.y) < 2).toBe(true);
    await shot('tour-2-preset');

    // Step 2: the first preset (the builder opens with another one).
    await page.locator('#preset-select').selectOption('logistic-regression');
    expect(await tourStep()).toBe('preset');
    await page.getByTestId('preset-load').click();
    await waitStep('train');
    // The step opened its own tab.
    await page.getByTestId('training').waitFor();
    // 2 epochs are enough to get an answer.
    await page.getByRole('tab', { name: 'Build' }).click();
    await page.getByTestId('compile-epochs').fill('2');
    await page.getByTestId('compile-epochs').press('Tab');
    await shot('tour-3-train-tab');

    // Step 3: train.
    await page.getByRole('tab', { name: 'Train' }).click();
    await page.getByTestId('train-start').click();
    await expect
      .poll(() => page.getByTestId('train-status').getAttribute('data-status'), { timeout: 5_000 })
      .not.toBe('idle');
    await shot('tour-3-training');
    await waitStep('draw', 240_000);

    // Step 4: draw a letter in the Predict tab, which the step opened by itself.
    await page.getByTestId('draw-canvas').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('tab', { name: 'Predict' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await shot('tour-4-draw');
    await drawC();
    await waitStep('done', 30_000);
    await page.getByTestId('draw-chart').waitFor({ timeout: 30_000 });
    await shot('tour-5-done');

    // The last card opens the notebook, where the run is written down.
    await page.getByTestId('tour-notebook').click();
    expect(await page.getByTestId('tour').count()).toBe(0);
    await page.getByTestId('notebook').waitFor();
    await expect.poll(() => runCards().count()).toBe(1);
    const card = runCards().first();
    await expect.poll(() => card.getAttribute('data-status')).toBe('finished');
    expect(await card.getByTestId('run-name').textContent()).toBe('Logistic regression');
    expect(await card.getByTestId('run-verdict').getAttribute('data-kind')).toBe('too-short');
    expect(await card.getByTestId('run-facts').textContent()).toMatch(
      /epochs: 2 · 7,850 parameters/,
    );
    await shot('notebook-first-run');
  });

  it('does not show the tour again after it was done; Help reopens it and Esc closes it', async () => {
    await page.reload();
    await page.getByTestId('backend').waitFor({ timeout: 60_000 });
    // Once the page knows the tour was done, it does not open it.
    await page.locator('[data-testid="tour-help"][data-tour-known="true"]').waitFor();
    expect(await page.getByTestId('tour').count()).toBe(0);

    await page.getByRole('tab', { name: 'Predict' }).click();
    await page.getByTestId('tour-help').click();
    await waitStep('letters');
    expect(await page.getByRole('tab', { name: 'Letters' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    // Next moves on without doing the step; Esc closes.
    await page.getByTestId('tour-next').click();
    await waitStep('preset');
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('tour').count()).toBe(0);

    await page.getByTestId('tour-help').click();
    await waitStep('letters');
    const violations = await axeViolations('#tour-card');
    expect(violations).toEqual([]);
    await page.getByTestId('tour-skip').click();
    expect(await page.getByTestId('tour').count()).toBe(0);
  });

  it('compares a second run with the first: curves, table, what changed, in both languages', async () => {
    await trainFromTabs('mlp', 3);
    await page.getByRole('tab', { name: 'Lab notebook' }).click();
    await expect.poll(() => runCards().count()).toBe(2);
    // Newest first: the MLP.
    expect(await runCards().first().getByTestId('run-name').textContent()).toBe(
      'Multilayer perceptron (MLP)',
    );
    expect(await page.getByTestId('compare-hint').count()).toBe(1);

    await runCards().nth(0).getByTestId('run-pick').check();
    await runCards().nth(1).getByTestId('run-pick').check();
    const compare = page.getByTestId('compare');
    await compare.getByTestId('compare-changes').waitFor();
    const changes = await compare.getByTestId('compare-changes').textContent();
    expect(changes).toContain('From “Logistic regression” to “Multilayer perceptron (MLP)”:');
    expect(changes).toContain('added Dense(128) after Flatten');
    expect(changes).toContain('optimizer sgd → adam');
    expect(changes).toContain('epochs 2 → 3');

    const rows = compare.getByTestId('compare-table').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).locator('th').textContent()).toBe('Logistic regression');
    expect(await rows.nth(0).getByTestId('cell-params').textContent()).toBe('7,850');
    expect(await rows.nth(1).getByTestId('cell-params').textContent()).toBe('101,770');
    expect(await compare.getByTestId('compare-chart-loss').getAttribute('data-runs')).toBe('2');
    await compare.getByTestId('compare-training').check();
    await shot('compare-en');

    await page.getByTestId('language').selectOption('pl');
    await expect
      .poll(() => compare.getByTestId('compare-changes').textContent())
      .toContain('dodano Dense(128) po Flatten');
    expect(await compare.getByTestId('compare-changes').textContent()).toContain(
      'optymalizator: sgd → adam',
    );
    expect(await runCards().first().getByTestId('run-verdict').textContent()).toMatch(/[ąęłńóśźż]/);
    await shot('compare-pl');
    await page.getByTestId('language').selectOption('en');

    const violations = await axeViolations('[data-testid="notebook"]');
    expect(violations).toEqual([]);
  });

  it('downloads a self-contained HTML report with the charts, table, verdicts and specs', async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('report-download').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^letter-lab-report-\d{4}-\d\d-\d\d-\d{4}\.html$/);
    const saved = path.join(app.home, 'report.html');
    await file.saveAs(saved);
    const html = fs.readFileSync(saved, 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    const images = [...html.matchAll(/<img alt="[^"]*" src="data:image\/png;base64,([^"]+)"/g)];
    expect(images).toHaveLength(2);
    for (const [, base64] of images) {
      const png = Buffer.from(base64, 'base64');
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.length).toBeGreaterThan(5_000);
    }
    expect(html).toContain('added Dense(128) after Flatten');
    expect(html).toContain('Too short to tell');
    expect(html).toContain('Total parameters: 7,850');
    expect(html).toContain('7,850');
    // Self-contained: nothing is fetched from anywhere.
    expect(html).not.toMatch(/<(script|link)\b|src="(?!data:)|url\(/);

    const reportShot = shotPath('notebook-report');
    if (reportShot) {
      const report = await context.newPage();
      await report.setContent(html);
      await report.screenshot({ path: reportShot, fullPage: true });
      await report.close();
    }
  });

  it('renames, stars and annotates a run; it all survives a reload; deleting removes the folder', async () => {
    const first = runCards().nth(1);
    const id = (await first.getAttribute('data-run-id')) as string;
    await first.getByTestId('run-rename').click();
    await first.getByTestId('run-name-input').fill('My very first network');
    await first.getByTestId('run-name-input').press('Enter');
    await expect
      .poll(() => first.getByTestId('run-name').textContent())
      .toBe('My very first network');
    await first.getByTestId('run-star').click();
    await expect
      .poll(() => first.getByTestId('run-star').getAttribute('aria-pressed'))
      .toBe('true');
    await first.getByTestId('run-note').fill('Just pixels, no hidden layer.');
    await first.getByTestId('run-note').blur();
    await expect
      .poll(() => {
        const record = JSON.parse(
          fs.readFileSync(path.join(app.home, 'runs', id, 'run.json'), 'utf8'),
        ) as { note: string };
        return record.note;
      })
      .toBe('Just pixels, no hidden layer.');

    await page.reload();
    await page.getByRole('tab', { name: 'Lab notebook' }).click();
    const again = page.locator(`[data-testid="run-card"][data-run-id="${id}"]`);
    await expect
      .poll(() => again.getByTestId('run-name').textContent())
      .toBe('My very first network');
    expect(await again.getByTestId('run-star').getAttribute('aria-pressed')).toBe('true');
    expect(await again.getByTestId('run-note').inputValue()).toBe('Just pixels, no hidden layer.');
    await shot('renamed');

    await again.getByTestId('run-delete').click();
    await again.getByTestId('run-delete-yes').click();
    await expect.poll(() => runCards().count()).toBe(1);
    expect(fs.existsSync(path.join(app.home, 'runs', id))).toBe(false);
  });
});
