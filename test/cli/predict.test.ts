// `letter-lab predict` on PNG pictures rendered here (a sample letter, enlarged, as dark ink on
// light paper and as light ink on a dark background), checked against the same preprocessing and
// network run in this process; and its refusals of bad input (exit 2, one line, no stack trace).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { predictImages } from '../../src-main/core/activations';
import { initBackend } from '../../src-main/core/backend';
import { loadDataset } from '../../src-main/core/dataset/load';
import type { SplitImageSet } from '../../src-main/core/dataset/types';
import { buildModel, compileModel, loadModel, saveModel } from '../../src-main/core/model';
import { preprocessRGBA, toGreyLevels } from '../../src-main/core/preprocess';
import { PRESETS } from '../../src-main/core/spec';
import { train } from '../../src-main/core/training';
import { bigLetterPng } from '../helpers/hostile-files';
import { ROOT, cliInProcess, expectRefused } from '../helpers/cli';

const SAMPLE = path.join(ROOT, 'resources/sample/sample-letters.mat');
const LETTERS = 'ABCDEFGHIJ';

let home: string;
let set: SplitImageSet;
let modelDir: string;
const file = (name: string) => path.join(home, name);

/**
 * Letter `index` of the sample set painted 6x larger, off-centre, on a 260x220 PNG: light ink
 * on black (as notMNIST stores it) or dark ink on white paper.
 */
async function letterPng(index: number, dark: boolean, name: string): Promise<string> {
  const small = createCanvas(28, 28);
  const pixels = small.getContext('2d').createImageData(28, 28);
  for (let p = 0; p < 784; p++) {
    const ink = Math.round(set.images[index * 784 + p] * 255);
    const level = dark ? 255 - ink : ink;
    pixels.data.set([level, level, level, 255], p * 4);
  }
  small.getContext('2d').putImageData(pixels, 0, 0);
  const canvas = createCanvas(260, 220);
  const context = canvas.getContext('2d');
  context.fillStyle = dark ? '#fff' : '#000';
  context.fillRect(0, 0, 260, 220);
  context.imageSmoothingEnabled = true;
  context.drawImage(small, 30, 20, 168, 168);
  const target = file(name);
  fs.writeFileSync(target, canvas.toBuffer('image/png'));
  return target;
}

/** What the CLI must answer for `png`, worked out here with the same preprocessing and weights. */
async function expected(png: string): Promise<number[]> {
  const image = await loadImage(fs.readFileSync(png));
  const canvas = createCanvas(image.width, image.height);
  canvas.getContext('2d').drawImage(image, 0, 0);
  const { data } = canvas.getContext('2d').getImageData(0, 0, image.width, image.height);
  const outcome = preprocessRGBA(data, image.width, image.height);
  if (!outcome.ok) throw new Error(outcome.reason);
  const { model } = await loadModel(modelDir);
  try {
    const levels = toGreyLevels(outcome.pixels);
    return predictImages(
      model,
      Float32Array.from(levels, (v) => v / 255),
      1,
    )[0].probabilities;
  } finally {
    model.dispose();
  }
}

beforeAll(async () => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-cli-predict-'));
  await initBackend('wasm');
  ({ set } = await loadDataset(SAMPLE));
  const spec = structuredClone(PRESETS.find((p) => p.id === 'logistic-regression')?.spec);
  if (!spec) throw new Error('no logistic regression preset');
  spec.compile.epochs = 2;
  const model = buildModel(spec, { seed: 3 });
  compileModel(model, spec.compile);
  const result = await train(set, model, { epochs: 2, batchSize: 64, seed: 3 });
  modelDir = file('model');
  await saveModel(modelDir, model, {
    version: 1,
    name: 'cli predict test',
    spec,
    compile: spec.compile,
    history: result.history,
    dataset: null,
    accuracy: result.valAcc,
    backend: 'wasm',
    savedAt: new Date().toISOString(),
  });
  model.dispose();
});

