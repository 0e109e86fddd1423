// npm run make-sample [-- <outDir>] [--montage <file.png>]
// Draws Letter Lab's bundled sample set (letters A..J from open-licensed fonts, notMNIST style) and
// writes resources/sample/{sample-letters.mat, sample-letters.json, FONTS.md}. Same output every run.

import { statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LetterLabError } from '../src-main/core/errors';
import { generateSample } from './sample/generate';
import { montagePng } from './sample/montage';
import { writeSampleFiles } from './sample/outputs';

const DEFAULT_OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../resources/sample');

interface Args {
  outDir: string;
  montage?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { outDir: DEFAULT_OUT_DIR };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--montage') {
      const file = argv[++i];
      if (!file)
        throw new LetterLabError('cli.usage', '--montage needs a .png file name after it.');
      args.montage = resolve(file);
    } else if (argv[i].startsWith('-')) {
      throw new LetterLabError(
        'cli.usage',
        `Unknown option ${argv[i]}. Usage: make-sample [outDir] [--montage file.png]`,
      );
    } else {
      positional.push(argv[i]);
    }
  }
  if (positional.length > 1) {
    throw new LetterLabError(
      'cli.usage',
      'Give at most one output folder. Usage: make-sample [outDir]',
    );
  }
  if (positional[0]) args.outDir = resolve(positional[0]);
  return args;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const sample = generateSample();
  for (const path of writeSampleFiles(args.outDir, sample)) {
    console.log(`wrote ${path} (${statSync(path).size} bytes)`);
  }
  console.log(`${sample.count} images from ${sample.faces.length} faces`);
  if (args.montage) {
    writeFileSync(args.montage, montagePng(sample));
    console.log(`wrote ${args.montage}`);
  }
}

try {
  main();
} catch (err) {
  console.error(err instanceof LetterLabError ? `make-sample: ${err.message}` : err);
  process.exitCode = 1;
}
