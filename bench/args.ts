// Command-line options of `npm run bench` and `letter-lab bench` (one definition for both).

import { LetterLabError } from '../src-main/core/errors';
import { defaultOptions, type BenchOptions } from './suite';

export const BENCH_USAGE =
  'letter-lab bench [mat] [--json] [--presets id,id,...] [--batches N] [--repeats N] [--threads N] ' +
  '[--torch-threads N] [--no-torch]';

export const BENCH_ARGS = {
  json: { type: 'boolean' },
  presets: { type: 'string' },
  batches: { type: 'string' },
  repeats: { type: 'string' },
  threads: { type: 'string' },
  'torch-threads': { type: 'string' },
  'no-torch': { type: 'boolean' },
} as const;

export interface BenchArgValues {
  json?: boolean;
  presets?: string;
  batches?: string;
  repeats?: string;
  threads?: string;
  'torch-threads'?: string;
  'no-torch'?: boolean;
}

function whole(name: string, value: string | undefined, min: number, max: number) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new LetterLabError(
      'cli.usage',
      `--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}.`,
    );
  }
  return n;
}

/** BenchOptions from parsed arguments; unset ones keep their defaults. */
export function benchOptions(values: BenchArgValues, env = process.env): BenchOptions {
  const opts = defaultOptions(env);
  return {
    ...opts,
    presets: values.presets
      ? values.presets
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
    batches: whole('batches', values.batches, 0, 100_000) ?? opts.batches,
    repeats: whole('repeats', values.repeats, 1, 100) ?? opts.repeats,
    threads: whole('threads', values.threads, 1, 64),
    torchThreads: whole('torch-threads', values['torch-threads'], 1, 256) ?? opts.torchThreads,
    torch: !values['no-torch'],
  };
}

/** The part to run: `mat` (the .mat load against scipy only) or everything. */
export function benchPart(positionals: string[]): 'mat' | 'all' {
  if (positionals.length === 0) return 'all';
  if (positionals.length === 1 && positionals[0] === 'mat') return 'mat';
  throw new LetterLabError(
    'cli.usage',
    `Unknown bench part ${JSON.stringify(positionals.join(' '))}: use "mat" or nothing.`,
  );
}
