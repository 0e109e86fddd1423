import path from 'node:path';
import { inputSize, predictImages } from '../../core/activations';
import { initBackend } from '../../core/backend';
import { classNames } from '../../core/dataset/labels';
import { LetterLabError } from '../../core/errors';
import { loadModel } from '../../core/model';
import { preprocessRGBA, toGreyLevels } from '../../core/preprocess';
import { preparedOrThrow } from '../../core/preprocess/checked';
import { json, parseCommandArgs, type Command } from '../command';
import { decodePng, readPng } from '../png';

const GREY_LEVELS = 255;

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
    const pixels = await decodePng(file, (await readPng(file)).bytes);
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
