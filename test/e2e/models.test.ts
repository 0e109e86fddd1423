// The "Saved networks" panel in the real renderer (browser mode, Chromium): one epoch of logistic
// regression on the bundled sample letters (started through the API, in a real training process),
// saved from the panel, shown in the list, used for predictions, renamed with the keyboard,
// exported, deleted after a confirmation; a damaged folder shown with its problem; axe clean.
// Screenshots go to $LETTER_LAB_SHOTS when it is set.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { TrainingState } from '../../src-main/contract/training-api';
import { PRESETS } from '../../src-main/core/spec';
import { apiClient, openApp, shotPath, type ApiInvoke } from './helpers/app-page';
import { runAxe, WCAG2_AA } from './helpers/axe';
import { launchBrowser, startWebApp, type WebApp } from './helpers/web-app';

const RUN_TIMEOUT = 180_000;

async function shot(page: Page, name: string): Promise<void> {
  const file = shotPath(`models-${name}`);
  if (file) await page.getByTestId('models-panel').screenshot({ path: file });
}

describe('browser mode: saved networks', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let invoke: ApiInvoke;

  beforeAll(async () => {
    app = await startWebApp([], { NOTMNIST_MAT: '' });
    browser = await launchBrowser();
    invoke = apiClient(app);
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await openApp(page, app);
    await page.getByRole('tab', { name: 'Train' }).click();
    await page.getByTestId('models-panel').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const rows = () => page.getByTestId('model-row');
  /** data-testid of the focused element. */
  const focused = () =>
    page.evaluate('document.activeElement && document.activeElement.dataset.testid') as Promise<
      string | null
    >;
  const status = () => page.getByTestId('models-status');

  it('starts empty, with saving off until a network has trained an epoch', async () => {
    await page.getByTestId('models-empty').waitFor();
    expect(await page.getByTestId('models-save').isDisabled()).toBe(true);
    expect(await page.getByTestId('models-panel').textContent()).toContain(
      'Train a network for at least one epoch',
    );
    // Browser mode cannot pick folders: no import button, a note instead.
    expect(await page.getByTestId('models-import').count()).toBe(0);
    expect(await page.getByTestId('models-panel').textContent()).toContain(
      'Importing a network needs the desktop app',
    );
  });

  it('saves one trained epoch of logistic regression under a name and lists it', async () => {
    const dataset = await invoke('dataset:current');
    if (!dataset) throw new Error('no letters are open');
    expect(dataset.source).toBe('sample');
    const spec = structuredClone(PRESETS.find((p) => p.id === 'logistic-regression')!.spec);
    spec.compile.epochs = 1;
    await invoke('training:start', { spec, seed: 3 });
    let state: TrainingState | null = null;
    await expect
      .poll(async () => (state = await invoke('training:state')).status, {
        timeout: RUN_TIMEOUT,
        interval: 500,
      })
      .toBe('finished');

    const save = page.getByTestId('models-save');
    await expect.poll(() => save.isDisabled(), { timeout: 30_000 }).toBe(false);
    const nameField = page.getByTestId('models-save-name');
    expect(await nameField.inputValue()).toMatch(
      /^Logistic regression \(\d{4}-\d\d-\d\d \d\d:\d\d\)$/,
    );
    expect(await page.getByTestId('models-panel').textContent()).toContain('after epoch 1');
    await nameField.fill('My first network');
    await save.click();
    await expect.poll(() => status().textContent()).toContain('Saved “My first network”.');

    await expect.poll(() => rows().count()).toBe(1);
    const row = rows().first();
    const cells = (await row.locator('th, td').allTextContents()).map((c) => c.trim());
    const valAcc = state!.history[0].valAcc!;
    expect(cells[0]).toBe('My first network');
    expect(cells[2]).toBe(`${(valAcc * 100).toFixed(1)}%`);
    expect(cells[3]).toBe('1');
    expect(cells[4]).toBe(state!.backend === 'wasm' ? 'WebAssembly' : 'TensorFlow (native)');
    // The letters by name and counts; the file's sha256 only in the tooltip.
    const letters = row.getByTestId('model-letters');
    expect((await letters.textContent())?.replace(/\s+/g, ' ').trim()).toBe(
      `${dataset.label} ${dataset.split.train.toLocaleString('en')} training + ${dataset.split.test} test letters`,
    );
    expect(await letters.getAttribute('title')).toBe(
      `SHA-256 of the letters file: ${dataset.fingerprint}`,
    );

    const [entry] = await invoke('models:list');
    expect(entry.meta?.name).toBe('My first network');
    expect(await row.getAttribute('data-model-id')).toBe(entry.id);
  });

  it('passes axe (WCAG 2 A/AA) with a model in the list', async () => {
    // Evaluated through the devtools protocol: the app's CSP rightly refuses inline scripts.
    const { violations } = await runAxe(page, '[data-testid="models-panel"]', WCAG2_AA);
    expect(violations).toEqual([]);
    await shot(page, 'list');
  });

  it('uses the saved model for predictions', async () => {
    await rows().first().getByTestId('model-load').click();
    await expect
      .poll(() => status().textContent())
      .toContain('Predictions now use “My first network”.');
    expect(await rows().first().textContent()).toContain('In use for predictions');
    const [entry] = await invoke('models:list');
    expect(await invoke('models:in-use')).toEqual({ id: entry.id });
    expect(await rows().first().getByTestId('model-load').isDisabled()).toBe(true);
  });

  it('renames with the keyboard; Escape cancels and gives focus back', async () => {
    const rename = rows().first().getByTestId('model-rename');
    await rename.focus();
    await page.keyboard.press('Enter');
    const input = page.getByTestId('model-rename-input');
    await expect.poll(focused).toBe('model-rename-input');
    await page.keyboard.press('Escape');
    await expect.poll(() => input.count()).toBe(0);
    expect(await focused()).toBe('model-rename');

    await page.keyboard.press('Enter');
    await input.waitFor();
    await page.keyboard.type('Renamed net'); // the old name is selected: typing replaces it
    await page.keyboard.press('Enter');
    await expect.poll(() => status().textContent()).toContain('Renamed to “Renamed net”.');
    await expect.poll(() => input.count()).toBe(0);
    expect(await focused()).toBe('model-rename');
    expect((await rows().first().locator('th').textContent())?.trim()).toMatch(/^Renamed net/);
    const [entry] = await invoke('models:list');
    expect(entry.meta?.name).toBe('Renamed net');
  });

  it('exports into the user-data folder in browser mode and says where', async () => {
    await rows().first().getByTestId('model-export').click();
    const expected = path.join(app.home, 'exports', 'renamed-net');
    await expect.poll(() => status().textContent()).toContain(`to ${expected} on the computer`);
    expect(fs.readdirSync(expected).sort()).toEqual(['meta.json', 'model.json', 'weights.bin']);
  });

  it('shows a damaged folder with its problem beside the good one', async () => {
    const broken = path.join(app.home, 'models', 'broken-one');
    fs.mkdirSync(broken);
    fs.writeFileSync(path.join(broken, 'meta.json'), '{ half a file');
    await page.getByRole('tab', { name: 'Build' }).click();
    await page.getByRole('tab', { name: 'Train' }).click();
    await expect.poll(() => rows().count()).toBe(2);
    await shot(page, 'damaged');
    const damaged = page.locator('[data-model-id="broken-one"]');
    expect(await damaged.locator('th').textContent()).toContain('Damaged folder broken-one');
    expect(await damaged.textContent()).toMatch(/cannot be used: .*meta\.json is not valid JSON/);
    expect(await damaged.getByTestId('model-load').count()).toBe(0);
    await damaged.getByTestId('model-delete').click();
    await damaged.getByTestId('model-delete-confirm').click();
    await expect.poll(() => rows().count()).toBe(1);
  });

  it('deletes only after a confirmation', async () => {
    const row = rows().first();
    await row.getByTestId('model-delete').click();
    expect(await row.textContent()).toContain('Delete “Renamed net”? This cannot be undone.');
    await shot(page, 'confirm-delete');
    await page.keyboard.press('Escape');
    await expect.poll(() => row.getByTestId('model-delete-confirm').count()).toBe(0);
    expect(await invoke('models:list')).toHaveLength(1);

    await row.getByTestId('model-delete').click();
    await row.getByTestId('model-delete-confirm').click();
    await expect.poll(() => status().textContent()).toContain('Deleted “Renamed net”.');
    await page.getByTestId('models-empty').waitFor();
    expect(await invoke('models:list')).toEqual([]);
    expect(await invoke('models:in-use')).toEqual({ id: null });
  });

  it('speaks Polish', async () => {
    await page.getByTestId('language').selectOption('pl');
    await expect.poll(() => page.getByRole('heading', { name: 'Zapisane sieci' }).count()).toBe(1);
    expect(await page.getByTestId('models-panel').textContent()).toContain(
      'Nie ma jeszcze zapisanych sieci.',
    );
    await page.getByTestId('language').selectOption('en');
  });
});
