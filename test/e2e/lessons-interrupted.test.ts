// A lesson step whose training was cut off (the browser-mode host killed with SIGKILL while step 2
// trains, as a laptop that loses power would) is not lost: on the next start the lesson still
// knows the step's run, shows the epochs it finished, says in the camper's language why it is not
// done, and offers to train it again. Screenshots go to $LETTER_LAB_SHOTS when it is set.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { lessonStep, stepSpec } from '../../src-main/core/lessons';
import { apiClient, openApp, shotPath } from './helpers/app-page';
import { runAxe } from './helpers/axe';
import { launchBrowser, startWebApp, type WebApp } from './helpers/web-app';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a lesson step cut off while it trains', () => {
  let crashed: WebApp;
  let restarted: WebApp | null = null;
  let browser: Browser;
  let home: string;

  beforeAll(async () => {
    crashed = await startWebApp([], { NOTMNIST_MAT: '' });
    home = crashed.home;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (alive(crashed.pid)) process.kill(crashed.pid, 'SIGKILL');
    await restarted?.stop();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('keeps the step’s run and says why it is not done, in Polish', async () => {
    const api = apiClient(crashed);
    await api('dataset:current');
    await api('settings:update', { language: 'pl', tourDone: true });
    // Step 2, built by the camper (their own name for it), for the notebook's 20 epochs.
    const spec = stepSpec(lessonStep('mlp')!, 20, 'Moja sieć');
    const started = await api('lessons:train', { step: 'mlp', spec, origin: 'built' });
    const runJson = path.join(home, 'runs', started.runId as string, 'run.json');
    await expect.poll(() => fs.existsSync(runJson), { timeout: 60_000 }).toBe(true);
    await expect
      .poll(
        () =>
          (JSON.parse(fs.readFileSync(runJson, 'utf8')) as { history: unknown[] }).history.length,
        { timeout: 120_000 },
      )
      .toBeGreaterThanOrEqual(1);
    process.kill(crashed.pid, 'SIGKILL');
    await expect.poll(() => alive(crashed.pid), { timeout: 10_000 }).toBe(false);

    restarted = await startWebApp([], { NOTMNIST_MAT: '' }, home);
    const view = await apiClient(restarted)('lessons:state');
    const mlp = view.steps.find((s) => s.id === 'mlp');
    expect(mlp?.run).toMatchObject({
      runId: started.runId,
      status: 'interrupted',
      origin: 'built',
    });
    expect(mlp?.done).toBe(false);
    expect(mlp?.run?.epochs).toBeGreaterThanOrEqual(1);

    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openApp(page, restarted);
    await page.getByRole('tab', { name: 'Lekcje' }).click();
    await page.locator('[data-testid="lesson-step"][data-step="mlp"]').click();
    await page.locator('[data-testid="lesson-card"][data-step="mlp"]').waitFor();
    expect(
      await page.locator('[data-testid="lesson-step"][data-step="mlp"]').getAttribute('data-state'),
    ).toBe('todo');
    expect(await page.getByTestId('lesson-unfinished').textContent()).toMatch(
      /^\s*Trening się nie skończył \(\d+ z 20 epok\): aplikację zamknięto w trakcie treningu\. Wytrenuj sieć jeszcze raz\.\s*$/,
    );
    expect(await page.getByTestId('lesson-train-start').textContent()).toContain(
      'Trenuj krok 2 jeszcze raz',
    );
    expect(await page.getByTestId('ladder').getAttribute('data-points')).toBe('0');
    expect((await runAxe(page, '[data-testid="lessons"]')).violations).toEqual([]);
    await page.getByTestId('lesson-unfinished').scrollIntoViewIfNeeded();
    const file = shotPath('lessons-interrupted-pl');
    if (file) await page.screenshot({ path: file });
    await page.close();
  });
});
