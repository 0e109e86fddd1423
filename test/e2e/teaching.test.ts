// What the Train tab teaches, in the real renderer (browser mode, Chromium) with real training
// processes on the bundled sample letters and a second real letters file (half of them):
//   - a stop in the middle of an epoch keeps the network of the last full epoch, and every panel
//     (status, charts, Save, Predict, evaluation, lab notebook, elapsed time) says so;
//   - the batch curve is the epoch's running mean: it meets each epoch's point, with no spike at
//     the last batch of 1 letter (2,800 training letters in batches of 9);
//   - a run only ever trains on its own letters: after opening other letters the Train tab offers
//     to open the run's letters again or to start a new run, in English and Polish, at 1366x768
//     and 1280x720;
//   - a preset whose blocks change becomes the camper's own network, and New network starts empty
//     with the notebook's defaults (adam).
// Screenshots go to $LETTER_LAB_SHOTS when it is set.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiClient, pageShots, type ApiInvoke } from './helpers/app-page';
import { runAxe, sidewaysOverflow } from './helpers/axe';
import {
  numberAttr,
  openAppTourDone,
  openTab,
  runStatus,
  setCompile,
  textOf,
} from './helpers/camper';
import { launchBrowser, startWebApp, type WebApp } from './helpers/web-app';
import { sampleSubsetMat } from '../helpers/letters-file';

const RUN_TIMEOUT = 240_000;
/** 2,800 training letters in batches of 9: 312 batches, the last one holds 1 letter. */
const BATCH = 9;
const shot = pageShots('teaching');

/** Seconds in "took 01:07" (Train tab) or "… · 67.3 s." / "1 min 07 s" (run card). */
function clockSeconds(text: string): number {
  const clock = /(\d+):(\d\d)(?::(\d\d))?/.exec(text);
  if (clock) {
    const [h, m, s] = clock[3] ? [clock[1], clock[2], clock[3]] : ['0', clock[1], clock[2]];
    return Number(h) * 3600 + Number(m) * 60 + Number(s);
  }
  const minutes = /(\d+) min (\d\d) s/.exec(text);
  if (minutes) return Number(minutes[1]) * 60 + Number(minutes[2]);
  const seconds = /([\d.,]+) s\b/.exec(text);
  return seconds ? Number(seconds[1].replace(',', '.')) : Number.NaN;
}

