import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeResult {
  violations: string[];
  passes: string[];
}

/** axe-core's tags for WCAG 2.1 A/AA (the default) and for WCAG 2.0 A/AA only. */
export const WCAG21_AA = ['wcag2a', 'wcag2aa', 'wcag21aa'] as const;
export const WCAG2_AA = ['wcag2a', 'wcag2aa'] as const;

/** Runs axe-core's rules tagged `tags` (WCAG 2.1 A/AA) on `selector` (the whole page by default). */
export async function runAxe(
  page: Page,
  selector = 'body',
  tags: readonly string[] = WCAG21_AA,
): Promise<AxeResult> {
  await page.evaluate(AXE_SOURCE);
  return await page.evaluate<AxeResult>(`(async () => {
    const result = await window.axe.run(${JSON.stringify(selector)}, {
      runOnly: { type: 'tag', values: ${JSON.stringify(tags)} },
    });
    return {
      violations: result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target).join(' ')),
      passes: result.passes.map((p) => p.id),
    };
  })()`);
}

/** How far the page scrolls sideways (0 when it fits). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return await page.evaluate<number>(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
}

/** The two laptop views the camp needs: 1366x768, and the same screen at 200% zoom. */
export const LAPTOP_VIEWS = [
  { name: '1366x768', viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 },
  { name: 'zoom200', viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 },
] as const;