afterAll(() => {
  fs.rmSync(home, { recursive: true, force: true });
});

describe('letter-lab predict', () => {
  it('reads the same letter from light-on-dark and dark-on-light pictures, as preprocessed here', async () => {
    const index = set.test[0];
    const light = await letterPng(index, false, 'light.png');
    const dark = await letterPng(index, true, 'dark.png');
    const answers: { letter: string; probabilities: number[] }[] = [];
    for (const png of [light, dark]) {
      const done = await cliInProcess('predict', '--model', modelDir, '--image', png, '--json');
      expect(done.stderr).toBe('');
      expect(done.status).toBe(0);
      answers.push(JSON.parse(done.stdout) as { letter: string; probabilities: number[] });
    }
    for (const answer of answers) {
      expect(Object.keys(answer)).toEqual(['letter', 'probabilities']);
      expect(answer.probabilities).toHaveLength(10);
      expect(answer.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      const best = answer.probabilities.indexOf(Math.max(...answer.probabilities));
      expect(answer.letter).toBe(LETTERS[best]);
    }
    expect(answers[1].letter).toBe(answers[0].letter);
    answers[1].probabilities.forEach((p, k) =>
      expect(p).toBeCloseTo(answers[0].probabilities[k], 2),
    );
    const here = await expected(light);
    answers[0].probabilities.forEach((p, k) => expect(p).toBeCloseTo(here[k], 5));
  });

  it('mostly reads enlarged test letters as the letter they are', async () => {
    const picked = Array.from(set.test.slice(0, 20));
    let right = 0;
    for (const [k, index] of picked.entries()) {
      const png = await letterPng(index, k % 2 === 1, `letter-${k}.png`);
      const done = await cliInProcess('predict', '--model', modelDir, '--image', png, '--json');
      expect(done.status).toBe(0);
      if ((JSON.parse(done.stdout) as { letter: string }).letter === LETTERS[set.labels[index]])
        right++;
    }
    console.log(`letter-lab predict read ${right} of 20 enlarged test letters right`);
    // Logistic regression after 2 epochs on the sample letters; chance would be 2 of 20.
    expect(right).toBeGreaterThanOrEqual(10);
  });

  it('prints a readable answer without --json', async () => {
    const png = await letterPng(set.test[1], true, 'text.png');
    const done = await cliInProcess('predict', '--model', modelDir, '--image', png);
    expect(done.status).toBe(0);
    const lines = done.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^letter {2}[A-J] \(\d+\.\d%\)$/);
    expect(lines[1]).toBe('read as dark ink on a light background');
    expect(lines.slice(2)).toHaveLength(10);
  });

  it('reads an 8192x8192 picture, scaled down in steps before its pixels are read', async () => {
    const png = file('photo.png');
    fs.writeFileSync(png, await bigLetterPng(8192));
    const done = await cliInProcess('predict', '--model', modelDir, '--image', png, '--json');
    expect(done.stderr).toBe('');
    expect(done.status).toBe(0);
    const answer = JSON.parse(done.stdout) as { letter: string; probabilities: number[] };
    expect(answer.probabilities).toHaveLength(10);
    expect(LETTERS).toContain(answer.letter);
  });

  it.each([
    [
      'no --model',
      () => ['predict', '--image', file('light.png')],
      /^error: Give both --model and --image\. Usage: letter-lab predict/,
    ],
    [
      'a missing picture',
      () => ['predict', '--model', modelDir, '--image', file('nope.png')],
      /^error: There is no file at .*nope\.png/,
    ],
    [
      'a folder as picture',
      () => ['predict', '--model', modelDir, '--image', home],
      /^error: .* cannot be read \(it is a folder\)/,
    ],
    [
      'a text file',
      () => ['predict', '--model', modelDir, '--image', file('notes.png')],
      /^error: .*notes\.png is not a PNG image/,
    ],
    [
      'a damaged PNG',
      () => ['predict', '--model', modelDir, '--image', file('damaged.png')],
      /^error: .*damaged\.png is a damaged PNG picture: the chunk "\?" at byte 33 is corrupted/,
    ],
    [
      'a huge PNG',
      () => ['predict', '--model', modelDir, '--image', file('huge.png')],
      /^error: .*huge\.png is 100000x20 pixels/,
    ],
    [
      'half a PNG',
      () => ['predict', '--model', modelDir, '--image', file('half.png')],
      /^error: .*half\.png is a damaged PNG picture: it is cut short/,
    ],
    [
      'a PNG cut to 20 bytes',
      () => ['predict', '--model', modelDir, '--image', file('cut20.png')],
      /^error: .*cut20\.png is a damaged PNG picture: it is cut short: it has only 20 bytes/,
    ],
    [
      'a PNG with a corrupted chunk',
      () => ['predict', '--model', modelDir, '--image', file('flipped.png')],
      /^error: .*flipped\.png is a damaged PNG picture: the chunk "IDAT" at byte \d+ is corrupted \(bad CRC\)/,
    ],
    [
      'a 9000x9000 PNG (81 million pixels)',
      () => ['predict', '--model', modelDir, '--image', file('big.png')],
      /^error: .*big\.png is 9000x9000 pixels; .* 67\.1 million pixels in all/,
    ],
    [
      'a blank picture',
      () => ['predict', '--model', modelDir, '--image', file('blank.png')],
      /^error: The picture .*blank\.png is blank/,
    ],
    [
      'a missing model',
      () => ['predict', '--model', file('no-model'), '--image', file('light.png')],
      /^error: There is no saved model in .*no-model/,
    ],
    [
      'a broken model',
      () => ['predict', '--model', file('broken'), '--image', file('light.png')],
      /^error: The saved model in .*broken is damaged: weights\.bin is missing/,
    ],
    [
      'a bad --background',
      () => ['predict', '--model', modelDir, '--image', file('light.png'), '--background', 'grey'],
      /^error: --background must be auto, dark or light/,
    ],
  ])('refuses %s: exit 2 with one error line', async (_name, args, message) => {
    fs.writeFileSync(file('notes.png'), 'not a picture\n');
    const header = fs.readFileSync(await letterPng(set.test[2], true, 'whole.png'));
    fs.writeFileSync(
      file('damaged.png'),
      Buffer.concat([header.subarray(0, 40), Buffer.alloc(60, 7)]),
    );
    const huge = Buffer.from(header.subarray(0, 33));
    huge.writeUInt32BE(100_000, 16);
    huge.writeUInt32BE(20, 20);
    fs.writeFileSync(file('huge.png'), huge);
    fs.writeFileSync(file('half.png'), header.subarray(0, Math.floor(header.length / 2)));
    fs.writeFileSync(file('cut20.png'), header.subarray(0, 20));
    const flipped = Buffer.from(header);
    const idat = flipped.indexOf('IDAT', 0, 'latin1');
    flipped[idat + 10] ^= 0xff;
    fs.writeFileSync(file('flipped.png'), flipped);
    const big = Buffer.from(header.subarray(0, 33));
    big.writeUInt32BE(9000, 16);
    big.writeUInt32BE(9000, 20);
    fs.writeFileSync(file('big.png'), big);
    const blank = createCanvas(50, 40);
    blank.getContext('2d').fillStyle = '#fff';
    blank.getContext('2d').fillRect(0, 0, 50, 40);
    fs.writeFileSync(file('blank.png'), blank.toBuffer('image/png'));
    if (!fs.existsSync(file('broken'))) {
      fs.cpSync(modelDir, file('broken'), { recursive: true });
      fs.rmSync(path.join(file('broken'), 'weights.bin'));
    }
    const done = await cliInProcess(...args());
    expectRefused(done, message);
  });
});
