import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { inputSize, predictImages } from '../../core/activations';
import { initBackend } from '../../core/backend';
import { classNames } from '../../core/dataset/labels';
import { LetterLabError } from '../../core/errors';
import { loadModel } from '../../core/model';
import { preprocessRGBA, toGreyLevels } from '../../core/preprocess';
import { preparedOrThrow } from '../../core/preprocess/checked';
import { json, parseCommandArgs, type Command } from '../command';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Signature (8) + IHDR length (4) + "IHDR" (4) + width (4) + height (4). */
const IHDR_END = 24;
/** Pictures larger than this on a side are refused before decoding. */
export const MAX_PNG_SIDE = 8192;
const GREY_LEVELS = 255;

async function readPng(file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw new LetterLabError('file.not-found', `There is no file at ${file}. Check the name.`);
    }
    throw new LetterLabError(
      'file.unreadable',
      `${file} cannot be read (${code === 'EISDIR' ? 'it is a folder' : (code ?? String(err))}).`,
    );
  }
  const signed = bytes.length >= IHDR_END && PNG_SIGNATURE.every((b, i) => bytes[i] === b);
  if (!signed || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new LetterLabError(
      'predict.not-png',
      `${file} is not a PNG image (it does not start with the PNG signature). Save the picture as PNG.`,
    );
  }
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  if (width < 1 || height < 1 || width > MAX_PNG_SIDE || height > MAX_PNG_SIDE) {
    throw new LetterLabError(
      'predict.image-too-large',
      `${file} is ${width}x${height} pixels; letter-lab predict takes pictures from 1x1 up to ` +
        `${MAX_PNG_SIDE}x${MAX_PNG_SIDE}. Scale it down first.`,
    );
  }
  return bytes;
}

/** The PNG's RGBA pixels, decoded by @napi-rs/canvas. */
async function decodePng(
  file: string,
  bytes: Buffer,
): Promise<{ data: Uint8ClampedArray; width: number; height: number }> {
  let image;
  try {
    image = await loadImage(bytes);
  } catch (err) {
    throw new LetterLabError(
      'predict.not-png',
      `${file} looks like a PNG but cannot be decoded (${(err as Error).message}). It may be damaged.`,
    );
  }
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data, width, height } = context.getImageData(0, 0, image.width, image.height);
  return { data, width, height };
}

export const predictCommand: Command = {
  name: 'predict',
  summary:
    'Which letter a saved network sees in a PNG picture (preprocessed as the drawing canvas).',
  usage: 'letter-lab predict --model DIR --image FILE.png [--json] [--background auto|dark|light]',
  async run(args, io) {
    const { values } = parseCommandArgs(this, args, {
      model: { type: 'string' },
      image: { type: 'string' },
      json: { type: 'boolean' },
      background: { type: 'string' },
    });
    if (!values.model || !values.image) {
      throw new LetterLabError('cli.usage', `Give both --model and --image. Usage: ${this.usage}`);
    }
    const background = values.background ?? 'auto';
    if (background !== 'auto' && background !== 'dark' && background !== 'light') {
      throw new LetterLabError(
        'cli.usage',
        `--background must be auto, dark or light, got ${JSON.stringify(background)}.`,
      );
    }
    const file = path.resolve(values.image);
    const pixels = await decodePng(file, await readPng(file));
    await initBackend('auto');
    const { model, meta } = await loadModel(values.model);
    try {
      const { height, width, channels } = inputSize(model);
      if (channels !== 1) {
        throw new LetterLabError(
          'predict.bad-input',
          `The network in ${path.resolve(values.model)} takes ${channels}-channel pictures; letters have 1.`,
        );
      }
      const prepared = preparedOrThrow(
        preprocessRGBA(pixels.data, pixels.width, pixels.height, { width, height, background }),
        `The picture ${file}`,
      );
      // Whole grey levels, exactly as the drawing canvas sends them.
      const levels = toGreyLevels(prepared.pixels);
      const [answer] = predictImages(
        model,
        Float32Array.from(levels, (v) => v / GREY_LEVELS),
        1,
      );
      const names = classNames(meta.spec.classes);
      const letter = names[answer.predicted];
      if (values.json) {
        io.out(json({ letter, probabilities: answer.probabilities }));
        return;
      }
      const ranked = answer.probabilities
        .map((p, k) => ({ p, name: names[k] }))
        .sort((a, b) => b.p - a.p);
      io.out(
        [
          `letter  ${letter} (${(answer.probabilities[answer.predicted] * 100).toFixed(1)}%)`,
          `read as ${prepared.inverted ? 'dark ink on a light' : 'light ink on a dark'} background`,
          ...ranked.map(({ p, name }) => `  ${name}  ${(p * 100).toFixed(1).padStart(5)}%`),
        ].join('\n'),
      );
    } finally {
      model.dispose();
    }
  },
};
