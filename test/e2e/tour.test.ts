// The guided tour's card sits beside what each step talks about, never over it, and each step
// opens its own tab: in the real renderer (browser mode, Chromium) at 1280x720 in English and at
// 1366x768 in Polish, with the Train step checked while a network trains (the charts must stay in
// view). Screenshots go to $LETTER_LAB_SHOTS when it is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiClient, openApp, shotPath } from './helpers/app-page';
import { runAxe } from './helpers/axe';
import { runStatus } from './helpers/camper';
import { launchBrowser, startWebApp, type WebApp } from './helpers/web-app';

/** The window as the camper sees it (the card is fixed to the window, not the page). */
async function shot(page: Page, name: string): Promise<void> {
  const file = shotPath(`tour-${name}`);
  if (file) await page.screenshot({ path: file });
}
const RUN_TIMEOUT = 120_000;

/** What the card must not cover on each step, besides the rings. */
const KEEP_CLEAR: Record<string, string[]> = {
  letters: ['[data-testid="letter-grid"]', '[data-testid="letter-viewer"]', '#tab-build'],
  preset: [
    '#preset-select',
    '[data-testid="preset-load"]',
    '[data-testid="palette"]',
    '[data-testid="stack"]',
  ],
  train: ['[data-testid="train-start"]', '[data-testid="train-status"]'],
  training: [
    '[data-testid="train-status"]',
    '[data-testid="chart-loss"]',
    '[data-testid="chart-acc"]',
  ],
  draw: [
    '[data-testid="predict-model"]',
    '[data-testid="draw-canvas"]',
    '[data-testid="draw-seen"]',
    '[data-testid="draw-answer"]',
  ],
  done: ['#tab-notebook'],
};

/**
 * Polls until the card covers none of `selectors`, the app's header or the rings (they follow
 * their targets every 200 ms); fails with what it still covers.
 */
async function expectUncovered(page: Page, selectors: string[]): Promise<void> {
  await expect.poll(() => page.getByTestId('tour').isVisible()).toBe(true);
  await expect.poll(() => coveredNow(page, selectors), { timeout: 5_000 }).toEqual([]);
}

/** Selectors (and ring numbers) the card overlaps now. */
async function coveredNow(page: Page, selectors: string[]): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const card = document.querySelector('[data-testid="tour"]').getBoundingClientRect();
    const hit = (r) => r.width > 0 && r.height > 0 && card.left < r.right && r.left < card.right &&
      card.top < r.bottom && r.top < card.bottom;
    const found = [];
    for (const selector of ${JSON.stringify([...selectors, '[data-testid="app-header"]'])}) {
      const el = document.querySelector(selector);
      if (el && hit(el.getBoundingClientRect())) found.push(selector);
    }
    document.querySelectorAll('[data-testid="tour-ring"]').forEach((ring, i) => {
      if (hit(ring.getBoundingClientRect())) found.push('ring ' + i);
    });
    return found;
  })()`)) as string[];
}

async function selectedTab(page: Page): Promise<string | null> {
  return page.locator('[role="tab"][aria-selected="true"]').getAttribute('id');
}

describe('browser mode: the guided tour stays beside what it talks about', () => {
  let browser: Browser;
  const apps: WebApp[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    for (const app of apps) await app.stop();
  });

  for (const { name, viewport, language } of [
    { name: 'en-1280x720', viewport: { width: 1280, height: 720 }, language: 'en' },
    { name: 'pl-1366x768', viewport: { width: 1366, height: 768 }, language: 'pl' },
  ] as const) {
    it(`${name}: every step opens its tab, and the card covers none of its step`, async () => {
      // A new app each time: no run has trained yet, so the Train step waits for one.
      const app = await startWebApp([], { NOTMNIST_MAT: '' });
      apps.push(app);
      await apiClient(app)('runs:tour-done', { done: true });
      const page = await browser.newPage({ viewport });
      await openApp(page, app);
      await page.getByTestId('language').selectOption(language);
      await page.getByTestId('letter-grid').waitFor({ timeout: 60_000 });
      // The builder's network (not the tour's own preset, so step 2 waits for Next) in batches
      // of 2: its first epoch lasts long enough to look at the Train step while it trains.
      await page.locator('#tab-build').click();
      const batch = page.getByTestId('compile-batchSize');
      await batch.fill('2');
      await batch.press('Tab');
      await expect.poll(() => batch.inputValue()).toBe('2');

      await page.getByTestId('tour-help').click();
      await expect.poll(() => page.getByTestId('tour').getAttribute('data-step')).toBe('letters');
      expect(await selectedTab(page)).toBe('tab-data');
      await expectUncovered(page, KEEP_CLEAR.letters);
      await shot(page, `${name}-1-letters`);

      const next = async (step: string, tab: string) => {
        await page.getByTestId('tour-next').click();
        await expect.poll(() => page.getByTestId('tour').getAttribute('data-step')).toBe(step);
        // Next opens the step's own tab.
        await expect.poll(() => selectedTab(page)).toBe(tab);
      };
      await next('preset', 'tab-build');
      await page.getByTestId('palette').waitFor();
      await expectUncovered(page, KEEP_CLEAR.preset);
      await shot(page, `${name}-2-preset`);

      await next('train', 'tab-train');
      await expectUncovered(page, KEEP_CLEAR.train);
      await shot(page, `${name}-3-train`);
      // While it trains, the card keeps off the status and both charts.
      await page.getByTestId('train-start').click();
      await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('running');
      await page.getByTestId('chart-acc').waitFor();
      await shot(page, `${name}-3-training`);
      await expectUncovered(page, KEEP_CLEAR.training);
      expect((await runAxe(page, '#tour-card')).violations).toEqual([]);
      // Still in its first epoch: what was checked is the card beside a running training.
      expect(await page.getByTestId('training').getAttribute('data-saved-epoch')).toBe('0');
      expect(await runStatus(page)).toBe('running');
      await page.getByTestId('train-stop').click();
      await expect.poll(() => runStatus(page), { timeout: RUN_TIMEOUT }).toBe('stopped');
      await next('draw', 'tab-predict');
      await page.getByTestId('draw-canvas').waitFor({ timeout: 30_000 });
      await expectUncovered(page, KEEP_CLEAR.draw);
      await shot(page, `${name}-4-draw`);

      await page.getByTestId('tour-next').click();
      await expect.poll(() => page.getByTestId('tour').getAttribute('data-step')).toBe('done');
      await expectUncovered(page, KEEP_CLEAR.done);
      await shot(page, `${name}-5-done`);
      await page.getByTestId('tour-close').click();
      await page.getByTestId('language').selectOption('en');
      await page.close();
    });
  }
});
