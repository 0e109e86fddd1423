// The My handwriting tab (My letters) in the real renderer (browser mode, Chromium, 1280x720): letters drawn with the
// mouse and a finger and kept in guided mode, the file on disk after each one, relabelling and
// deleting, checking a network on them beside the printed letters, teaching it in a new run, the
// class collection, "Keep as" in the Predict tab, Polish, and axe.
// Screenshots go to $LETTER_LAB_SHOTS when it is set.
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { ModelSpec } from '../../src-main/contract/spec';
import type { RunEntry } from '../../src-main/contract/runs';
import { encodeLetters, makeLetter, readLettersFile } from '../../src-main/core/letters';
import { PRESETS } from '../../src-main/core/spec';
import { apiClient, openApp, pageShots, shotPath, type ApiInvoke } from './helpers/app-page';
import { runAxe, sidewaysOverflow } from './helpers/axe';
import { drawWithMouse, handwriting, setBrush } from './helpers/handwriting';
import { launchBrowser, startWebApp, type WebApp } from './helpers/web-app';

const PER_LETTER = 3;
const VIEW = { width: 1280, height: 720 };

let app: WebApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let invoke: ApiInvoke;
const shot = pageShots('letters');
const errors: string[] = [];

function myLettersFile(): string {
  return path.join(app.home, 'my-letters', 'my-letters.mat');
}

function preset(id: string): ModelSpec {
  const spec = structuredClone(PRESETS.find((p) => p.id === id)?.spec);
  if (!spec) throw new Error(`no preset ${id}`);
  spec.compile.epochs = 1;
  return spec;
}

