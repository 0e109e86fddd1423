// A whole camp session in browser mode: look at the letters, build, train, draw. Every request the
// page makes is recorded: none may leave 127.0.0.1. Every tab passes axe (WCAG AA) and fits a
// 1366x768 laptop and 200% zoom without sideways scrolling.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  launchBrowser,
  offHostRequests,
  recordRequests,
  startWebApp,
  type WebApp,
} from './helpers/web-app';
import { apiSettled, openApp, skipTour } from './helpers/app-page';
import { LAPTOP_VIEWS, runAxe, sidewaysOverflow } from './helpers/axe';

const TABS = ['Letters', 'Build', 'Train', 'Predict', 'Lab notebook'];

async function drawL(page: Page): Promise<void> {
  const box = await page.getByTestId('draw-canvas').boundingBox();
  if (!box) throw new Error('no drawing canvas');
  const at = (x: number, y: number) => [box.x + box.width * x, box.y + box.height * y] as const;
  await page.mouse.move(...at(0.35, 0.2));
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(...at(0.35, 0.2 + 0.06 * i));
  for (let i = 1; i <= 8; i++) await page.mouse.move(...at(0.35 + 0.04 * i, 0.8));
  await page.mouse.up();
}

describe('a whole session, offline', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startWebApp([], { NOTMNIST_MAT: '' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('loads letters, builds, trains and predicts without a request leaving 127.0.0.1', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const requests = recordRequests(page);
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await openApp(page, app);
    await skipTour(page);
    await page.getByTestId('letter-grid').waitFor({ timeout: 60_000 });

    await page.getByRole('tab', { name: 'Build' }).click();
    await page.getByTestId('preset-select').selectOption({ index: 0 });
    await page.getByTestId('preset-load').click();
    await page.getByTestId('compile-epochs').fill('1');
    await page.getByTestId('compile-epochs').press('Tab');

    await page.getByRole('tab', { name: 'Train' }).click();
    await page.getByTestId('train-start').click();
    await expect
      .poll(() => page.getByTestId('train-status').getAttribute('data-status'), {
        timeout: 120_000,
      })
      .toBe('finished');

    await page.getByRole('tab', { name: 'Predict' }).click();
    await page.getByTestId('draw-canvas').waitFor({ timeout: 30_000 });
    await drawL(page);
    await page.getByTestId('draw-chart').waitFor({ timeout: 30_000 });

    expect(errors).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);
    expect(offHostRequests(requests)).toEqual([]);
    await page.close();
  });

  it.each(LAPTOP_VIEWS)(
    'every tab fits $name and passes axe',
    async ({ viewport, deviceScaleFactor }) => {
      const page = await browser.newPage({ viewport, deviceScaleFactor });
      const settled = apiSettled(page);
      await openApp(page, app);
      await skipTour(page);
      const problems: string[] = [];
      for (const tab of TABS) {
        const button = page.getByRole('tab', { name: tab });
        await button.click();
        await expect.poll(() => button.getAttribute('aria-selected')).toBe('true');
        // The tab's data has come: what axe and the width check see is what a camper sees.
        await settled();
        const overflow = await sidewaysOverflow(page);
        if (overflow > 0) problems.push(`${tab}: scrolls sideways by ${overflow}px`);
        const axe = await runAxe(page);
        problems.push(...axe.violations.map((v) => `${tab}: ${v}`));
      }
      expect(problems).toEqual([]);
      await page.close();
    },
  );
});
