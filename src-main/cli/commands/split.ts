import { loadDataset } from '../../core/dataset/load';
import { MAX_NUMPY_SEED } from '../../core/dataset/numpy-random';
import { DEFAULT_SEED, DEFAULT_TEST_FRACTION, testShareProblem } from '../../core/dataset/split';
import { LetterLabError } from '../../core/errors';
import { intOption, parseCommandArgs, type Command } from '../command';

/** --test-share as a number above 0 and below 1, or a one-line usage error. */
function testShare(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TEST_FRACTION;
  const n = Number(value);
  const problem = value.trim() === '' || !Number.isFinite(n) ? 'not a number' : testShareProblem(n);
  if (problem) {
    const hint = Number.isFinite(n) && n >= 1 && n < 100 ? ` (for ${n}% write ${n / 100})` : '';
    throw new LetterLabError(
      'cli.usage',
      `--test-share must be a number above 0 and below 1, e.g. 0.2, got ${JSON.stringify(value)}${hint}.`,
    );
  }
  return n;
}

export const splitCommand: Command = {
  name: 'split',
  summary:
    'The train/test split the app and the trainer use (scikit-learn’s train_test_split): positions in the file.',
  usage: 'letter-lab split --mat FILE [--test-share 0.2] [--seed 42] [--json]',
  async run(args, io) {
    const { values } = parseCommandArgs(this, args, {
      mat: { type: 'string' },
      'test-share': { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!values.mat) {
      throw new LetterLabError(
        'cli.usage',
        `Give the letters file with --mat FILE. Usage: ${this.usage}`,
      );
    }
    const share = testShare(values['test-share']);
    const seed = intOption('seed', values.seed, DEFAULT_SEED, 0, MAX_NUMPY_SEED);
    io.progress(`Reading ${values.mat}…`);
    const { set } = await loadDataset(values.mat, {
      fingerprint: false,
      seed,
      testFraction: share,
    });
    if (values.json) {
      // One line: the lists are long (18,724 positions for notMNIST_small.mat).
      io.out(
        JSON.stringify({
          seed,
          testShare: share,
          train: Array.from(set.train),
          test: Array.from(set.test),
        }),
      );
      return;
    }
    const head = (list: Uint32Array) =>
      `${Array.from(list.subarray(0, 8)).join(', ')}${list.length > 8 ? ', …' : ''}`;
    io.out(
      [
        `seed ${seed}, test share ${share}: ${set.train.length} training and ${set.test.length} test letters`,
        `test   ${head(set.test)}`,
        `train  ${head(set.train)}`,
        'Positions count from 0 in the file; --json prints them all.',
      ].join('\n'),
    );
  },
};
