// The same hand-drawn letters as draw-letters.ts, drawn without a browser: strokes of round black
// ink on a white canvas of the drawing pad's size (as src-renderer/features/predict/strokes.ts
// draws them; that file is typed for the DOM, so it is not imported here), then the pad's
// preprocessing. For a second set in seconds (another "camper"); draw-letters.ts is the one that
// goes through Chromium and the mouse.
//
//   npx tsx test/e2e/experiments/render-letters.ts OUT.mat [PER_LETTER=20] [FIRST_SEED=7000] [LOWERCASE=0.5]
import { writeFile } from 'node:fs/promises';
import { createCanvas } from '@napi-rs/canvas';
import { encodeLetters, makeLetter, type StoredLetter } from '../../../src-main/core/letters';
import { preprocessRGBA, toGreyLevels } from '../../../src-main/core/preprocess';
import { handwriting } from '../helpers/handwriting';

/** The drawing pad's canvas size in pixels (PAD_SIZE in strokes.ts). */
const PAD_SIZE = 336;

type Context = ReturnType<ReturnType<typeof createCanvas>['getContext']>;

/** White paper, then each stroke: a dot where it starts and a round-capped line through its points. */
function drawPad(context: Context, strokes: [number, number][][], width: number): void {
  context.fillStyle = '#fff';
  context.fillRect(0, 0, PAD_SIZE, PAD_SIZE);
  context.strokeStyle = '#000';
  context.fillStyle = '#000';
  context.lineWidth = width;
  context.lineCap = 'round';
  context.lineJoin = 'round';
  for (const [first, ...rest] of strokes) {
    context.beginPath();
    context.arc(first[0], first[1], width / 2, 0, 2 * Math.PI);
    context.fill();
    if (rest.length === 0) continue;
    context.beginPath();
    context.moveTo(first[0], first[1]);
    for (const [x, y] of rest) context.lineTo(x, y);
    context.stroke();
  }
}

async function main(): Promise<void> {
  const [out, perLetter = '20', firstSeed = '7000', lowercase = '0.5'] = process.argv.slice(2);
  if (!out)
    throw new Error('usage: render-letters.ts OUT.mat [PER_LETTER] [FIRST_SEED] [LOWERCASE]');
  const canvas = createCanvas(PAD_SIZE, PAD_SIZE);
  const context = canvas.getContext('2d');
  const letters: StoredLetter[] = [];
  const seen = new Set<string>();
  for (let round = 0; round < Number(perLetter); round++) {
    for (let label = 0; label < 10; label++) {
      const hand = handwriting(label, Number(firstSeed) + round, 1, Number(lowercase));
      const strokes = hand.strokes.map((points) =>
        points.map(([x, y]) => [x * PAD_SIZE, y * PAD_SIZE] as [number, number]),
      );
      drawPad(context, strokes, hand.brush);
      const image = context.getImageData(0, 0, PAD_SIZE, PAD_SIZE);
      const prepared = preprocessRGBA(image.data, PAD_SIZE, PAD_SIZE);
      if (!prepared.ok) continue;
      const letter = makeLetter(Uint8Array.from(toGreyLevels(prepared.pixels)), label, null);
      if (seen.has(letter.id)) continue;
      seen.add(letter.id);
      letters.push(letter);
    }
  }
  await writeFile(out, encodeLetters(letters));
  process.stderr.write(`${letters.length} letters written to ${out}\n`);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
