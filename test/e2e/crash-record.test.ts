// A host crash during training loses nothing: the real browser-mode host is killed with SIGKILL
// while it trains, and the next start shows the run as "interrupted" in the lab notebook with its
// epochs, curves and model, which the camper can keep in the saved networks and predict with.
// Export temp folders the killed host left behind are cleaned up at that start.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { ModelSpec } from '../../src-main/contract/spec';
import { PRESETS } from '../../src-main/core/spec';
import { apiClient, openApp, pageShots } from './helpers/app-page';
import { launchBrowser, startWebApp, type WebApp } from './helpers/web-app';

const shot = pageShots('crash-record');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('a host killed while it trains', () => {
  let crashed: WebApp;
  let restarted: WebApp | null = null;
  let browser: Browser;
  let home: string;

  beforeAll(async () => {
    crashed = await startWebApp();
    home = crashed.home;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    if (alive(crashed.pid)) process.kill(crashed.pid, 'SIGKILL');
    await restarted?.stop();
    fs.rmSync(home, { recursive: true, force: true });
  });

  it('shows the run as interrupted on the next start, with its epochs, curves and model', async () => {
    const api = apiClient(crashed);
    await api('dataset:current');
    const mlp = PRESETS.find((p) => p.id === 'mlp')?.spec as ModelSpec;
    const spec = { ...mlp, compile: { ...mlp.compile, epochs: 200, batchSize: 32 } };
    const started = await api('training:start', { spec });
    const runId = started.runId as string;
    const runJson = path.join(home, 'runs', runId, 'run.json');
    // The record is there from the start, and follows every epoch.
    await expect.poll(() => fs.existsSync(runJson), { timeout: 60_000 }).toBe(true);
    await expect
      .poll(
        () =>
          (JSON.parse(fs.readFileSync(runJson, 'utf8')) as { history: unknown[] }).history.length,
        { timeout: 120_000 },
      )
      .toBeGreaterThanOrEqual(2);
    // An export the host was writing when it died leaves its temp folder (the app's own naming).
    const stale = path.join(home, 'exports', `.tmp-my-net-${crashed.pid}-0123abcd`);
    fs.mkdirSync(stale, { recursive: true });
    fs.writeFileSync(path.join(stale, 'weights.bin'), Buffer.alloc(1024));

    process.kill(crashed.pid, 'SIGKILL');
    await expect.poll(() => alive(crashed.pid), { timeout: 10_000 }).toBe(false);
    const onDisk = JSON.parse(fs.readFileSync(runJson, 'utf8')) as {
      status: string;
      history: unknown[];
    };
    expect(onDisk.status).toBe('running');

    restarted = await startWebApp([], {}, home);
    const again = apiClient(restarted);
    const [entry] = await again('runs:list');
    expect(entry.id).toBe(runId);
    expect(entry.record?.status).toBe('interrupted');
    expect(entry.record?.history.length).toBeGreaterThanOrEqual(onDisk.history.length);
    expect(entry.record?.history[0]).toMatchObject({ epoch: 1 });
    expect(entry.record?.savedEpoch).toBeGreaterThanOrEqual(1);
    expect(entry.modelDir).toBe(path.join(home, 'runs', runId, 'model'));
    // The stale export folder of the dead host is gone.
    expect(fs.existsSync(stale)).toBe(false);

    // In the app: the notebook shows it, and its network can be kept and used.
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openApp(page, restarted);
    await page.getByRole('tab', { name: 'Lab notebook' }).click();
    const card = page.locator(`[data-testid="run-card"][data-run-id="${runId}"]`);
    await expect.poll(() => card.getAttribute('data-status')).toBe('interrupted');
    expect(await card.getByTestId('run-interrupted').textContent()).toMatch(
      /Letter Lab was closed while this run was training/,
    );
    await card.getByTestId('run-keep-model').click();
    await expect
      .poll(() => card.getByTestId('run-model-kept').textContent())
      .toMatch(/Saved as “Multilayer perceptron/);
    await shot(page, 'interrupted');
    const models = await again('models:list');
    expect(models).toHaveLength(1);
    await again('models:load', { id: models[0].id });
    const answer = await again('predict:pixels', {
      pixels: Array.from({ length: 28 * 28 }, (_, i) => (i % 28 > 10 && i % 28 < 16 ? 255 : 0)),
    });
    expect(answer.probabilities).toHaveLength(10);
    await page.close();
  });
});
