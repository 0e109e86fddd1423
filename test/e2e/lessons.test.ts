// The Lessons tab in the real renderer (browser mode, Chromium) on the bundled sample letters: a
// camper finishes step 1 (load it ready-made, train it for the notebook's epochs, see what
// happened; the time is measured and reported, not asserted), builds step 2 themselves in the
// Build tab following the hints, and sees both on the ladder; the teacher turns a step off, caps
// the epochs, locks "load it ready-made" and keeps class pace, opening the next step from the
// lesson; progress survives a reload; beat the notebook scores a camper's own network; the
// lessons report downloads; Polish and English at 1280x720 and 1366x768; axe finds nothing.
// Screenshots go to $LETTER_LAB_SHOTS when it is set.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { lessonStep, stepSpec } from '../../src-main/core/lessons';
import { apiClient, shotPath } from './helpers/app-page';
import { runAxe, sidewaysOverflow } from './helpers/axe';
import { launchBrowser, startWebApp, type WebApp } from './helpers/web-app';

let app: WebApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;

/** How long a state may take to show: the host and Chromium share two busy cores with others. */
const POLL = { timeout: 20_000 };

async function shot(name: string, target: Page = page): Promise<void> {
  const file = shotPath(`lessons-${name}`);
  if (file) await target.screenshot({ path: file });
}

const step = (id: string) => page.locator(`[data-testid="lesson-step"][data-step="${id}"]`);
const card = () => page.getByTestId('lesson-card');

async function showStep(id: string): Promise<void> {
  await step(id).click();
  await page.locator(`[data-testid="lesson-card"][data-step="${id}"]`).waitFor();
}

async function waitDone(id: string, timeout = 240_000): Promise<void> {
  await page
    .locator(`[data-testid="lesson-step"][data-step="${id}"][data-state="done"]`)
    .waitFor({ timeout });
}

async function axe(selector: string): Promise<string[]> {
  return (await runAxe(page, selector)).violations;
}

/** Opens the teacher settings dialog, lets `change` work in it, closes it. */
async function teacher(change: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>) {
  await page.getByTestId('settings-open').click();
  const dialog = page.getByTestId('settings-dialog');
  await dialog.getByTestId('settings-lessons').waitFor();
  await change(dialog);
  await dialog.getByRole('button', { name: 'Close' }).click();
}

async function waitTrainingIdle(): Promise<void> {
  const invoke = apiClient(app);
  await expect
    .poll(async () => (await invoke('training:state')).status, { timeout: 240_000 })
    .toMatch(/finished|stopped|failed|crashed|idle/);
}