async function settledTraining(): Promise<void> {
  const deadline = Date.now() + 240_000;
  for (;;) {
    const state = await invoke('training:state');
    if (['finished', 'failed', 'crashed', 'stopped'].includes(state.status)) {
      if (state.status !== 'finished') throw new Error(`training ended ${state.status}`);
      return;
    }
    if (Date.now() > deadline) throw new Error(`training did not finish: ${state.status}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function keptCount(): Promise<number> {
  return (await invoke('letters:mine')).count;
}

/** Draws letter `label` in hand `seed` on the My letters pad with the mouse. */
async function drawLetter(label: number, seed: number): Promise<void> {
  const hand = handwriting(label, seed);
  await setBrush(page.getByTestId('keep-panel').getByRole('slider'), hand.brush);
  await drawWithMouse(page, page.getByTestId('letters-canvas'), hand.strokes);
  await page.getByTestId('letters-preview').waitFor();
}

beforeAll(async () => {
  app = await startWebApp([], { NOTMNIST_MAT: '' });
  browser = await launchBrowser();
  invoke = apiClient(app);
  await invoke('runs:tour-done', { done: true });
  const deadline = Date.now() + 60_000;
  while (!(await invoke('dataset:current'))) {
    if (Date.now() > deadline) throw new Error('the sample letters did not open');
    await new Promise((r) => setTimeout(r, 200));
  }
  context = await browser.newContext({ viewport: VIEW, hasTouch: true });
  page = await context.newPage();
  page.on('pageerror', (err) => errors.push(err.message));
  await openApp(page, app);
  await page.getByRole('tab', { name: 'My handwriting' }).click();
  await page.getByTestId('letters-view').waitFor();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.stop();
});

describe('browser mode: My letters', () => {
  it('starts empty, then keeps letters drawn with the mouse in guided mode, each saved at once', async () => {
    await page.getByTestId('collection-empty').waitFor();
    // Nothing drawn yet: the 28x28 view is empty white paper, as every letter is shown.
    expect(
      await page.evaluate(
        `getComputedStyle(document.querySelector('[data-testid="letters-preview-empty"]')).backgroundColor`,
      ),
    ).toBe('rgb(255, 255, 255)');
    expect((await runAxe(page)).violations).toEqual([]);
    await shot(page, 'empty');
    await page.getByTestId('guide-size').selectOption(String(PER_LETTER));
    await page.getByTestId('guide-start').click();
    const total = PER_LETTER * 10;
    for (let i = 0; i < total; i++) {
      const ask = (await page.getByTestId('guide-ask').textContent()) ?? '';
      const match = /letter ([A-J]) \((\d) of 3\)/.exec(ask);
      if (!match) throw new Error(`guided mode asks "${ask}"`);
      expect(Number(match[2])).toBe((i % PER_LETTER) + 1);
      const label = match[1].charCodeAt(0) - 65;
      expect(label).toBe(Math.floor(i / PER_LETTER));
      await drawLetter(label, i);
      if (i % 3 === 0) {
        // Keyboard: Tab to the button and press Enter.
        await page.getByTestId('guide-keep').focus();
        await page.keyboard.press('Enter');
      } else await page.getByTestId('guide-keep').click();
      await expect
        .poll(() => page.getByTestId('keep-status').textContent())
        .toContain(`Kept as ${match[1]}. Letters in your collection: ${i + 1}.`);
      // On disk before the answer came back.
      expect((await readLettersFile(myLettersFile(), 1000)).length).toBe(i + 1);
      expect(await page.getByTestId('letters-canvas').getAttribute('data-strokes')).toBe('0');
      if (i === 13) await shot(page, 'guided');
    }
    await page.getByTestId('guide-done').waitFor();
    const done = await page
      .getByTestId('guide-grid')
      .locator('li')
      .evaluateAll((items) =>
        items.map((li) => (li as unknown as { dataset: { done: string } }).dataset.done),
      );
    expect(done).toEqual(new Array(10).fill(String(PER_LETTER)));
    const letters = await readLettersFile(myLettersFile(), 1000);
    expect(letters.map((l) => l.label)).toEqual(
      Array.from({ length: total }, (_, i) => Math.floor(i / PER_LETTER)),
    );
    // Bright ink on a black background, like the teacher's file (thin strokes come out grey).
    for (const letter of letters) {
      const corners = [0, 27, 27 * 28, 28 * 28 - 1].map((i) => letter.pixels[i]);
      expect(Math.max(...corners)).toBeLessThan(64);
      expect(Math.max(...letter.pixels)).toBeGreaterThan(160);
    }
    await expect.poll(() => page.getByTestId('kept-letter').count()).toBe(total);
    const top = shotPath('letters-top');
    if (top) await page.screenshot({ path: top });
    expect(errors).toEqual([]);
  });

  it('keeps letters drawn with a finger (by the letter’s key on the keyboard) and a tablet pen', async () => {
    await page.getByTestId('letters-canvas').scrollIntoViewIfNeeded();
    const box = await page.getByTestId('letters-canvas').boundingBox();
    if (!box) throw new Error('the pad is not on screen');
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', fx: number, fy: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints:
          type === 'touchEnd' ? [] : [{ x: box.x + fx * box.width, y: box.y + fy * box.height }],
      });
    await touch('touchStart', 0.5, 0.15);
    for (let k = 1; k <= 10; k++) await touch('touchMove', 0.5, 0.15 + k * 0.07);
    await touch('touchEnd', 0, 0);
    expect(await page.getByTestId('letters-canvas').getAttribute('data-pointer')).toBe('touch');
    await page.getByTestId('letters-preview').waitFor();
    await page.getByTestId('keep-A').focus();
    await page.keyboard.press('i');
    await expect.poll(keptCount).toBe(31);
    const last = (await invoke('letters:mine')).letters.at(-1);
    expect(last?.label).toBe(8);
    // A tablet pen: the same pad, pointer type "pen".
    const pen = (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', fx: number, fy: number) =>
      cdp.send('Input.dispatchMouseEvent', {
        type,
        x: box.x + fx * box.width,
        y: box.y + fy * box.height,
        button: 'left',
        buttons: type === 'mouseReleased' ? 0 : 1,
        clickCount: 1,
        pointerType: 'pen',
        force: 0.6,
      });
    await pen('mousePressed', 0.3, 0.2);
    for (let k = 1; k <= 10; k++) await pen('mouseMoved', 0.3, 0.2 + k * 0.065);
    for (let k = 1; k <= 6; k++) await pen('mouseMoved', 0.3 + k * 0.07, 0.85);
    await pen('mouseReleased', 0.72, 0.85);
    expect(await page.getByTestId('letters-canvas').getAttribute('data-pointer')).toBe('pen');
    await page.getByTestId('letters-preview').waitFor();
    await page.getByTestId('keep-E').click();
    await expect.poll(keptCount).toBe(32);
    const penned = (await invoke('letters:mine')).letters.at(-1);
    expect(penned?.label).toBe(4);
    // The later steps count on the letters before it: it goes again.
    await page.locator(`[data-testid="kept-letter"][data-id="${penned?.id}"]`).click();
    await page.getByTestId('editor-delete').click();
    await expect.poll(keptCount).toBe(31);
  });

  it('relabels and deletes kept letters, in the file too', async () => {
    const first = page.getByTestId('kept-letter').first();
    const id = (await first.getAttribute('data-id')) as string;
    await first.click();
    await page.getByTestId('letter-editor').waitFor();
    await page.getByTestId('editor-label').selectOption('4');
    await page.getByTestId('editor-relabel').click();
    await expect.poll(() => page.locator(`[data-id="${id}"]`).getAttribute('data-label')).toBe('4');
    await shot(page, 'editor');
    await page.getByTestId('editor-delete').click();
    await expect.poll(keptCount).toBe(30);
    const onDisk = await readLettersFile(myLettersFile(), 1000);
    expect(onDisk.some((l) => l.id === id)).toBe(false);
    expect(onDisk).toHaveLength(30);
  });

  it('checks a network on every letter, in words beside the printed letters', async () => {
    await invoke('training:start', { spec: preset('logistic-regression'), seed: 1 });
    await settledTraining();
    await expect
      .poll(() => page.getByTestId('letters-network').textContent(), { timeout: 20_000 })
      .toMatch(/Logistic regression/);
    await page.getByTestId('check-run').click();
    const headline = page.getByTestId('check-headline');
    await headline.waitFor();
    const text = (await headline.textContent()) ?? '';
    const match = /^(\d+)% right on printed letters, (\d+)% on yours\.$/.exec(text.trim());
    expect(match, text).not.toBeNull();
    const direct = await invoke('letters:evaluate', { target: 'mine' });
    expect(Number(match?.[2])).toBe(Math.round(direct.accuracy * 100));
    expect(Number(match?.[1])).toBe(Math.round((direct.fonts?.accuracy ?? -1) * 100));
    expect(await page.getByTestId('check-result').textContent()).toMatch(
      /On the letters held back for the test: \d+% \(\d+ of \d+\)/,
    );
    await page
      .getByTestId('confusion-matrix')
      .locator('[data-truth="0"][data-predicted="0"]')
      .click();
    await expect.poll(() => page.getByTestId('check-cell').count()).toBe(1);
    await shot(page, 'check');
  });

  it('teaches the network with the letters in a new run, with before and after', async () => {
    await page.getByTestId('teach-mode-mixed').check();
    await page.getByTestId('teach-share').selectOption('0.25');
    await page.getByTestId('teach-epochs').fill('1');
    await page.getByTestId('teach-start').click();
    await expect
      .poll(() => page.getByTestId('teach-run').getAttribute('data-status'), { timeout: 240_000 })
      .toBe('finished');
    const result = (await page.getByTestId('teach-result').textContent()) ?? '';
    expect(result).toMatch(/Held back from My letters \(\d+\)\s*\d+%\s*\d+%/);
    expect(result).toMatch(/Printed letters, test part of .+\s*\d+%\s*\d+%/);
    await page.getByTestId('teach-verdict').waitFor();
    // The lab notebook records the run as it ends (its record is also written while it trains).
    const ended = (r: RunEntry) =>
      r.record?.teaching !== undefined && r.record.status === 'finished';
    await expect.poll(async () => (await invoke('runs:list')).some(ended)).toBe(true);
    const taught = (await invoke('runs:list')).find(ended);
    expect(taught?.record?.name).toMatch(/\+ my letters$/);
    expect(taught?.record?.teaching?.after?.heldBack.count).toBeGreaterThan(0);
    await shot(page, 'taught');
    // The network in use is now the taught one, and says so.
    await page.getByTestId('check-run').click();
    await page.getByTestId('check-taught').waitFor();
    // The lab notebook's card says what it learned from and before → after on the held-back letters.
    await page.getByRole('tab', { name: 'Lab notebook' }).click();
    const card = page.getByTestId('run-teaching');
    await card.waitFor();
    const words = ((await card.textContent()) ?? '').replace(/\s+/g, ' ');
    const before = taught?.record?.teaching?.before?.heldBack;
    const after = taught?.record?.teaching?.after?.heldBack;
    expect(words).toContain(`letters of My letters`);
    expect(words).toContain(
      `Held-back letters (${after?.count}): ${Math.round((before?.accuracy ?? -1) * 100)}% → ` +
        `${Math.round((after?.accuracy ?? -1) * 100)}%.`,
    );
    expect(words).toMatch(/Printed letters: \d+% → \d+%\./);
    await card.scrollIntoViewIfNeeded();
    const seen = shotPath('letters-notebook');
    if (seen) await page.screenshot({ path: seen });
    await page.getByRole('tab', { name: 'My handwriting' }).click();
    await page.getByTestId('letters-view').waitFor();
  });

  it('exports the letters with the camper’s name and merges files into a class file', async () => {
    await page.getByTestId('camper-name').fill('Ola');
    await page.getByTestId('export-mine').click();
    await page.getByTestId('export-notice').waitFor();
    const exported = path.join(app.home, 'exports', 'ola-letters.mat');
    expect(await page.getByTestId('export-notice').textContent()).toContain(exported);
    const kuba = path.join(app.home, 'kuba.mat');
    const hand = (await readLettersFile(exported, 1000)).slice(0, 4);
    await writeFile(
      kuba,
      encodeLetters([
        ...hand.map((l) => ({ ...l, camper: 'Kuba' })),
        ...Array.from({ length: 5 }, (_, i) =>
          makeLetter(
            Uint8Array.from({ length: 784 }, (_, p) => (p * (i + 3)) % 256),
            i,
            null,
          ),
        ),
      ]),
    );
    await page.getByTestId('class-files').setInputFiles([exported, kuba]);
    await expect.poll(() => page.getByTestId('merged-files').locator('tbody tr').count()).toBe(2);
    const rows = await page.getByTestId('merged-files').locator('tbody tr').allInnerTexts();
    expect(rows[0].replace(/\s+/g, ' ').trim()).toBe('ola-letters.mat 30 30 0');
    expect(rows[1].replace(/\s+/g, ' ').trim()).toBe('kuba.mat 9 5 4');
    const campers = await page.getByTestId('class-campers').locator('tbody tr').allInnerTexts();
    expect(campers.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(['Ola 30', 'kuba 5']);
    await shot(page, 'class');
    expect((await runAxe(page)).violations).toEqual([]);
    // The teacher hands the class file back: a letters file with every camper's letters and names.
    await page.getByTestId('export-class').click();
    await expect
      .poll(() => page.getByTestId('export-notice').textContent())
      .toContain(path.join(app.home, 'exports', 'class-letters.mat'));
    const back = await readLettersFile(path.join(app.home, 'exports', 'class-letters.mat'), 1000);
    expect(back).toHaveLength(35);
    expect(back.filter((l) => l.camper === 'Ola')).toHaveLength(30);
    // Each camper checks the network on the others' handwriting.
    await page
      .getByTestId('check-panel')
      .getByRole('radio', { name: /Class letters/ })
      .check();
    await page.getByTestId('check-run').click();
    await expect
      .poll(async () => (await page.getByTestId('check-headline').textContent())?.trim())
      .toMatch(/^\d+% right on printed letters, \d+% on the class’s handwriting\.$/);
    expect(await page.getByTestId('check-result').textContent()).toContain('of 35 right');
    // Kuba's five new letters are the others' handwriting; Ola's are this camper's own.
    expect(await page.getByTestId('check-others').textContent()).toMatch(
      /^On the others’ handwriting \(the class letters that are not in your collection\): \d+% \(\d of 5\)\.$/,
    );
    const perCamper = await page.getByTestId('check-campers').locator('tbody tr').allInnerTexts();
    expect(perCamper.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      expect.stringMatching(/^Ola \d+% \(\d+ \/ 30\)$/),
      expect.stringMatching(/^kuba \d+% \(\d \/ 5\)$/),
    ]);
    await shot(page, 'class-check');
    await page
      .getByTestId('check-panel')
      .getByRole('radio', { name: /My letters/ })
      .check();
  });

  it('opens my letters in the Letters tab like any letters file', async () => {
    await page.getByRole('button', { name: 'Open my letters in the Letters tab' }).click();
    await page.getByTestId('dataset-view').waitFor();
    await expect.poll(() => page.getByTestId('dataset-file').textContent()).toBe('my-letters.mat');
    expect(await page.getByTestId('dataset-count').getAttribute('data-count')).toBe(
      String(await keptCount()),
    );
    await shot(page, 'opened');
    // With the drawn letters open there are no printed letters to mix in: teaching says so.
    await page.getByRole('tab', { name: 'My handwriting' }).click();
    await page.getByTestId('teach-start').click();
    await expect
      .poll(() => page.getByTestId('teach-error').textContent())
      .toContain('The Letters tab has my-letters.mat open');
    await page.getByRole('tab', { name: 'Letters' }).click();
    await page.getByTestId('dataset-open-sample').click();
    await expect
      .poll(() => page.getByTestId('dataset-file').textContent())
      .toBe('sample-letters.mat');
    await page.getByRole('tab', { name: 'My handwriting' }).click();
    await page.getByTestId('letters-view').waitFor();
  });

  it('keeps a drawing from the Predict tab', async () => {
    const before = await keptCount();
    await page.getByRole('tab', { name: 'Predict' }).click();
    await page.getByTestId('predict-view').waitFor();
    await drawWithMouse(page, page.getByTestId('draw-canvas'), handwriting(7, 99).strokes);
    await page.getByTestId('draw-preview').waitFor();
    await page.getByTestId('predict-keep-H').click();
    await expect
      .poll(() => page.getByTestId('predict-keep-status').textContent())
      .toContain('Kept as H: your collection has');
    expect(await keptCount()).toBe(before + 1);
    expect(await page.getByTestId('draw-canvas').getAttribute('data-strokes')).toBe('0');
    await shot(page, 'predict-keep');
  });

  it('reads in Polish, fits 1280x720 without sideways scrolling, and passes axe', async () => {
    await page.getByRole('tab', { name: 'My handwriting' }).click();
    await page.getByTestId('letters-view').waitFor();
    expect(await sidewaysOverflow(page)).toBe(0);
    await page.getByTestId('language').selectOption('pl');
    await page.getByRole('tab', { name: 'Moje pismo' }).waitFor();
    await page.getByTestId('check-run').click();
    await expect
      .poll(async () => (await page.getByTestId('check-headline').textContent())?.trim())
      .toMatch(/^\d+% dobrze na literach drukowanych, \d+% na twoich\.$/);
    expect(await page.getByTestId('teach-panel').textContent()).toContain('Naucz ją swojego pisma');
    // Taught in Polish, the new network is named in Polish.
    const previous = (await invoke('training:state')).runId;
    await page.getByTestId('teach-epochs').fill('1');
    await page.getByTestId('teach-start').click();
    await expect
      .poll(
        async () => {
          const state = await invoke('training:state');
          return state.runId !== previous && state.status === 'finished';
        },
        { timeout: 240_000 },
      )
      .toBe(true);
    await expect
      .poll(() => page.getByTestId('teach-result').textContent())
      .toMatch(/Odłożone z: Moje litery \(\d+\)/);
    await expect
      .poll(() => page.getByTestId('letters-network').textContent())
      .toContain('+ moje litery');
    expect((await runAxe(page)).violations).toEqual([]);
    expect(await sidewaysOverflow(page)).toBe(0);
    const top = shotPath('letters-pl-top');
    if (top) await page.screenshot({ path: top });
    await shot(page, 'pl');
    await page.getByTestId('language').selectOption('en');
    expect(errors).toEqual([]);
  });
});
