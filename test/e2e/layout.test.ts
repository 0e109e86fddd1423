// The window at 1280x720 and 1366x768, in English and Polish: the header keeps one row (Help does
// not wrap onto a second one), no tab scrolls sideways, the preset list shows whole names, and the
// buttons a screen reader lists have names of their own ("Next step" of the tour, "Next letter"
// of the close-up). Screenshots go to $LETTER_LAB_SHOTS when it is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiClient, openApp, shotPath } from './helpers/app-page';
import { runAxe, sidewaysOverflow } from './helpers/axe';
import { openTab, type SectionId } from './helpers/camper';
import { launchBrowser, startWebApp, type WebApp } from './helpers/web-app';

const SECTIONS: SectionId[] = ['lessons', 'data', 'build', 'train', 'predict', 'mine', 'notebook'];

/** The tops and bottoms of the header's brand, tabs and tools. */
function headerRows(page: Page): Promise<{ top: number; bottom: number }[]> {
  return page.evaluate<
    { top: number; bottom: number }[]
  >(`[...document.querySelector('[data-testid="app-header"]').children]
    .map((el) => el.getBoundingClientRect())
    .map((r) => ({ top: r.top, bottom: r.bottom }))`);
}

/** Preset names that do not fit the closed list: measured in the list's own font. */
function cutPresetNames(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const select = document.querySelector('#preset-select');
    const style = getComputedStyle(select);
    const context = document.createElement('canvas').getContext('2d');
    context.font = style.fontWeight + ' ' + style.fontSize + ' ' + style.fontFamily;
    // Room for the text: the box minus its padding, borders and the arrow.
    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24;
    return [...select.options]
      .map((option) => option.textContent)
      .filter((text) => context.measureText(text).width > room);
  })()`);
}

describe('browser mode: the layout at 1280x720 and 1366x768', () => {
  let app: WebApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startWebApp([], { NOTMNIST_MAT: '' });
    browser = await launchBrowser();
    await apiClient(app)('runs:tour-done', { done: true });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 1366, height: 768 },
  ]) {
    for (const language of ['en', 'pl'] as const) {
      const name = `${language}-${viewport.width}x${viewport.height}`;
      it(`${name}: one header row, no sideways scrolling, whole preset names`, async () => {
        const page = await browser.newPage({ viewport });
        await openApp(page, app);
        await page.getByTestId('language').selectOption(language);
        await page.getByTestId('letter-grid').waitFor({ timeout: 60_000 });
        // Brand, tabs and tools side by side: each starts above where the others end.
        const rows = await headerRows(page);
        expect(rows).toHaveLength(3);
        for (const a of rows) for (const b of rows) expect(a.top).toBeLessThan(b.bottom);
        // The tools are short on screen, but a screen reader hears their whole names.
        expect(await page.getByTestId('settings-open').getAttribute('aria-label')).toBe(
          language === 'en' ? 'Teacher settings' : 'Ustawienia nauczyciela',
        );
        expect(
          await page
            .getByTestId('language')
            .evaluate((el) => el.labels?.[0]?.querySelector('span')?.textContent),
        ).toBe(language === 'en' ? 'Language' : 'Język');
        for (const section of SECTIONS) {
          await openTab(page, section);
          expect(await sidewaysOverflow(page), `${name} ${section}`).toBeLessThanOrEqual(0);
        }
        await openTab(page, 'build');
        expect(await cutPresetNames(page)).toEqual([]);
        await page.getByTestId('preset-select').selectOption('mlp');
        const file = shotPath(`layout-${name}-build`);
        if (file) await page.screenshot({ path: file });
        await page.getByTestId('language').selectOption('en');
        await page.close();
      });
    }
  }

  it('teacher settings: the dialog dims the page; a PIN guards locking the presets and reset', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openApp(page, app);
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('settings-open').click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.waitFor();
    // The backdrop darkens what is behind: an opaque enough dark layer.
    const backdrop = await page.evaluate<string>(
      `getComputedStyle(document.querySelector('[data-testid="settings-dialog"]'), '::backdrop').backgroundColor`,
    );
    const [r, g, b, a] = (backdrop.match(/[\d.]+/g) ?? []).map(Number);
    expect(Math.max(r, g, b)).toBeLessThan(60);
    expect(a).toBeGreaterThanOrEqual(0.4);

    await page.getByTestId('settings-new-pin').fill('2468');
    await page.getByTestId('settings-save-pin').click();
    await expect.poll(() => page.getByTestId('settings-note').textContent()).toMatch(/PIN is set/);
    // Without the PIN, locking is refused and the box stays as it was.
    const lock = page.getByTestId('settings-lock-presets');
    await lock.click();
    await expect
      .poll(() => page.getByTestId('settings-error').textContent())
      .toMatch(/teacher PIN/);
    expect(await lock.isChecked()).toBe(false);
    await page.getByTestId('settings-pin').fill('2468');
    await lock.click();
    await expect.poll(() => lock.isChecked()).toBe(true);
    expect(await page.getByTestId('settings-error').count()).toBe(0);
    expect((await runAxe(page, '[data-testid="settings-dialog"]')).violations).toEqual([]);
    const file = shotPath('layout-settings-pin-en-1280');
    if (file) await page.screenshot({ path: file });
    // The same dialog in Polish (its own language list).
    await page.getByLabel('Language of the app').selectOption('pl');
    await expect
      .poll(() => page.getByTestId('settings-pin-state').textContent())
      .toBe('PIN chroni blokowanie gotowych modeli, ustawienia lekcji i przywracanie ustawień.');
    const plFile = shotPath('layout-settings-pin-pl-1280');
    if (plFile) await page.screenshot({ path: plFile });
    await page.getByLabel('Język aplikacji').selectOption('en');
    // Reset needs the PIN too; with it, everything (the PIN included) goes back to the defaults.
    await page.getByTestId('settings-pin').fill('');
    await page.getByTestId('settings-reset').click();
    await expect.poll(() => page.getByTestId('settings-error').count()).toBe(1);
    await page.getByTestId('settings-pin').fill('2468');
    await page.getByTestId('settings-reset').click();
    await expect
      .poll(() => page.getByTestId('settings-pin-state').textContent())
      .toMatch(/No PIN yet/);
    expect(await lock.isChecked()).toBe(false);
    await page.keyboard.press('Escape');
    await page.close();
  });

  it('gives the tour’s Next and the close-up’s Next names of their own', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openApp(page, app);
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('letter-grid').waitFor({ timeout: 60_000 });
    await page.getByTestId('tour-help').click();
    await page.getByTestId('tour').waitFor();
    const named = (name: string) => page.getByRole('button', { name, exact: true }).count();
    expect(await named('Next')).toBe(0);
    expect(await named('Next step')).toBe(1);
    expect(await named('Next letter')).toBe(1);
    expect(await named('Previous letter')).toBe(1);
    await page.getByTestId('language').selectOption('pl');
    await expect.poll(() => named('Następny krok')).toBe(1);
    expect(await named('Następna litera')).toBe(1);
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('tour-skip').click();
    await page.close();
  });
});
