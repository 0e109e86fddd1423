// The Train tab in the real renderer (browser mode, Chromium) against a real training process on
// the bundled sample letters (3,500): live charts, progress, pause / resume, stop keeping the
// weights, train more, restore after a reload, the leave-page guard, layout and accessibility.
// Screenshots go to $LETTER_LAB_SHOTS when it is set.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { BatchProgress } from '../../src-main/contract/training';
import {
  apiClient,
  openApp,
  pageShots,
  requestsDuring,
  skipTour,
  type ApiInvoke,
} from './helpers/app-page';
import { LAPTOP_VIEWS, runAxe, sidewaysOverflow } from './helpers/axe';
import { launchBrowser, startWebApp, type WebApp } from './helpers/web-app';

/** One epoch of the small convnet on 2,800 letters takes ~7 s on wasm; leave room for a busy box. */
const RUN_TIMEOUT = 180_000;

const shot = pageShots('training');

async function openAppSkippingTour(page: Page, app: WebApp): Promise<void> {
  await openApp(page, app);
  // The guided first run opens by itself on the first launch; it is not what this test is about.
  await skipTour(page);
}

async function openTab(page: Page, name: 'Train' | 'Build'): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await page.getByTestId(name === 'Train' ? 'training' : 'builder').waitFor();
}

/**
 * Sets the builder's epoch count and, when given, batch size (the spec the Train button uses).
 * The pause/stop and crash tests use small batches: many batches per epoch keep each epoch long
 * (seconds, however fast training is on this machine) and put a batch boundary every few ms.
 */
async function setCompile(page: Page, epochs: number, batchSize?: number): Promise<void> {
  await openTab(page, 'Build');
  const fields: [string, number][] = [['compile-epochs', epochs]];
  if (batchSize !== undefined) fields.push(['compile-batchSize', batchSize]);
  for (const [testid, value] of fields) {
    const field = page.getByTestId(testid);
    await field.fill(String(value));
    await field.press('Tab');
    await expect.poll(() => field.inputValue()).toBe(String(value));
  }
  await openTab(page, 'Train');
  await expect
    .poll(() => page.getByTestId('train-next').textContent())
    .toContain(`epochs: ${epochs},`);
  if (batchSize !== undefined) {
    expect(await page.getByTestId('train-next').textContent()).toContain(
      `batch size: ${batchSize},`,
    );
  }
}

/**
 * The host's last batch once it stops changing between two looks half a second apart: after a
 * pause, the batch under way lands first, then the run holds.
 */
async function heldBatch(api: ApiInvoke): Promise<BatchProgress> {
  let previous: BatchProgress | null = null;
  let latest: BatchProgress | null = null;
  await expect
    .poll(
      async () => {
        previous = latest;
        latest = (await api('training:state')).lastBatch;
        return latest !== null && JSON.stringify(latest) === JSON.stringify(previous);
      },
      { timeout: 60_000, interval: 500 },
    )
    .toBe(true);
  if (!latest) throw new Error('no batch');
  return latest;
}

/** Small batches for the tests that must stop or kill a run part-way (see setCompile). */
const SMALL_BATCH = 8;

const status = (page: Page) => page.getByTestId('train-status').getAttribute('data-status');
const attr = async (page: Page, testid: string, name: string) =>
  Number(await page.getByTestId(testid).getAttribute(name));
const text = async (page: Page, testid: string) =>
  (await page.getByTestId(testid).textContent())?.trim() ?? '';

/** Dispatches beforeunload and tells whether the page asked to stay. */
function leaveIsGuarded(page: Page): Promise<boolean> {
  return page.evaluate<boolean>(`(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  })()`);
}