describe('browser mode: honest stops, clean curves, runs that keep their letters', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let invoke: ApiInvoke;
  let dir: string;
  let halfFile: string;
  /** Epochs kept by the stop (the last full epoch). */
  let kept = 0;

  beforeAll(async () => {
    app = await startWebApp([], { NOTMNIST_MAT: '' });
    invoke = apiClient(app);
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-teaching-'));
    halfFile = path.join(dir, 'half-letters.mat');
    fs.writeFileSync(halfFile, await sampleSubsetMat(2));
    await openAppTourDone(page, app);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a stop in the middle of an epoch keeps the last full epoch, and every panel says so', async () => {
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await setCompile(page, 3, BATCH);
    const train = page.getByTestId('train-start');
    await expect.poll(() => train.getAttribute('aria-disabled'), { timeout: 60_000 }).toBe('false');
    await train.click();
    // Epoch 1 finished and was autosaved; then pause inside a later epoch and stop there.
    await expect
      .poll(() => numberAttr(page, 'training', 'data-saved-epoch'), { timeout: RUN_TIMEOUT })
      .toBeGreaterThanOrEqual(1);
    await expect
      .poll(() => textOf(page, 'progress-line'), { timeout: RUN_TIMEOUT })
      .toMatch(/^Epoch [23] of 3 · batch ([2-9]|\d\d+) of 312$/);
    await page.getByTestId('train-pause').click();
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('paused');
    await page.getByTestId('train-stop').click();
    await expect.poll(() => runStatus(page), { timeout: RUN_TIMEOUT }).toBe('stopped');

    const state = await invoke('training:state');
    kept = state.history.length;
    expect(state.savedEpoch).toBe(kept);
    expect(state.stoppedAt?.epoch).toBe(kept + 1);
    const { batch } = state.stoppedAt!;
    expect(await textOf(page, 'train-status')).toBe(
      `Stopped during epoch ${kept + 1}, after ${batch} of its 312 batches. Those batches are not kept: you keep the network as it was at the end of epoch ${kept}. Train more starts epoch ${kept + 1} again.`,
    );
    // The charts end with the kept epoch; the progress bar shows the kept share.
    expect(await numberAttr(page, 'chart-loss', 'data-epochs')).toBe(kept);
    expect(await numberAttr(page, 'chart-loss', 'data-points')).toBe(kept * 312);
    expect(await numberAttr(page, 'progress', 'data-fraction')).toBeCloseTo(kept / 3, 5);
    expect(await page.getByTestId('progress-line').count()).toBe(0);
    // Save names the same epoch.
    expect(await page.locator('#models-save-hint').textContent()).toBe(
      `Saves the network as it was after epoch ${kept}.`,
    );
    const took = clockSeconds((await page.getByTestId('progress').textContent()) ?? '');
    const keptSeconds = state.history.reduce((sum, r) => sum + r.seconds, 0);
    expect(Math.abs(took - keptSeconds)).toBeLessThanOrEqual(0.5);
    await shot(page, 'stopped-en-1366');

    // The batch curve meets every kept epoch's point (no spike from the 1-letter last batch).
    for (const metric of ['loss', 'acc']) {
      const joins = (await page.getByTestId(`chart-${metric}`).getAttribute('data-epoch-joins'))!
        .split(' ')
        .map((j) => j.split(':').map(Number));
      expect(joins.map(([e]) => e)).toEqual(Array.from({ length: kept }, (_, i) => i + 1));
      for (const [, epochValue, batchValue] of joins) expect(batchValue).toBe(epochValue);
    }

    // Predict uses the same network: epoch `kept`, with that epoch's test accuracy.
    const valAcc = state.history[kept - 1].valAcc!;
    await openTab(page, 'predict');
    await expect
      .poll(() => page.getByTestId('predict-model').getAttribute('data-state'), {
        timeout: 60_000,
      })
      .toBe('ready');
    const model = await textOf(page, 'predict-model');
    expect(model).toContain(`(epochs trained: ${kept})`);
    expect(model).toContain(`It got ${Math.round(valAcc * 100)}% of the test letters right.`);
    // So does the evaluation: the same epoch, the same accuracy (to the letter).
    await page.getByTestId('evaluation-run').click();
    await expect
      .poll(() => textOf(page, 'evaluation-accuracy'), { timeout: RUN_TIMEOUT })
      .toMatch(/^Accuracy: [\d.]+%$/);
    expect(await textOf(page, 'evaluation-model')).toContain(`epochs trained: ${kept}`);
    const evaluated = Number(/([\d.]+)%/.exec(await textOf(page, 'evaluation-accuracy'))![1]);
    expect(Math.abs(evaluated - valAcc * 100)).toBeLessThanOrEqual(0.1);
    await shot(page, 'stopped-predict');

    // The lab notebook: stopped, where, the kept epochs and their time.
    await openTab(page, 'notebook');
    const card = page.getByTestId('run-card').first();
    await card.waitFor({ timeout: 30_000 });
    expect(await textOf(page, 'run-stopped')).toBe(
      `Stopped during epoch ${kept + 1} (after ${batch} of 312 batches): the network kept is the one from the end of epoch ${kept}.`,
    );
    const facts = await textOf(page, 'run-facts');
    expect(facts).toContain(`epochs: ${kept} ·`);
    expect(Math.abs(clockSeconds(facts) - keptSeconds)).toBeLessThanOrEqual(0.1);
    await shot(page, 'stopped-notebook');
    expect(errors).toEqual([]);
  });

  it('refuses to train more on other letters and offers the run’s letters or a new run', async () => {
    const sample = await invoke('dataset:current');
    await openTab(page, 'data');
    await page.getByTestId('dataset-file-input').setInputFiles(halfFile);
    await expect
      .poll(() => textOf(page, 'dataset-label'), { timeout: 60_000 })
      .toBe('half-letters.mat');
    await openTab(page, 'train');
    const other = page.getByTestId('train-other-letters');
    await other.waitFor();
    expect(await page.getByTestId('train-more').count()).toBe(0);
    expect(await textOf(page, 'train-other-text')).toBe(
      `This run learned from “Sample letters (${sample!.fonts} fonts)” (2,800 training letters), but “half-letters.mat” is open now.`,
    );
    expect(await page.getByTestId('train-reopen').textContent()).toContain(
      'Open the run’s letters again',
    );
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
    const axe = await runAxe(page, '[data-testid="training"]');
    expect(axe.violations).toEqual([]);
    await shot(page, 'other-letters-en-1366');

    // The same in Polish at 1280x720.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByTestId('language').selectOption('pl');
    await expect
      .poll(() => textOf(page, 'train-other-text'))
      .toBe(
        `Ten trening uczył się na „Przykładowe litery (z ${sample!.fonts} czcionek)” (litery do nauki: 2800), a teraz otwarte jest „half-letters.mat”.`,
      );
    expect(await textOf(page, 'train-reopen')).toBe('Otwórz z powrotem litery tego treningu');
    await shot(page, 'other-letters-pl-1280');
    const overflow = await sidewaysOverflow(page);
    const violations = (await runAxe(page, '[data-testid="training"]')).violations;
    await page.getByTestId('language').selectOption('en');
    expect(overflow).toBeLessThanOrEqual(0);
    expect(violations).toEqual([]);

    // The API says no too, with its own code.
    await expect(invoke('training:more', { epochs: 1 })).rejects.toThrow(/training\.other-letters/);

    // Open the run's letters again: "Keep training" is back, on the sample letters.
    await page.getByTestId('train-reopen').click();
    await page.getByTestId('train-more').waitFor({ timeout: 60_000 });
    expect(await other.count()).toBe(0);
    expect((await invoke('dataset:current'))?.fingerprint).toBe(sample!.fingerprint);
    await shot(page, 'reopened-en-1280');
    await page.getByTestId('train-more-epochs').fill('1');
    await page.getByTestId('train-more-button').click();
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toMatch(/starting|running/);
    await expect.poll(() => runStatus(page), { timeout: RUN_TIMEOUT }).toBe('finished');
    expect(await numberAttr(page, 'chart-loss', 'data-epochs')).toBe(kept + 1);
    const run = await invoke('training:state');
    expect(run.dataset?.fingerprint).toBe(sample!.fingerprint);
  });

  it('starts a new run on the other letters when asked, and the notebook names each run’s letters', async () => {
    await setCompile(page, 1, 128);
    const before = (await invoke('training:state')).runId;
    await openTab(page, 'data');
    await page.getByTestId('dataset-file-input').setInputFiles(halfFile);
    await expect
      .poll(() => textOf(page, 'dataset-label'), { timeout: 60_000 })
      .toBe('half-letters.mat');
    await openTab(page, 'train');
    await page.getByTestId('train-new-run').click();
    await expect
      .poll(async () => (await invoke('training:state')).runId, { timeout: 30_000 })
      .not.toBe(before);
    // The host's state first: the page may still show the previous run's "finished" for a moment.
    await expect
      .poll(async () => (await invoke('training:state')).status, { timeout: RUN_TIMEOUT })
      .toBe('finished');
    const run = await invoke('training:state');
    expect(run.runId).not.toBe(before);
    expect(run.dataset).toMatchObject({ label: 'half-letters.mat', train: 1400, test: 350 });
    await expect.poll(() => runStatus(page), { timeout: 30_000 }).toBe('finished');
    await expect.poll(() => page.getByTestId('train-more').count(), { timeout: 30_000 }).toBe(1);

    await openTab(page, 'notebook');
    await expect.poll(() => page.getByTestId('run-card').count()).toBe(2);
    const letters = await page.getByTestId('run-letters').allTextContents();
    expect(letters.map((l) => l.replace(/\s+/g, ' ').trim())).toEqual([
      'Letters: half-letters.mat · 1,400 for training, 350 for testing.',
      expect.stringMatching(/^Letters: .+ · 2,800 for training, 700 for testing\.$/),
    ]);
    expect(await page.getByTestId('run-letters').first().getAttribute('title')).toMatch(
      /^SHA-256 of the letters file: [0-9a-f]{64}$/,
    );
    await shot(page, 'notebook-letters');
  });

  it('a changed preset is a new network with its own name; New network starts empty with adam', async () => {
    const builder = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openAppTourDone(builder, app);
    await openTab(builder, 'build');
    const name = builder.locator('#model-name');
    const blocks = builder.locator('[data-block-index]');
    await builder.getByTestId('preset-select').selectOption('logistic-regression');
    await builder.getByTestId('preset-load').click();
    await expect.poll(() => name.inputValue()).toBe('Logistic regression');
    expect(await textOf(builder, 'preset-description')).toContain('single Dense layer');
    expect(await builder.getByTestId('compile-optimizer').inputValue()).toBe('sgd');

    // Take its block out: it is no longer the notebook's logistic regression.
    while ((await blocks.count()) > 0) await builder.locator('#block-head-0').press('Delete');
    await expect.poll(() => name.inputValue()).toBe('Logistic regression (changed)');
    expect(await textOf(builder, 'preset-description')).toBe(
      '“Logistic regression (changed)” is your own network: it is not one of the notebook’s models any more. Pick one above to load it instead.',
    );
    expect(await builder.getByTestId('preset-select').inputValue()).toBe('');
    await shot(builder, 'changed-preset-en-1280');

    // New network: empty, "My network", the notebook's defaults.
    await builder.getByTestId('new-network').click();
    await expect.poll(() => name.inputValue()).toBe('My network');
    expect(await blocks.count()).toBe(0);
    expect(await builder.getByTestId('compile-optimizer').inputValue()).toBe('adam');
    expect(await builder.getByTestId('compile-epochs').inputValue()).toBe('10');
    expect(await builder.getByTestId('compile-batchSize').inputValue()).toBe('128');
    for (const type of ['conv2d', 'maxPool2d', 'flatten']) {
      await builder.getByTestId(`palette-${type}`).click();
    }
    await expect.poll(() => blocks.count()).toBe(3);
    expect(await name.inputValue()).toBe('My network');
    await openTab(builder, 'train');
    // (An earlier run of this page's host may still be shown below it: "Shown below: …".)
    expect(await textOf(builder, 'train-next')).toMatch(
      /^Next run: “My network” from the Build tab · epochs: 10, batch size: 128, optimizer: adam\.( Shown below: “[^”]+”\.)?$/,
    );
    await shot(builder, 'new-network-train-en-1280');

    // In Polish, at 1366x768: the changed preset and the new network get Polish names.
    await builder.setViewportSize({ width: 1366, height: 768 });
    await builder.getByTestId('language').selectOption('pl');
    await openTab(builder, 'build');
    await builder.getByTestId('preset-select').selectOption('mlp');
    await builder.getByTestId('preset-load').click();
    await expect.poll(() => name.inputValue()).toBe('Perceptron wielowarstwowy (MLP)');
    await builder.getByTestId('palette-dropout').click();
    await expect
      .poll(() => name.inputValue())
      .toBe('Perceptron wielowarstwowy (MLP) (moja wersja)');
    await shot(builder, 'changed-preset-pl-1366');
    await builder.getByTestId('new-network').click();
    await expect.poll(() => name.inputValue()).toBe('Moja sieć');
    expect((await runAxe(builder, '[data-testid="builder"]')).violations).toEqual([]);
    await builder.getByTestId('language').selectOption('en');
    await builder.close();
  });
});
