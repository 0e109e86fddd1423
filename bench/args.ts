// Command-line options of `npm run bench` and `letter-lab bench` (one definition for both).

import { intOption } from '../src-main/cli/command';
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
    batches: intOption('batches', values.batches, opts.batches, 0, 100_000),
    repeats: intOption('repeats', values.repeats, opts.repeats, 1, 100),
    threads: intOption('threads', values.threads, undefined, 1, 64),
    torchThreads: intOption('torch-threads', values['torch-threads'], opts.torchThreads, 1, 256),
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