describe('lessons (browser mode)', () => {
  beforeAll(async () => {
    app = await startWebApp([], { NOTMNIST_MAT: '' });
    browser = await launchBrowser();
    context = await browser.newContext({
      viewport: { width: 1280, height: 720 },
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

  it('a camper finishes step 1: load it ready-made, train it, see what happened', async () => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    const started = Date.now();
    await page.goto(app.url);
    // The first launch opens the guided tour; this camper goes to the lessons instead.
    await page.getByTestId('tour-skip').click({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Lessons' }).click();
    await page.locator('[data-testid="lesson-card"][data-step="logistic-regression"]').waitFor();
    expect(await page.getByTestId('idea-picture').getAttribute('data-idea')).toBe('pixels');
    expect(await page.getByTestId('lesson-recipe').textContent()).toContain('Flatten');
    // The builder opens with another network: not this step's yet.
    expect(await page.getByTestId('lesson-check').getAttribute('data-matches')).toBe('false');
    expect(await page.getByTestId('lesson-train-start').isDisabled()).toBe(true);
    await shot('1-step1');

    await page.getByTestId('lesson-ready-made').click();
    await expect
      .poll(() => page.getByTestId('lesson-check').getAttribute('data-matches'), POLL)
      .toBe('true');
    expect(await page.getByTestId('lesson-train-start').textContent()).toContain('Train step 1');
    await page.getByTestId('lesson-train-start').click();
    await page.getByTestId('lesson-running').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => step('logistic-regression').getAttribute('data-state'), POLL)
      .toBe('training');
    await shot('2-step1-training');
    await waitDone('logistic-regression');
    await page.getByTestId('lesson-acc').waitFor();
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `Lessons: a camper finished step 1 (open the app, load it ready-made, train 10 epochs, see the result) in ${seconds.toFixed(1)} s on the sample letters.`,
    );

    expect(await page.getByTestId('lesson-params').textContent()).toBe('7,850');
    expect(await page.getByTestId('lesson-acc').textContent()).toMatch(/^\d{1,3}\.\d%$/);
    expect(await page.getByTestId('lesson-change').textContent()).toContain('first rung');
    expect(await page.getByTestId('lessons-progress').textContent()).toBe('1 of 8 steps done');
    expect(await page.getByTestId('ladder').getAttribute('data-points')).toBe('1');
    await shot('3-step1-done');
    // The run is in the lab notebook too, trained for the notebook's 10 epochs.
    const runs = await apiClient(app)('runs:list');
    expect(runs).toHaveLength(1);
    expect(runs[0].record?.history).toHaveLength(10);
    expect(await axe('[data-testid="lessons"]')).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
    expect(errors).toEqual([]);
  });

  it('builds step 2 in the Build tab following the hints, and both climb the ladder', async () => {
    // Keyboard: Next step moves on and puts the focus on the step's title.
    await page.getByTestId('lesson-next').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="lesson-card"][data-step="mlp"]').waitFor();
    expect(await page.evaluate('document.activeElement.id')).toBe('lesson-card-title');

    // A teacher caps the epochs so the class finishes in time.
    await teacher(async (dialog) => {
      await dialog.getByTestId('settings-lesson-cap').fill('2');
      await dialog.getByTestId('settings-lesson-cap').press('Enter');
      await expect
        .poll(async () => (await apiClient(app)('lessons:state')).settings.epochCap, POLL)
        .toBe(2);
    });
    await expect
      .poll(() => page.getByTestId('lesson-capped').textContent(), POLL)
      .toContain('2 epochs');

    // The network in the Build tab is step 1's: a nudge first, then exactly what to add.
    const hint = page.getByTestId('lesson-hint');
    expect(await hint.textContent()).toBe('Not yet. Something is missing after Flatten.');
    await page.getByTestId('lesson-tell').click();
    expect(await hint.textContent()).toBe('Not yet. Add Dense(128) after Flatten.');
    await shot('4-step2-hint');

    await page.getByTestId('lesson-open-build').click();
    await page.getByTestId('stack').waitFor();
    // The lesson's check comes along to the Build tab.
    expect(await page.getByTestId('lesson-banner').textContent()).toContain(
      'Step 2: Something is missing after Flatten.',
    );
    await page.locator('#block-head-0').press('Enter');
    await page.getByTestId('palette-dense').focus();
    await page.keyboard.press('Enter');
    // The new block is chosen, so its settings are open.
    await page.getByTestId('field-units').fill('128');
    await page.getByTestId('field-units').press('Enter');
    await page.getByRole('tab', { name: 'Lessons' }).click();
    // Units done; the activation and the optimizer are next.
    await expect
      .poll(() => page.getByTestId('lesson-hint').textContent(), POLL)
      .toBe('Not yet. Check the settings of Dense.');
    await page.getByTestId('lesson-tell').click();
    expect(await page.getByTestId('lesson-hint').textContent()).toBe(
      'Not yet. In Dense, set the activation to tanh (it is relu now).',
    );

    await page.getByRole('tab', { name: 'Build' }).click();
    if ((await page.getByTestId('field-activation').count()) === 0) {
      await page.locator('#block-head-1').click();
    }
    await page.getByTestId('field-activation').selectOption('tanh');
    await page.getByTestId('compile-optimizer').selectOption('adam');
    await expect
      .poll(() => page.getByTestId('lesson-banner').getAttribute('data-matches'), POLL)
      .toBe('true');
    await shot('4b-build-banner');
    await page.getByTestId('lesson-banner-back').click();
    await expect
      .poll(() => page.getByTestId('lesson-check').getAttribute('data-matches'), POLL)
      .toBe('true');

    await page.getByTestId('lesson-train-start').click();
    await waitDone('mlp');
    await page.getByTestId('lesson-change').waitFor();
    expect(await page.getByTestId('lesson-change').textContent()).toMatch(
      /^Compared with step 1: 13 times more parameters \(7,850 → 101,770\), test accuracy (up|down) [\d.]+ points to [\d.]+%|about the same test accuracy/,
    );
    expect(await page.getByTestId('lesson-happened').textContent()).toContain(
      'You built it yourself.',
    );
    const mlp = (await apiClient(app)('lessons:state')).steps[1];
    expect(mlp.run).toMatchObject({ origin: 'built', epochs: 2, targetEpochs: 2 });
    expect(await page.getByTestId('ladder').getAttribute('data-points')).toBe('2');
    expect(
      await page
        .getByTestId('ladder-point')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-step'))),
    ).toEqual(['logistic-regression', 'mlp']);
    await page.getByTestId('ladder').scrollIntoViewIfNeeded();
    await shot('5-ladder');
  });

  it('teacher controls: steps off, ready-made locked, class pace opened from the lesson', async () => {
    await teacher(async (dialog) => {
      // A cap of 0 epochs is refused with the reason; the cap stays at 2.
      await dialog.getByTestId('settings-lesson-cap').fill('0');
      await dialog.getByTestId('settings-lesson-cap').press('Enter');
      expect(await dialog.getByTestId('settings-lesson-refused').textContent()).toContain(
        'must be a whole number from 1 to 100',
      );
      expect(await dialog.getByTestId('settings-lesson-cap').inputValue()).toBe('2');
      expect(await dialog.getByTestId('settings-lesson-cap').getAttribute('aria-invalid')).toBe(
        'true',
      );
      expect((await apiClient(app)('lessons:state')).settings.epochCap).toBe(2);
      await dialog.locator('[data-testid="settings-lesson-step"][data-step="batchnorm"]').uncheck();
      await dialog.getByTestId('settings-lesson-lock').check();
      await dialog.getByTestId('settings-lesson-pace').check();
      await dialog.getByTestId('settings-lesson-opened').fill('2');
      await dialog.getByTestId('settings-lesson-opened').press('Enter');
      await expect
        .poll(async () => (await apiClient(app)('lessons:state')).settings, POLL)
        .toMatchObject({ off: ['batchnorm'], lockReadyMade: true, classPace: true, opened: 2 });
      expect(await axe('[data-testid="settings-dialog"]')).toEqual([]);
      await shot('6-teacher-settings');
    });

    await expect.poll(() => step('batchnorm').count(), POLL).toBe(0);
    expect(await step('conv').getAttribute('data-state')).toBe('closed');
    await showStep('conv');
    expect(await page.getByTestId('lesson-closed').textContent()).toContain('Your teacher opens');
    await shot('7-closed');

    await page.getByTestId('lesson-open-next').click();
    await expect.poll(() => step('conv').getAttribute('data-state'), POLL).toBe('todo');
    await card().getByTestId('lesson-build').waitFor();
    expect(await page.getByTestId('lesson-ready-made').count()).toBe(0);
    expect(await page.getByTestId('lesson-locked').textContent()).toContain('build this network');
    expect(await step('conv-maxpool').getAttribute('data-state')).toBe('closed');
    // The Build tab's notebook models are still there, but a network loaded from them does not
    // count while the teacher wants campers to build.
    await page.getByTestId('lesson-open-build').click();
    await page.getByTestId('preset-select').selectOption('conv');
    await page.getByTestId('preset-load').click();
    await expect
      .poll(() => page.getByTestId('lesson-banner').textContent(), POLL)
      .toContain('Step 3: this is the ready-made network, and your teacher wants you to build it');
    expect(await page.getByTestId('lesson-banner').getAttribute('data-matches')).toBe('false');
    await page.getByTestId('lesson-banner-back').click();
    await expect
      .poll(() => page.getByTestId('lesson-check').getAttribute('data-matches'), POLL)
      .toBe('true');
    expect(await page.getByTestId('lesson-ready-made-locked').textContent()).toContain(
      'it does not count',
    );
    expect(await page.getByTestId('lesson-train-blocked').textContent()).toBe(
      'First build the step’s network yourself (above).',
    );
    expect(await page.getByTestId('lesson-train-start').isDisabled()).toBe(true);
    await page.getByTestId('lesson-ready-made-locked').scrollIntoViewIfNeeded();
    await shot('7b-locked-ready-made');

    // A reload keeps everything: the steps done, the settings, the open step.
    await page.reload();
    await page.getByTestId('backend').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Lessons' }).click();
    await expect.poll(() => step('mlp').getAttribute('data-state'), POLL).toBe('done');
    expect(await step('logistic-regression').getAttribute('data-state')).toBe('done');
    expect(await step('conv').getAttribute('data-state')).toBe('todo');
    expect(await page.getByTestId('lessons-progress').textContent()).toBe('2 of 7 steps done');
  });

  it('beat the notebook: a camper’s own network within the budget on the ladder', async () => {
    const invoke = apiClient(app);
    // Only steps 1 and 2 on: both done, so the challenge opens; 20,000 parameters: step 1 fits.
    await teacher(async (dialog) => {
      await dialog.getByTestId('settings-lesson-pace').uncheck();
      for (const id of ['conv', 'conv-maxpool', 'typical-convnet', 'convnet-dense-dropout']) {
        await dialog.locator(`[data-testid="settings-lesson-step"][data-step="${id}"]`).uncheck();
      }
      await dialog
        .locator('[data-testid="settings-lesson-step"][data-step="fully-convolutional"]')
        .uncheck();
      await dialog.getByTestId('settings-lesson-budget').fill('20000');
      await dialog.getByTestId('settings-lesson-budget').press('Enter');
      await expect
        .poll(async () => (await invoke('lessons:state')).challenge.open, POLL)
        .toBe(true);
    });
    const challenge = page.getByTestId('challenge');
    await expect.poll(() => challenge.getAttribute('data-open'), POLL).toBe('true');
    expect(await page.getByTestId('challenge-target').textContent()).toMatch(
      /^To beat: step 1, Logistic regression, with [\d.]+% \(7,850 parameters\)\.$/,
    );

    // The camper's own network: step 4's with 8 filters (13,610 parameters), trained 2 epochs.
    const own = stepSpec(lessonStep('conv-maxpool')!, 2, 'My small convnet');
    own.layers = own.layers.map((l) => (l.type === 'conv2d' ? { ...l, filters: 8 } : l));
    await invoke('training:start', { spec: own });
    await waitTrainingIdle();
    await page.getByTestId('challenge-entries').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('challenge-entries').textContent()).toMatch(
      /My small convnet: [\d.]+% with 13,610 parameters/,
    );
    expect(
      await page
        .getByTestId('ladder-point')
        .evaluateAll((els) => els.map((el) => el.getAttribute('data-step'))),
    ).toEqual(['logistic-regression', 'mlp', '']);
    const view = await invoke('lessons:state');
    expect(await challenge.getAttribute('data-beaten')).toBe(String(view.challenge.beaten));
    await challenge.scrollIntoViewIfNeeded();
    await shot('8-challenge');
    expect(await axe('[data-testid="lessons"]')).toEqual([]);
  });

  it('downloads the lessons report: each step, its curves and answers, and the ladder', async () => {
    await page.getByTestId('lessons-report').scrollIntoViewIfNeeded();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('lessons-report').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^letter-lab-lessons-.*\.html$/);
    const html = fs.readFileSync((await download.path()) as string, 'utf8');
    expect(html).toContain('<h2>Step 1: Logistic regression</h2>');
    expect(html).toContain('<h2>Step 2: Multilayer perceptron (MLP)</h2>');
    expect(html).toContain('Your own network: My small convnet');
    expect(html).toContain('<h2>The ladder</h2>');
    expect(html.match(/<figure><img src="data:image\/png;base64,/g)).toHaveLength(24);
    expect(html).not.toMatch(/<script/);
    const report = await context.newPage();
    await report.setContent(html);
    await shot('9-report', report);
    await report.close();
  });

  it('speaks Polish and fits 1280x720, 1366x768 and 200% zoom without scrolling sideways', async () => {
    await page.getByTestId('language').selectOption('pl');
    await page.getByRole('tab', { name: 'Lekcje' }).waitFor();
    await showStep('mlp');
    expect(await card().locator('h3').first().textContent()).toContain('Krok 2: Perceptron');
    expect(await page.getByTestId('lesson-change').textContent()).toMatch(
      /^W porównaniu z krokiem 1: 13 razy więcej parametrów/,
    );
    expect(await page.getByTestId('lessons-progress').textContent()).toBe('Ukończone kroki: 2 z 2');
    await shot('10-pl-1280');
    expect(await axe('[data-testid="lessons"]')).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.setViewportSize({ width: 1366, height: 768 });
    await shot('11-pl-1366');
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.getByTestId('language').selectOption('en');
    await shot('12-en-1366');
    expect(await sidewaysOverflow(page)).toBe(0);
    // The same laptop at 200% zoom: one column, nothing cut off sideways.
    await page.setViewportSize({ width: 683, height: 384 });
    await showStep('logistic-regression');
    expect(await sidewaysOverflow(page)).toBe(0);
    await shot('13-zoom200');
    expect(await axe('[data-testid="lessons"]')).toEqual([]);
  });

  it('works by touch: tap through the steps, the ladder’s table and the teacher settings', async () => {
    const touch = await browser.newContext({
      viewport: { width: 1280, height: 720 },
      hasTouch: true,
      locale: 'pl-PL',
    });
    const tablet = await touch.newPage();
    try {
      await tablet.goto(app.url);
      await tablet.getByTestId('backend').waitFor({ timeout: 60_000 });
      await tablet.getByTestId('language').selectOption('pl');
      await tablet.getByRole('tab', { name: 'Lekcje' }).tap();
      const on = (id: string) => tablet.locator(`[data-testid="lesson-step"][data-step="${id}"]`);
      await on('logistic-regression').tap();
      await tablet
        .locator('[data-testid="lesson-card"][data-step="logistic-regression"]')
        .waitFor();
      await tablet.getByTestId('lesson-next').tap();
      await tablet.locator('[data-testid="lesson-card"][data-step="mlp"]').waitFor();
      expect(await tablet.getByTestId('lesson-acc').textContent()).toMatch(/^\d{1,3},\d%$/);
      await tablet.getByTestId('lesson-prev').tap();
      await tablet
        .locator('[data-testid="lesson-card"][data-step="logistic-regression"]')
        .waitFor();
      // The ladder's numbers for fingers: its table opens with a tap.
      await tablet.getByTestId('ladder').locator('summary').tap();
      await tablet.getByTestId('ladder-table').waitFor();
      // Steps by their names in Polish (step 2 was built from step 1's network and kept its
      // name), the camper's own network by its own.
      expect(
        await tablet
          .getByTestId('ladder-table')
          .locator('tbody th')
          .evaluateAll((els) => els.map((el) => el.textContent)),
      ).toEqual([
        '1. Regresja logistyczna',
        '2. Perceptron wielowarstwowy (MLP)',
        'My small convnet',
      ]);
      // Every control of the tab is big enough to tap (WCAG 2.2's target size).
      expect((await runAxe(tablet, '[data-testid="lessons"]', ['wcag22aa'])).violations).toEqual(
        [],
      );
      await tablet.getByTestId('ladder').scrollIntoViewIfNeeded();
      await shot('14-touch-pl', tablet);
      await tablet.getByTestId('settings-open').tap();
      const dialog = tablet.getByTestId('settings-dialog');
      await dialog.getByTestId('settings-lessons').waitFor();
      await dialog.locator('[data-testid="settings-lesson-step"][data-step="conv"]').tap();
      await expect
        .poll(async () => (await apiClient(app)('lessons:state')).settings.off, POLL)
        .not.toContain('conv');
      expect(
        (await runAxe(tablet, '[data-testid="settings-dialog"]', ['wcag22aa'])).violations,
      ).toEqual([]);
      await dialog.getByRole('button', { name: 'Zamknij' }).tap();
      await on('conv').waitFor();
    } finally {
      await touch.close();
    }
  });
});
