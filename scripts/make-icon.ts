// npx tsx scripts/make-icon.ts
// Draws Letter Lab's app icon: a bold white "A" on a blue tile with one amber "pixel", in Noto Sans
// Black from @fontsource/noto-sans. Writes resources/icon.png (1024 px, for Windows and macOS) and
// resources/icons/<size>x<size>.png (the Linux icon set). Same bytes every run.

import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GlobalFonts, createCanvas } from '@napi-rs/canvas';
import type { SKRSContext2D } from '@napi-rs/canvas';
import { LetterLabError } from '../src-main/core/errors';

const RESOURCES = resolve(dirname(fileURLToPath(import.meta.url)), '../resources');
const FONT_FILE = '@fontsource/noto-sans/files/noto-sans-latin-900-normal.woff2';
const FONT_ALIAS = 'LetterLab Icon Noto Sans Black';
const FALLBACK_FAMILY = 'LetterLab no such font';
const LETTER = 'A';
const MASTER_SIZE = 1024;
const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

// Proportions of the icon edge.
const MARGIN = 0.0625;
const CORNER = 0.19;
const LETTER_HEIGHT = 0.5;
const PIXEL = 0.085;
const PIXEL_INSET = 0.17;
const COLORS = { top: '#4263eb', bottom: '#1c2f8a', letter: '#ffffff', pixel: '#fab005' };

/** Registers the icon font and proves it is really used (@napi-rs/canvas silently falls back). */
function registerIconFont(): void {
  const file = createRequire(import.meta.url).resolve(FONT_FILE);
  const key = GlobalFonts.registerFromPath(file, FONT_ALIAS);
  if (key === null || !GlobalFonts.has(FONT_ALIAS)) {
    throw new LetterLabError(
      'icon.font-unregistered',
      `@napi-rs/canvas could not register ${file}. Reinstall @fontsource/noto-sans (npm ci), then run scripts/make-icon.ts again.`,
    );
  }
  const probe = (family: string): string => {
    const canvas = createCanvas(128, 128);
    const ctx = canvas.getContext('2d');
    ctx.font = `900 96px "${family}"`;
    ctx.fillText(LETTER, 16, 110);
    return Buffer.from(ctx.getImageData(0, 0, 128, 128).data).toString('base64');
  };
  if (probe(FONT_ALIAS) === probe(FALLBACK_FAMILY)) {
    throw new LetterLabError(
      'icon.font-unregistered',
      `${file} registered as "${FONT_ALIAS}" but draws "${LETTER}" exactly like the fallback font: the font is not really used.`,
    );
  }
}

function roundedRect(ctx: SKRSContext2D, x: number, y: number, side: number, radius: number): void {
  ctx.beginPath();
  ctx.moveTo(x + radius, y);
  ctx.arcTo(x + side, y, x + side, y + side, radius);
  ctx.arcTo(x + side, y + side, x, y + side, radius);
  ctx.arcTo(x, y + side, x, y, radius);
  ctx.arcTo(x, y, x + side, y, radius);
  ctx.closePath();
}

/** One square icon of `size` pixels as PNG bytes. Call registerIconFont() first. */
function drawIcon(size: number): Buffer {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  const margin = Math.round(size * MARGIN);
  const side = size - 2 * margin;

  const gradient = ctx.createLinearGradient(0, margin, 0, margin + side);
  gradient.addColorStop(0, COLORS.top);
  gradient.addColorStop(1, COLORS.bottom);
  ctx.fillStyle = gradient;
  roundedRect(ctx, margin, margin, side, side * CORNER);
  ctx.fill();

  // Size the letter by its measured ink so it is centred on the tile whatever the font metrics.
  ctx.font = `900 ${size}px "${FONT_ALIAS}"`;
  const probe = ctx.measureText(LETTER);
  const inkHeight = probe.actualBoundingBoxAscent + probe.actualBoundingBoxDescent;
  const fontPx = (size * (size * LETTER_HEIGHT)) / inkHeight;
  ctx.font = `900 ${fontPx}px "${FONT_ALIAS}"`;
  const m = ctx.measureText(LETTER);
  const inkWidth = m.actualBoundingBoxLeft + m.actualBoundingBoxRight;
  const x = (size - inkWidth) / 2 + m.actualBoundingBoxLeft;
  const y = (size + m.actualBoundingBoxAscent - m.actualBoundingBoxDescent) / 2;
  ctx.fillStyle = COLORS.letter;
  ctx.fillText(LETTER, x, y);

  // One bright 28x28-style pixel in the corner: the letters the app learns are pixel images.
  const pixel = Math.max(1, Math.round(size * PIXEL));
  const inset = Math.round(size * PIXEL_INSET);
  ctx.fillStyle = COLORS.pixel;
  ctx.fillRect(size - inset - pixel, inset, pixel, pixel);

  return canvas.toBuffer('image/png');
}

function main(): void {
  registerIconFont();
  const master = join(RESOURCES, 'icon.png');
  writeFileSync(master, drawIcon(MASTER_SIZE));
  console.log(`wrote ${master}`);
  const setDir = join(RESOURCES, 'icons');
  mkdirSync(setDir, { recursive: true });
  for (const size of LINUX_SIZES) {
    const file = join(setDir, `${size}x${size}.png`);
    writeFileSync(file, drawIcon(size));
    console.log(`wrote ${file}`);
  }
}

try {
  main();
} catch (err) {
  console.error(err instanceof LetterLabError ? `make-icon: ${err.message}` : err);
  process.exitCode = 1;
}