describe('browser mode: training with live charts', () => {
  let app: WebApp;
  let browser: Browser;
  /** Epochs the pause/stop test had finished when it stopped (the later tests build on its run). */
  let epochsAtStop = 1;

  let api: ApiInvoke;

  beforeAll(async () => {
    app = await startWebApp([], { NOTMNIST_MAT: '' });
    api = apiClient(app);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('refuses with a reason while the network has a problem', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openAppSkippingTour(page, app);
    await openTab(page, 'Train');
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('idle');
    await expect
      .poll(() => page.getByTestId('train-start').getAttribute('aria-disabled'), {
        timeout: 60_000,
      })
      .toBe('false');

    // Take the Flatten out: the answer layer gets a picture, which cannot be trained.
    await openTab(page, 'Build');
    const last = (await page.locator('[data-block-index]').count()) - 1;
    await page.locator(`#block-head-${last}`).press('Delete');
    await openTab(page, 'Train');
    expect(await page.getByTestId('train-start').getAttribute('aria-disabled')).toBe('true');
    expect(await text(page, 'train-reason')).toContain('problem to fix first');
    // aria-disabled keeps the button focusable; pressing it asks the host nothing.
    const sent = await requestsDuring(page, () =>
      page.getByTestId('train-start').click({ force: true }),
    );
    expect(sent.filter((p) => p.startsWith('/api/invoke/training:'))).toEqual([]);
    expect(await status(page)).toBe('idle');
    await shot(page, 'refused');
    await page.close();
  });

  it('trains one epoch: progress, live charts and their summaries', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await openAppSkippingTour(page, app);
    // Small batches: many batch boundaries, so the running state is on screen for a while.
    await setCompile(page, 1, SMALL_BATCH);
    const train = page.getByTestId('train-start');
    await expect.poll(() => train.getAttribute('aria-disabled'), { timeout: 60_000 }).toBe('false');
    expect(await leaveIsGuarded(page)).toBe(false);
    // An epoch can end within a second on a quiet machine: rather than race it, the page keeps
    // every text the running-only parts showed, and they are checked after the run.
    await page.evaluate(`(() => {
      const seen = { speed: [], left: [], summary: [] };
      window.__seen = seen;
      const note = (id, list) => {
        const text = document.querySelector('[data-testid="' + id + '"]')?.textContent?.trim();
        if (text && !list.includes(text)) list.push(text);
      };
      new MutationObserver(() => {
        note('progress-speed', seen.speed);
        note('progress-left', seen.left);
        note('summary-loss', seen.summary);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    })()`);

    // Keyboard: the Train button takes Enter.
    await train.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/starting|running|finished/);
    await shot(page, 'running');
    await expect.poll(() => status(page), { timeout: RUN_TIMEOUT }).toBe('finished');
    const seen = await page.evaluate<{ speed: string[]; left: string[]; summary: string[] }>(
      '(() => window.__seen)()',
    );
    expect(seen.speed.length, 'letters per second while running').toBeGreaterThan(0);
    for (const t of seen.speed) expect(t).toMatch(/^[\d,]+ letters per second$/);
    expect(seen.left.length, 'time left while running').toBeGreaterThan(0);
    for (const t of seen.left) expect(t).toMatch(/^about \d\d:\d\d left$/);
    expect(seen.summary).toContain(
      'Epoch 1 is running: the thin line shows the average so far, after every batch.',
    );
    expect(await page.getByTestId('progress-backend').getAttribute('data-backend')).toMatch(
      /^(wasm|cpu|tensorflow)$/,
    );

    expect(await leaveIsGuarded(page)).toBe(false);
    const loss = await text(page, 'summary-loss');
    const acc = await text(page, 'summary-acc');
    expect(loss).toMatch(/^Epoch 1: training loss \d+\.\d+, validation loss \d+\.\d+\.$/);
    const accMatch = /^Epoch 1: training accuracy ([\d.]+)%, validation accuracy ([\d.]+)%\.$/.exec(
      acc,
    );
    expect(accMatch, acc).not.toBeNull();
    // One epoch of a convnet on notMNIST reads far better than chance (10%).
    expect(Number(accMatch?.[2])).toBeGreaterThan(30);

    const batches = Number(/of (\d+)$/.exec(await text(page, 'progress-line'))?.[1]);
    expect(batches).toBeGreaterThan(1);
    // Every batch of the epoch is on the curve, and the epoch point on both charts.
    expect(await attr(page, 'chart-loss', 'data-points')).toBe(batches);
    expect(await attr(page, 'chart-acc', 'data-points')).toBe(batches);
    expect(await attr(page, 'chart-loss', 'data-epochs')).toBe(1);
    expect(await attr(page, 'progress', 'data-fraction')).toBe(1);
    expect(await text(page, 'train-status')).toBe('Finished: epoch 1 is done.');
    await page.getByTestId('train-more').waitFor();
    await page.getByTestId('history-table').locator('summary').click();
    expect(await page.getByTestId('history-table').locator('tbody tr').count()).toBe(1);
    await shot(page, 'finished');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pauses and resumes, stops keeping the weights, restores after a reload, trains more', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await openAppSkippingTour(page, app);
    await setCompile(page, 4, SMALL_BATCH);
    // The first test's run is restored on open.
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('finished');

    // Stop right after Train, while the training process is still starting: the stop holds.
    await page.getByTestId('train-start').click();
    await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/starting|running/);
    await page.getByTestId('train-stop').click();
    await expect.poll(() => status(page), { timeout: RUN_TIMEOUT }).toBe('stopped');
    expect(await text(page, 'train-status')).toContain('nothing to continue from');
    expect(await attr(page, 'chart-loss', 'data-epochs')).toBe(0);
    expect(await page.getByTestId('train-more').count()).toBe(0);

    await page.getByTestId('train-start').click();
    await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/starting|running/);
    // A new run starts with fresh charts.
    expect(await attr(page, 'chart-loss', 'data-epochs')).toBe(0);
    await expect
      .poll(() => text(page, 'progress-line'), { timeout: RUN_TIMEOUT })
      .toMatch(/^Epoch 1 of 4 · batch ([3-9]|\d\d+) of \d+$/);

    // Pause with the keyboard (Space on the focused button); the batches stop coming.
    const pause = page.getByTestId('train-pause');
    await pause.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('paused');
    expect(await pause.textContent()).toContain('Resume');
    expect(await leaveIsGuarded(page)).toBe(true);
    // The batch under way when the pause came still finishes; then the run holds, and the page
    // shows the very batch the host has last (polled until it stops changing).
    const held = await heldBatch(api);
    await expect
      .poll(() => text(page, 'progress-line'))
      .toBe(`Epoch ${held.epoch} of 4 · batch ${held.batch} of ${held.batches}`);
    const pointsAt = await attr(page, 'chart-loss', 'data-points');
    expect(await heldBatch(api)).toEqual(held);
    expect(await attr(page, 'chart-loss', 'data-points')).toBe(pointsAt);
    await shot(page, 'paused');
    await page.keyboard.press('Space');
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('running');
    expect(await pause.textContent()).toContain('Pause');
    await expect
      .poll(() => attr(page, 'chart-loss', 'data-points'), { timeout: 30_000 })
      .toBeGreaterThan(pointsAt);

    // Let epoch 1 finish (autosaved), then pause and stop while paused: the run stops where the
    // pause held it, part-way through a later epoch, whatever this machine's speed.
    await expect
      .poll(() => attr(page, 'chart-loss', 'data-epochs'), { timeout: RUN_TIMEOUT })
      .toBeGreaterThanOrEqual(1);
    await pause.click();
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('paused');
    epochsAtStop = await attr(page, 'chart-loss', 'data-epochs');
    expect(epochsAtStop).toBeGreaterThanOrEqual(1);
    expect(epochsAtStop).toBeLessThan(4);
    await page.getByTestId('train-stop').click();
    await expect.poll(() => status(page), { timeout: RUN_TIMEOUT }).toBe('stopped');
    // The stop came inside epoch epochsAtStop + 1 (or, rarely, right at its start): the network
    // of the last full epoch is kept, and the curve ends there.
    const kept = `you keep the network as it was at the end of epoch ${epochsAtStop}\\.`;
    expect(await text(page, 'train-status')).toMatch(
      new RegExp(
        `^Stopped (during epoch ${epochsAtStop + 1}, after \\d+ of its \\d+ batches\\. Those batches are not kept: ${kept}|after epoch ${epochsAtStop}\\.)`,
      ),
    );
    expect(await leaveIsGuarded(page)).toBe(false);
    await page.getByTestId('train-more').waitFor();
    const stoppedPoints = await attr(page, 'chart-loss', 'data-points');
    expect(await attr(page, 'chart-loss', 'data-epochs')).toBe(epochsAtStop);
    expect(stoppedPoints).toBeGreaterThan(epochsAtStop);
    expect(stoppedPoints % epochsAtStop).toBe(0);
    await shot(page, 'stopped');

    // A reload shows the same run and its charts again.
    await page.reload();
    await page.getByTestId('backend').waitFor({ timeout: 60_000 });
    await openTab(page, 'Train');
    await expect.poll(() => status(page), { timeout: 30_000 }).toBe('stopped');
    expect(await attr(page, 'chart-loss', 'data-epochs')).toBe(epochsAtStop);
    expect(await attr(page, 'chart-loss', 'data-points')).toBe(stoppedPoints);
    expect(await text(page, 'summary-loss')).toMatch(
      new RegExp(`^Epoch ${epochsAtStop}: training loss`),
    );

    // Train 1 more epoch from the kept weights: the history grows to epoch 2.
    await page.getByTestId('train-more-epochs').fill('1');
    await page.getByTestId('train-more-button').click();
    await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/starting|running/);
    await expect.poll(() => status(page), { timeout: RUN_TIMEOUT }).toBe('finished');
    const more = epochsAtStop + 1;
    expect(await attr(page, 'chart-loss', 'data-epochs')).toBe(more);
    expect(await text(page, 'summary-acc')).toMatch(
      new RegExp(`^Epoch ${more}: training accuracy`),
    );
    expect(await text(page, 'progress-line')).toMatch(
      new RegExp(`^Epoch ${more} of ${more} · batch (\\d+) of \\1$`),
    );
    expect(await attr(page, 'chart-loss', 'data-points')).toBeGreaterThan(stoppedPoints);
    await shot(page, 'more');
    expect(errors).toEqual([]);
    await page.close();
  });

  for (const { name, viewport, deviceScaleFactor } of LAPTOP_VIEWS) {
    it(`fits ${name} without sideways scrolling and passes axe`, async () => {
      const context = await browser.newContext({ viewport, deviceScaleFactor });
      const page = await context.newPage();
      await openAppSkippingTour(page, app);
      await openTab(page, 'Train');
      await expect.poll(() => attr(page, 'chart-loss', 'data-epochs')).toBe(epochsAtStop + 1);
      await page.getByTestId('history-table').locator('summary').click();
      expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
      const axe = await runAxe(page, '[data-testid="training"]');
      expect(axe.passes, name).toContain('color-contrast');
      expect(axe.violations, name).toEqual([]);
      await shot(page, name);
      await context.close();
    });
  }

  it('speaks Polish', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openAppSkippingTour(page, app);
    await openTab(page, 'Train');
    await page.getByTestId('language').selectOption('pl');
    const more = epochsAtStop + 1;
    await expect
      .poll(() => text(page, 'train-status'))
      .toBe(`Gotowe: epoka ${more} jest ukończona.`);
    expect(await text(page, 'summary-loss')).toMatch(
      new RegExp(`^Epoka ${more}: strata treningowa \\d+,\\d+, walidacyjna \\d+,\\d+\\.$`),
    );
    expect(await text(page, 'progress-line')).toMatch(
      new RegExp(`^Epoka ${more} z ${more} · paczka (\\d+) z \\1$`),
    );
    await shot(page, 'polish');
    await page.getByTestId('language').selectOption('en');
    await page.close();
  });

  it.skipIf(process.platform !== 'linux')(
    'says what happened when the training process dies, and trains on from the autosave',
    async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await openAppSkippingTour(page, app);
      await setCompile(page, 5, SMALL_BATCH);
      await page.getByTestId('train-start').click();
      await expect.poll(() => status(page), { timeout: 30_000 }).toMatch(/starting|running/);
      expect(await attr(page, 'chart-loss', 'data-epochs')).toBe(0);
      // Epoch 1 of this run finished and autosaved.
      await expect
        .poll(() => attr(page, 'chart-loss', 'data-epochs'), { timeout: RUN_TIMEOUT })
        .toBeGreaterThanOrEqual(1);
      await expect
        .poll(() => attr(page, 'training', 'data-saved-epoch'), { timeout: RUN_TIMEOUT })
        .toBeGreaterThanOrEqual(1);
      // Kill this app's training process (found by the app's own home folder in its environment).
      const pid = trainerPid(app.home);
      expect(pid, 'training process of this app').not.toBeNull();
      process.kill(pid as number, 'SIGKILL');
      await expect.poll(() => status(page), { timeout: 30_000 }).toBe('crashed');
      // The last autosave is kept: epoch 1, or a later one if it came before the kill did.
      const broke =
        /^Training broke off: The training process .+ unexpectedly\. The network as it was after epoch (\d+) is kept/.exec(
          await text(page, 'train-status'),
        );
      expect(broke, await text(page, 'train-status')).not.toBeNull();
      const saved = Number(broke?.[1]);
      expect(saved).toBeGreaterThanOrEqual(1);
      expect(await leaveIsGuarded(page)).toBe(false);
      await shot(page, 'crashed');
      await page.getByTestId('train-more-epochs').fill('1');
      await page.getByTestId('train-more-button').click();
      await expect.poll(() => status(page), { timeout: RUN_TIMEOUT }).toBe('finished');
      expect(await attr(page, 'chart-loss', 'data-epochs')).toBe(saved + 1);
      await page.close();
    },
  );
});

/** The training process started by the web app whose LETTER_LAB_HOME is `home`, if running. */
function trainerPid(home: string): number | null {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes('src-main/trainer/main.ts')) continue;
      // The builder's time estimates run in processes of the same entry: not a training.
      if (cmdline.split('\0').includes('estimate')) continue;
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (environ.includes(`LETTER_LAB_HOME=${home}`)) return Number(entry);
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
  return null;
}
