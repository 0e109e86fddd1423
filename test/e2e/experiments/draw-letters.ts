// Draws letters A..J with the mouse on the My handwriting tab's pad in Chromium (browser mode, as
// the E2E tests do), keeps each one with its "Keep as" button, and copies the letters file the app
// saved. Not a test: it makes the hand-drawn set for the numbers in the README (see there).
//
//   npm run build
//   npx tsx test/e2e/experiments/draw-letters.ts OUT.mat [PER_LETTER=30] [FIRST_SEED=1000] [LOWERCASE=0.5]
//
// LOWERCASE is the chance a letter is written small (a, b, d, e, g… as many children write them).
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { openApp } from '../helpers/app-page';
import { drawWithMouse, handwriting, setBrush } from '../helpers/handwriting';
import { launchBrowser, startWebApp } from '../helpers/web-app';

async function main(): Promise<void> {
  const [out, perLetterText = '30', firstSeedText = '1000', lowerText = '0.5'] =
    process.argv.slice(2);
  if (!out) throw new Error('usage: draw-letters.ts OUT.mat [PER_LETTER] [FIRST_SEED]');
  const perLetter = Number(perLetterText);
  const firstSeed = Number(firstSeedText);
  const app = await startWebApp([], { NOTMNIST_MAT: '' });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await openApp(page, app);
    await page.getByRole('tab', { name: 'My handwriting' }).click();
    await page.getByTestId('letters-view').waitFor();
    const slider = page.getByTestId('keep-panel').getByRole('slider');
    const pad = page.getByTestId('letters-canvas');
    const saved = path.join(app.home, 'my-letters', 'my-letters.mat');
    let kept = 0;
    for (let round = 0; round < perLetter; round++) {
      for (let label = 0; label < 10; label++) {
        const hand = handwriting(label, firstSeed + round, 1, Number(lowerText));
        await setBrush(slider, hand.brush);
        await drawWithMouse(page, pad, hand.strokes);
        await page.getByTestId('letters-preview').waitFor();
        const letter = String.fromCharCode(65 + label);
        await page.getByTestId(`keep-${letter}`).click();
        kept++;
        await page
          .getByTestId('keep-status')
          .filter({ hasText: `Letters in your collection: ${kept}.` })
          .waitFor();
      }
      // After every round, so a long run that is cut short keeps what it drew.
      await copyFile(saved, path.resolve(out));
      process.stderr.write(`${kept} letters drawn and kept, copied to ${path.resolve(out)}\n`);
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
