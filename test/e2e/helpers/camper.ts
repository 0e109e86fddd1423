// What a camper does in most end-to-end tests: open the app with the guided first run already
// done, switch tabs, set the builder's epochs and batch size.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { apiClient, openApp } from './app-page';
import type { WebApp } from './web-app';

export type SectionId = 'lessons' | 'data' | 'build' | 'train' | 'predict' | 'mine' | 'notebook';

const VIEW_OF: Record<SectionId, string> = {
  lessons: 'lessons',
  data: 'dataset-view',
  build: 'builder',
  train: 'training',
  predict: 'predict-view',
  mine: 'letters-view',
  notebook: 'notebook',
};

/** Opens the app as a camper who has done the guided first run (it does not open by itself). */
export async function openAppTourDone(page: Page, app: WebApp): Promise<void> {
  await apiClient(app)('runs:tour-done', { done: true });
  await openApp(page, app);
}

/** Clicks a section's tab (in any language) and waits for its view. */
export async function openTab(page: Page, section: SectionId): Promise<void> {
  await page.locator(`#tab-${section}`).click();
  await page.getByTestId(VIEW_OF[section]).waitFor();
}

/** Sets the builder's epochs and batch size in the Build tab, then opens the Train tab. */
export async function setCompile(page: Page, epochs: number, batchSize: number): Promise<void> {
  await openTab(page, 'build');
  for (const [testid, value] of [
    ['compile-epochs', epochs],
    ['compile-batchSize', batchSize],
  ] as const) {
    const field = page.getByTestId(testid);
    await field.fill(String(value));
    await field.press('Tab');
    await expect.poll(() => field.inputValue()).toBe(String(value));
  }
  await openTab(page, 'train');
}

/** The Train tab's run status (idle, running, stopped...). */
export function runStatus(page: Page): Promise<string | null> {
  return page.getByTestId('train-status').getAttribute('data-status');
}

/** The trimmed text of the element with `testid`. */
export async function textOf(page: Page, testid: string): Promise<string> {
  return ((await page.getByTestId(testid).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** A number data attribute of the element with `testid`. */
export async function numberAttr(page: Page, testid: string, name: string): Promise<number> {
  return Number(await page.getByTestId(testid).getAttribute(name));
}
