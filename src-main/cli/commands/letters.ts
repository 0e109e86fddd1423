// `letter-lab letters add` keeps a PNG picture of a letter in a letters file (as the drawing pad's
// "Keep as…" does); `letter-lab letters merge` merges campers' letters files into a class file.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { LetterLabError } from '../../core/errors';
import {
  LettersCollectionFile,
  MAX_COLLECTION,
  camperCounts,
  cleanCamperName,
  isHeldBack,
  labelOf,
  letterName,
  readLettersFile,
  type StoredLetter,
} from '../../core/letters';
import { preprocessRGBA, toGreyLevels } from '../../core/preprocess';
import { preparedOrThrow } from '../../core/preprocess/checked';
import { json, parseCommandArgs, type CliIo, type Command } from '../command';
import { decodePng, readPng } from '../png';

const ADD_USAGE =
  'letter-lab letters add --to FILE.mat --image PICTURE.png --label A..J [--camper NAME] ' +
  '[--background auto|dark|light] [--json]';
const MERGE_USAGE = 'letter-lab letters merge FILE.mat [FILE.mat …] --to CLASS.mat [--json]';

function countsPerClass(letters: readonly StoredLetter[]): number[] {
  const counts = new Array<number>(Math.max(10, ...letters.map((l) => l.label + 1))).fill(0);
  for (const letter of letters) counts[letter.label]++;
  return counts;
}

/** A target that is a folder is refused before anything is read. */
async function checkTarget(file: string | undefined, usage: string): Promise<string> {
  if (!file)
    throw new LetterLabError(
      'cli.usage',
      `Give the letters file with --to FILE.mat. Usage: ${usage}`,
    );
  const resolved = path.resolve(file);
  const info = await stat(resolved).catch(() => null);
  if (info && !info.isFile()) {
    throw new LetterLabError('cli.usage', `--to ${resolved} is a folder; give a .mat file name.`);
  }
  return resolved;
}

async function add(args: string[], io: CliIo): Promise<void> {
  const { values } = parseCommandArgs({ name: 'letters add', usage: ADD_USAGE }, args, {
    to: { type: 'string' },
    image: { type: 'string' },
    label: { type: 'string' },
    camper: { type: 'string' },
    background: { type: 'string' },
    json: { type: 'boolean' },
  });
  const to = await checkTarget(values.to, ADD_USAGE);
  if (!values.image)
    throw new LetterLabError(
      'cli.usage',
      `Give the picture with --image PICTURE.png. Usage: ${ADD_USAGE}`,
    );
  const label = values.label === undefined ? null : labelOf(values.label);
  if (label === null || label > 9) {
    throw new LetterLabError(
      'cli.usage',
      `--label must be one of the letters A to J, got ${JSON.stringify(values.label ?? '')}.`,
    );
  }
  const background = values.background ?? 'auto';
  if (background !== 'auto' && background !== 'dark' && background !== 'light') {
    throw new LetterLabError(
      'cli.usage',
      `--background must be auto, dark or light, got ${JSON.stringify(background)}.`,
    );
  }
  const image = path.resolve(values.image);
  const pixels = await decodePng(image, (await readPng(image)).bytes);
  const prepared = preparedOrThrow(
    preprocessRGBA(pixels.data, pixels.width, pixels.height, { background }),
    `The picture ${image}`,
  );
  const camper = values.camper === undefined ? null : cleanCamperName(values.camper);
  const file = new LettersCollectionFile(to);
  const { letters, added } = await file.add(
    Uint8Array.from(toGreyLevels(prepared.pixels)),
    label,
    camper,
  );
  const report = {
    file: to,
    count: letters.length,
    countsPerClass: countsPerClass(letters),
    added: { id: added.id, letter: letterName(label), label, heldBack: isHeldBack(added.id) },
  };
  if (values.json) {
    io.out(json(report));
    return;
  }
  io.out(
    `kept letter ${letterName(label)} in ${to} (letter ${letters.length} of the file` +
      `${report.added.heldBack ? ', held back for testing' : ''})`,
  );
}

async function merge(args: string[], io: CliIo): Promise<void> {
  const { values, positionals } = parseCommandArgs(
    { name: 'letters merge', usage: MERGE_USAGE },
    args,
    { to: { type: 'string' }, json: { type: 'boolean' } },
    true,
  );
  const to = await checkTarget(values.to, MERGE_USAGE);
  if (positionals.length === 0) {
    throw new LetterLabError(
      'cli.usage',
      `Give at least one letters file to merge. Usage: ${MERGE_USAGE}`,
    );
  }
  const sources = [];
  for (const name of positionals) {
    sources.push({
      name: path.basename(name),
      letters: await readLettersFile(path.resolve(name), MAX_COLLECTION),
    });
  }
  const target = new LettersCollectionFile(to);
  const before = (await target.read()).length;
  const result = await target.merge(sources);
  const report = {
    file: to,
    before,
    count: result.letters.length,
    added: result.files.reduce((n, f) => n + f.added, 0),
    duplicates: result.files.reduce((n, f) => n + f.duplicates, 0),
    files: result.files,
    campers: camperCounts(result.letters),
    countsPerClass: countsPerClass(result.letters),
  };
  if (values.json) {
    io.out(json(report));
    return;
  }
  const width = Math.max(6, ...report.files.map((f) => f.name.length));
  io.out(
    [
      `${'file'.padEnd(width)}  letters  added  refused (duplicates)`,
      ...report.files.map(
        (f) =>
          `${f.name.padEnd(width)}  ${String(f.letters).padStart(7)}  ${String(f.added).padStart(5)}  ${String(f.duplicates).padStart(7)}`,
      ),
      '',
      `${to}: ${report.count} letters (was ${before})`,
      'letters per camper:',
      ...report.campers.map((c) => `  ${c.name}  ${c.count}`),
    ].join('\n'),
  );
}

export const lettersCommand: Command = {
  name: 'letters',
  summary: 'Keep a PNG picture of a letter in a letters file, or merge campers’ letters files.',
  usage: `${ADD_USAGE}\n       ${MERGE_USAGE}`,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'add') return add(rest, io);
    if (sub === 'merge') return merge(rest, io);
    throw new LetterLabError(
      'cli.usage',
      `letters takes "add" or "merge", got ${JSON.stringify(sub ?? '')}. Usage: ${ADD_USAGE} | ${MERGE_USAGE}`,
    );
  },
};
