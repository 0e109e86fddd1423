// The model builder in the real renderer (browser mode, Chromium): drag and drop, keyboard, undo,
// one-click fixes, presets, files, and the layout at 1366x768 and at 200% zoom.
// Screenshots go to $LETTER_LAB_SHOTS when it is set.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { openApp, pageShots } from './helpers/app-page';
import { LAPTOP_VIEWS, runAxe, sidewaysOverflow } from './helpers/axe';
import { launchBrowser, startWebApp, type WebApp } from './helpers/web-app';

const shot = pageShots('builder');

/** The block types in the stack, top to bottom. */
function blockTypes(page: Page): Promise<(string | null)[]> {
  return page
    .locator('[data-block-index]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-type')));
}

async function openBuilder(page: Page, app: WebApp): Promise<void> {
  await openApp(page, app);
  await page.getByRole('tab', { name: 'Build' }).click();
  await page.getByTestId('stack').waitFor();
}

async function loadPreset(page: Page, id: string): Promise<void> {
  await page.getByTestId('preset-select').selectOption(id);
  await page.getByTestId('preset-load').click();
}

describe('browser mode: the model builder', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startWebApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('builds with the mouse: drag in, reorder, drag out, undo and redo', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await openBuilder(page, app);
    await loadPreset(page, 'conv-maxpool');
    expect(await blockTypes(page)).toEqual(['conv2d', 'maxPool2d', 'flatten']);
    // Keras: Conv2D 3*3*1*16 + 16 = 160; answer layer 13*13*16*10 + 10 = 27,050.
    await expect.poll(() => page.getByTestId('total-params').textContent()).toBe('27,210');
    await expect.poll(() => page.getByTestId('block-0').textContent()).toContain('26 × 26 × 16');

    // A palette block dropped on the upper half of block 1 goes in before it.
    await page.dragAndDrop('[data-testid="palette-dropout"]', '[data-testid="block-1"]', {
      targetPosition: { x: 40, y: 4 },
    });
    expect(await blockTypes(page)).toEqual(['conv2d', 'dropout', 'maxPool2d', 'flatten']);
    await expect.poll(() => page.getByTestId('announcer').textContent()).toContain('Dropout');

    // The drop indicator while dragging, with the mouse held down.
    const source = await page.getByTestId('palette-batchNormalization').boundingBox();
    const target = await page.getByTestId('block-2').boundingBox();
    if (!source || !target) throw new Error('palette or block not on screen');
    await page.mouse.move(source.x + 20, source.y + 10);
    await page.mouse.down();
    await page.mouse.move(target.x + 60, target.y + 6, { steps: 8 });
    // Chromium sends dragover on the next moves over the target.
    let nudge = 0;
    await expect
      .poll(async () => {
        nudge = (nudge + 1) % 4;
        await page.mouse.move(target.x + 60 + nudge, target.y + 6);
        return page.locator('.drop-before').count();
      })
      .toBe(1);
    await shot(page, 'dragging');
    await page.mouse.up();
    expect(await blockTypes(page)).toEqual([
      'conv2d',
      'dropout',
      'batchNormalization',
      'maxPool2d',
      'flatten',
    ]);

    // Reorder: Dropout dropped on the lower half of the last block goes to the end.
    const last = await page.getByTestId('block-4').boundingBox();
    await page.dragAndDrop('[data-testid="block-1"]', '[data-testid="block-4"]', {
      targetPosition: { x: 40, y: (last?.height ?? 20) - 4 },
    });
    expect(await blockTypes(page)).toEqual([
      'conv2d',
      'batchNormalization',
      'maxPool2d',
      'flatten',
      'dropout',
    ]);

    // Drag out of the stack onto the palette: the block is taken out.
    await page.dragAndDrop('[data-testid="block-1"]', '[data-testid="palette-flatten"]');
    expect(await blockTypes(page)).toEqual(['conv2d', 'maxPool2d', 'flatten', 'dropout']);

    await page.getByTestId('undo').click();
    expect(await blockTypes(page)).toEqual([
      'conv2d',
      'batchNormalization',
      'maxPool2d',
      'flatten',
      'dropout',
    ]);
    await page.keyboard.press('Control+z');
    expect(await blockTypes(page)).toEqual([
      'conv2d',
      'dropout',
      'batchNormalization',
      'maxPool2d',
      'flatten',
    ]);
    await page.keyboard.press('Control+Shift+Z');
    await page.keyboard.press('Control+y');
    expect(await blockTypes(page)).toEqual(['conv2d', 'maxPool2d', 'flatten', 'dropout']);
    await page.getByTestId('undo').click();
    await page.getByTestId('redo').click();
    expect(await blockTypes(page)).toEqual(['conv2d', 'maxPool2d', 'flatten', 'dropout']);

    // The host times a few real training steps of this network and shows seconds per epoch.
    await expect
      .poll(() => page.getByTestId('estimate').textContent(), { timeout: 30_000 })
      .toMatch(/\d+(\.\d)?\s*s/);
    await shot(page, 'mouse');

    // A batch far too big for this computer's memory: refused up front, in words, not timed.
    const batch = page.getByTestId('compile-batchSize');
    await batch.fill('4096');
    await batch.press('Tab');
    await page.locator('#block-head-0').click();
    const filters = page.getByTestId('field-filters');
    await filters.fill('256');
    await filters.press('Enter');
    await expect
      .poll(() => page.getByTestId('estimate-reason').textContent(), { timeout: 30_000 })
      .toMatch(/Too big for this computer: training it would need about [\d.]+ GB of memory/);
    await shot(page, 'estimate-too-big');
    await filters.fill('32');
    await filters.press('Enter');
    await batch.fill('128');
    await batch.press('Tab');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('edits a block inline and checks the numbers typed', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openBuilder(page, app);
    await loadPreset(page, 'conv-maxpool');
    await page.locator('#block-head-0').click();
    const filters = page.getByTestId('field-filters');
    await filters.fill('32');
    await filters.press('Enter');
    // Conv2D(32): 3*3*1*32 + 32 = 320 weights, 26 x 26 x 32 out.
    await expect.poll(() => page.getByTestId('block-0').textContent()).toContain('26 × 26 × 32');
    await expect.poll(() => page.getByTestId('block-0').textContent()).toContain('parameters: 320');
    await filters.fill('0');
    await filters.press('Enter');
    await expect.poll(() => filters.getAttribute('aria-invalid')).toBe('true');
    await expect
      .poll(() => page.getByTestId('block-editor-0').textContent())
      .toContain('smallest allowed is 1');
    // The model kept the last good value.
    expect(await page.getByTestId('block-0').textContent()).toContain('26 × 26 × 32');
    await page.getByTestId('field-padding').selectOption('same');
    await expect.poll(() => page.getByTestId('block-0').textContent()).toContain('28 × 28 × 32');
    await shot(page, 'editing');

    const epochs = page.getByTestId('compile-epochs');
    await epochs.fill('2.5');
    await epochs.press('Tab');
    await expect.poll(() => epochs.getAttribute('aria-invalid')).toBe('true');
    await epochs.fill('3');
    await epochs.press('Tab');
    await expect.poll(() => epochs.getAttribute('aria-invalid')).toBe('false');
    await page.close();
  });

  it('builds with the keyboard and applies a one-click fix', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await openBuilder(page, app);
    await loadPreset(page, 'conv');
    expect(await blockTypes(page)).toEqual(['conv2d', 'flatten']);
    // The notebook's convolution keeps 28x28 with padding 'same': 125,610 parameters in Keras.
    await expect.poll(() => page.getByTestId('block-0').textContent()).toContain('28 × 28 × 16');
    await expect.poll(() => page.getByTestId('total-params').textContent()).toBe('125,610');

    // Delete on a focused block takes it out; focus stays in the stack.
    await page.locator('#block-head-1').focus();
    await page.keyboard.press('Delete');
    expect(await blockTypes(page)).toEqual(['conv2d']);
    await expect.poll(() => page.getByTestId('announcer').textContent()).toContain('Flatten');

    // Choose the Conv2D, then Enter on the palette's Dense adds it right after: Dense after Conv2D.
    await page.locator('#block-head-0').press('Enter');
    await page.getByTestId('palette-dense').focus();
    await page.keyboard.press('Enter');
    expect(await blockTypes(page)).toEqual(['conv2d', 'dense']);
    const problem = page.getByTestId('problem-dense-needs-list');
    await problem.waitFor();
    expect(await page.getByTestId('block-1').getAttribute('class')).toContain('error');
    expect(await problem.textContent()).toContain('Flatten');
    // The totals say that the blocks that do not fit are not counted.
    expect(await page.getByTestId('summary-partial').count()).toBe(1);
    await shot(page, 'problem');

    await problem.getByRole('button', { name: 'Add Flatten' }).click();
    expect(await blockTypes(page)).toEqual(['conv2d', 'flatten', 'dense']);
    expect(await page.locator('[data-testid^="problem-"]').count()).toBe(0);
    expect(await page.getByTestId('summary-partial').count()).toBe(0);
    // 28*28*16 = 12,544 numbers after Flatten.
    await expect.poll(() => page.getByTestId('block-1').textContent()).toContain('12,544 numbers');

    // Alt+ArrowUp moves the focused block up, and focus follows it.
    await page.locator('#block-head-2').focus();
    await page.keyboard.press('Alt+ArrowUp');
    expect(await blockTypes(page)).toEqual(['conv2d', 'dense', 'flatten']);
    expect(await page.evaluate('document.activeElement.id')).toBe('block-head-1');
    await expect.poll(() => page.getByTestId('announcer').textContent()).toContain('place 2');
    await page.keyboard.press('Alt+ArrowDown');
    expect(await blockTypes(page)).toEqual(['conv2d', 'flatten', 'dense']);

    // Undo from the keyboard, with the focus on a block.
    await page.keyboard.press('Control+z');
    expect(await blockTypes(page)).toEqual(['conv2d', 'dense', 'flatten']);
    await shot(page, 'keyboard');

    // Arrow keys walk the blocks, and the focus is visible (an outline) on the block reached.
    await page.keyboard.press('ArrowUp');
    // (Strings: the e2e tests compile without the DOM types.)
    const focused = await page.evaluate(`(() => {
      const el = document.activeElement;
      return {
        id: el.id,
        visible: el.matches(':focus-visible'),
        outline: getComputedStyle(el).outlineStyle,
      };
    })()`);
    expect(focused).toEqual({ id: 'block-head-1', visible: true, outline: 'solid' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves and opens model files, and keeps the model when a file is bad', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openBuilder(page, app);
    await loadPreset(page, 'convnet-dense-dropout');

    const downloading = page.waitForEvent('download');
    await page.getByTestId('spec-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('typical-convnet-dense-dropout.letter-lab.json');
    const saved = JSON.parse(fs.readFileSync(await download.path(), 'utf8')) as {
      name: string;
      layers: { type: string }[];
    };
    expect(saved.name).toBe('Typical ConvNet + dense + dropout');
    expect(saved.layers.map((l) => l.type)).toEqual(await blockTypes(page));
    // Keras reports 49,850 parameters for this notebook model.
    expect(await page.getByTestId('total-params').textContent()).toBe('49,850');

    const before = await blockTypes(page);
    const fileInput = page.getByTestId('spec-import-file');
    await fileInput.setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"version": 1, "name": '),
    });
    await expect
      .poll(() => page.getByTestId('import-error').textContent())
      .toContain('broken.json');
    const bad = { ...saved, layers: [{ type: 'dense', units: -2 }] };
    await fileInput.setInputFiles({
      name: 'bad-units.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(bad)),
    });
    await expect.poll(() => page.getByTestId('import-error').textContent()).toContain('units');
    expect(await blockTypes(page)).toEqual(before);
    await shot(page, 'import-error');

    const mine = { ...saved, name: 'Tiny', layers: [{ type: 'globalAveragePool2d' }] };
    await fileInput.setInputFiles({
      name: 'tiny.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(mine)),
    });
    await expect.poll(() => blockTypes(page)).toEqual(['globalAveragePool2d']);
    expect(await page.getByTestId('import-error').count()).toBe(0);
    expect(await page.locator('#model-name').inputValue()).toBe('Tiny');
    // Opening a file is undoable like any other change.
    await page.getByTestId('undo').click();
    expect(await blockTypes(page)).toEqual(before);
    await page.close();
  });

  it('fits 1366x768 and 200% zoom without sideways scrolling, and passes axe (WCAG AA)', async () => {
    for (const { name, viewport, deviceScaleFactor } of LAPTOP_VIEWS) {
      const page = await browser.newPage({ viewport, deviceScaleFactor });
      await openBuilder(page, app);
      await loadPreset(page, 'batchnorm');
      // Keras: 50,042 parameters, 49,946 of them trainable (BatchNormalization's moving
      // means and variances are not).
      await expect.poll(() => page.getByTestId('total-params').textContent()).toBe('50,042');
      await expect.poll(() => page.getByTestId('trainable-params').textContent()).toBe('49,946');
      await expect.poll(() => page.getByTestId('non-trainable-params').textContent()).toBe('96');
      await page.locator('#block-head-0').click();
      expect(await sidewaysOverflow(page), name).toBeLessThanOrEqual(0);
      await shot(page, name);

      const axe = await runAxe(page, '[data-testid="builder"]');
      expect(axe.passes, name).toContain('color-contrast');
      expect(axe.violations, name).toEqual([]);
      await page.close();
    }
  });

  it('speaks Polish', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await openBuilder(page, app);
    await page.getByTestId('language').selectOption('pl');
    await expect.poll(() => page.getByRole('heading', { name: 'Twoja sieć' }).count()).toBe(1);
    await loadPreset(page, 'conv');
    expect(await page.locator('#model-name').inputValue()).toBe('Konwolucja');
    await page.locator('#block-head-1').press('Delete');
    await page.getByTestId('palette-dense').click();
    await expect
      .poll(() => page.getByTestId('problem-dense-needs-list').textContent())
      .toContain('potrzebuje listy liczb');
    await shot(page, 'polish');
    await page.close();
  });
});
