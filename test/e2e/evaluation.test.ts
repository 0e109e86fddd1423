// Evaluation on the test letters in the real renderer (browser mode, Chromium): a logistic
// regression trained one epoch through the API on the bundled sample letters, then the Predict
// tab's evaluation panel: accuracy, per-letter bars, the confusion matrix (mouse and keyboard), a
// cell's letters, the surest mistakes, Polish, layout at 1366x768 and 200% zoom, axe.
// Screenshots go to $LETTER_LAB_SHOTS when it is set.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TrainingState } from '../../src-main/contract/training-api';
import { PRESETS } from '../../src-main/core/spec';
import { apiClient, openApp, pageShots, type ApiInvoke } from './helpers/app-page';
import { LAPTOP_VIEWS, runAxe, sidewaysOverflow } from './helpers/axe';
import { launchBrowser, startWebApp, type WebApp } from './helpers/web-app';

const TRAIN_TIMEOUT_MS = 180_000;

/** Polls `check` (expect.poll is not allowed in beforeAll). */
async function until(check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`gave up waiting after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const shot = pageShots('evaluation');

describe('browser mode: evaluation on the test letters', () => {
  let app: WebApp;
  let browser: Browser;
  let trained: TrainingState;

  let invoke: ApiInvoke;

  async function openPanel(page: Page): Promise<void> {
    // The host remembers the last language chosen (the Polish checks switch to it), and the app
    // opens in that language: every test here starts in English whatever ran before it.
    await invoke('settings:update', { language: 'en' });
    await openApp(page, app);
    await page.getByRole('tab', { name: 'Predict' }).click();
    await page
      .getByTestId('evaluation-panel')
      .waitFor({ timeout: 10_000 })
      .catch(() => {
        throw new Error(
          'The Predict tab shows no evaluation panel: PredictView.svelte must render ' +
            "EvaluationPanel from '../evaluation/EvaluationPanel.svelte'.",
        );
      });
  }

  beforeAll(async () => {
    app = await startWebApp([], { NOTMNIST_MAT: '' });
    browser = await launchBrowser();
    invoke = apiClient(app);
    await until(async () => (await invoke('dataset:current'))?.count === 3500);
    const preset = PRESETS.find((p) => p.id === 'logistic-regression');
    if (!preset) throw new Error('no logistic-regression preset');
    const spec = structuredClone(preset.spec);
    spec.compile.epochs = 1;
    await invoke('training:start', { spec, seed: 3 });
    await until(
      async () => (await invoke('training:state')).status === 'finished',
      TRAIN_TIMEOUT_MS,
    );
    trained = await invoke('training:state');
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('evaluates, shows the accuracy training measured, and the letters of a cell', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await openPanel(page);
    const run = page.getByTestId('evaluation-run');
    await expect.poll(() => run.isEnabled()).toBe(true);
    await run.click();
    const accuracy = page.getByTestId('evaluation-accuracy');
    await accuracy.waitFor({ timeout: 60_000 });

    // The training process validated the same weights on the same split after its epoch.
    const valAcc = trained.history[0].valAcc ?? NaN;
    const status = await invoke('evaluation:status');
    const summary = status.last!;
    expect(summary.accuracy).toBeCloseTo(valAcc, 6);
    expect(summary.count).toBe(700);
    // Trained on this very split: no note that test letters may be training letters.
    expect(summary.sameSplit).toBe(true);
    expect(await page.getByTestId('evaluation-other-split').count()).toBe(0);
    expect(await accuracy.textContent()).toBe(`Accuracy: ${(100 * valAcc).toFixed(1)}%`);

    // Per-letter bars A..J.
    const bars = page.getByTestId('evaluation-per-class').locator('li');
    expect(
      await bars.evaluateAll((els) => els.map((el) => el.getAttribute('data-letter'))),
    ).toEqual('ABCDEFGHIJ'.split(''));

    // The matrix: 10x10 buttons with full labels, counts adding up to the test letters.
    const matrix = page.getByTestId('confusion-matrix');
    expect(await matrix.locator('thead th[scope="col"]').count()).toBe(11);
    expect(await matrix.locator('tbody th[scope="row"]').count()).toBe(10);
    const cells = await matrix.locator('button').evaluateAll((els) =>
      els.map((el) => ({
        truth: Number(el.getAttribute('data-truth')),
        predicted: Number(el.getAttribute('data-predicted')),
        count: Number(el.getAttribute('data-count')),
        text: el.textContent?.trim(),
        label: el.getAttribute('aria-label') ?? '',
      })),
    );
    expect(cells).toHaveLength(100);
    // The corner: "True ↓" and "said →", each on one line (an arrow never wraps alone).
    const corner = await page.evaluate(`[...document.querySelectorAll(
      '[data-testid="matrix-corner"] span')].map((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return { text: el.textContent.trim(), lines: range.getClientRects().length };
      })`);
    expect(corner).toEqual([
      { text: 'True ↓', lines: 1 },
      { text: 'said →', lines: 1 },
    ]);
    expect(cells.reduce((sum, c) => sum + c.count, 0)).toBe(700);
    for (const c of cells) {
      expect(c.count).toBe(summary.confusion[c.truth][c.predicted]);
      expect(c.text).toBe(String(c.count));
      expect(c.label).toMatch(/^True [A-J], predicted [A-J]: \d+ letters?$/);
    }
    // Click the biggest confusion: its letters appear, most confident first.
    const worst = cells
      .filter((c) => c.truth !== c.predicted)
      .reduce((a, b) => (b.count > a.count ? b : a));
    const letters = 'ABCDEFGHIJ';
    await page.getByRole('button', { name: worst.label, exact: true }).click();
    const cell = page.getByTestId('evaluation-cell');
    await expect.poll(() => cell.locator('canvas').count()).toBe(Math.min(60, worst.count));
    const caption = await cell.locator('figcaption').first().textContent();
    expect(caption).toMatch(
      new RegExp(
        `^looks like ${letters[worst.predicted]} \\(\\d+%\\), really ${letters[worst.truth]}$`,
      ),
    );
    // The pictures are drawn: ink (dark pixels) on white.
    const inked = (await page.evaluate(`(() => {
      const canvas = document.querySelector('[data-testid="evaluation-cell"] canvas');
      const data = canvas.getContext('2d').getImageData(0, 0, 28, 28).data;
      let dark = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i] < 128) dark++;
      return dark;
    })()`)) as number;
    expect(inked).toBeGreaterThan(10);

    // The surest mistakes.
    const mistakes = page.getByTestId('evaluation-mistakes');
    await expect.poll(() => mistakes.locator('figure').count()).toBe(16);
    for (const text of await mistakes.locator('figcaption').allTextContents()) {
      expect(text).toMatch(/^looks like ([A-J]) \(\d+%\), really (?!\1)[A-J]$/);
    }
    await shot(page, 'cell');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works from the keyboard: arrows move between cells, Enter opens one', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openPanel(page);
    // The last evaluation is still there after a reload.
    await page.getByTestId('evaluation-accuracy').waitFor();
    const first = page.getByTestId('confusion-matrix').locator('button[tabindex="0"]');
    expect(await first.count()).toBe(1);
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = () =>
      page.evaluate(
        `(() => { const el = document.activeElement; return el.dataset.truth + ',' + el.dataset.predicted; })()`,
      );
    expect(await focused()).toBe('2,1');
    await page.keyboard.press('End');
    expect(await focused()).toBe('2,9');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('evaluation-cell').locator('h3').textContent())
      .toBe('True C, predicted J');
    expect(
      await page.locator('button[data-truth="2"][data-predicted="9"]').getAttribute('aria-pressed'),
    ).toBe('true');
    await page.close();
  });

  it('marks the numbers as old after more training, and evaluates the new network', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openPanel(page);
    await page.getByTestId('evaluation-accuracy').waitFor();
    expect(await page.getByTestId('evaluation-stale').count()).toBe(0);
    await invoke('training:more', { epochs: 1 });
    await expect
      .poll(async () => (await invoke('training:state')).status, {
        timeout: TRAIN_TIMEOUT_MS,
        interval: 500,
      })
      .toBe('finished');
    await page.getByTestId('evaluation-stale').waitFor({ timeout: 30_000 });
    const state = await invoke('training:state');
    expect(state.history).toHaveLength(2);
    await page.getByTestId('evaluation-run').click();
    await expect
      .poll(() => page.getByTestId('evaluation-stale').count(), { timeout: 60_000 })
      .toBe(0);
    const valAcc = state.history[1].valAcc ?? NaN;
    await expect
      .poll(() => page.getByTestId('evaluation-accuracy').textContent())
      .toBe(`Accuracy: ${(100 * valAcc).toFixed(1)}%`);
    expect(await page.locator('.model').textContent()).toContain('epochs trained: 2');
    await page.close();
  });

  it('fits 1366x768 and 200% zoom without sideways scrolling, passes axe, and speaks Polish', async () => {
    for (const { name, viewport, deviceScaleFactor } of LAPTOP_VIEWS) {
      const page = await browser.newPage({ viewport, deviceScaleFactor });
      await openPanel(page);
      await page.getByTestId('evaluation-accuracy').waitFor();
      await page.locator('button[data-truth="3"][data-predicted="3"]').click();
      await page.getByTestId('evaluation-cell').locator('canvas').first().waitFor();
      expect(await sidewaysOverflow(page), name).toBeLessThanOrEqual(0);
      await shot(page, name);
      const axe = await runAxe(page, '[data-testid="evaluation-panel"]');
      expect(axe.passes, name).toContain('color-contrast');
      expect(axe.violations, name).toEqual([]);
      if (name === 'zoom200') {
        await page.getByTestId('language').selectOption('pl');
        await expect
          .poll(() => page.getByTestId('evaluation-accuracy').textContent())
          .toMatch(/^Trafność: \d+,\d\s?%$/);
        const label = await page
          .locator('button[data-truth="3"][data-predicted="3"]')
          .getAttribute('aria-label');
        expect(label).toMatch(/^Naprawdę D, rozpoznana jako D: \d+ (litera|litery|liter)$/);
        await shot(page, 'polish');
      }
      await page.close();
    }
  });

  it('says plainly when a network was saved before Letter Lab used the notebook’s split', async () => {
    // A network saved by an earlier Letter Lab: its meta.json says nothing of the split method.
    const saved = await invoke('models:save-current', { name: 'Old net' });
    const metaFile = path.join(saved.path, 'meta.json');
    const meta = JSON.parse(fs.readFileSync(metaFile, 'utf8')) as {
      dataset: Record<string, unknown>;
    };
    delete meta.dataset.split;
    delete meta.dataset.testFraction;
    fs.writeFileSync(metaFile, JSON.stringify(meta));
    await invoke('models:load', { id: saved.id });

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openPanel(page);
    const run = page.getByTestId('evaluation-run');
    await expect.poll(() => run.isEnabled(), { timeout: 30_000 }).toBe(true);
    await run.click();
    const note = page.getByTestId('evaluation-other-split');
    await expect
      .poll(() => note.textContent(), { timeout: 60_000 })
      .toContain('trained before Letter Lab picked its test letters the way the notebook does');
    expect((await invoke('evaluation:status')).last).toMatchObject({
      sameSplit: false,
      oldSplit: true,
    });
    await shot(page, 'old-split');
    await page.getByTestId('language').selectOption('pl');
    await expect
      .poll(() => note.textContent())
      .toContain('zanim Letter Lab zaczął wybierać litery testowe tak jak notatnik');
    await shot(page, 'old-split-polish');
    await page.close();
  });
});
