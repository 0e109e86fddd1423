import type { EvaluationNumbers } from '../../contract/evaluation';
import { initBackend } from '../../core/backend';
import { loadDataset } from '../../core/dataset/load';
import { MAX_NUMPY_SEED } from '../../core/dataset/numpy-random';
import {
  DEFAULT_SEED,
  DEFAULT_TEST_FRACTION,
  splitWarning,
  testLettersHeldOut,
} from '../../core/dataset/split';
import { LetterLabError } from '../../core/errors';
import { checkModelFits, evaluateTestSplit } from '../../core/evaluation';
import { loadModel } from '../../core/model';
import { intOption, json, parseCommandArgs, type Command } from '../command';
import { evaluateAllLetters, type AllLettersReport } from '../evaluate-all';
import path from 'node:path';

const SEED_MAX = MAX_NUMPY_SEED;

/** The --test-fraction given, or undefined for the model's own (else the notebook's 0.2). */
function testFraction(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0.05 || n > 0.5) {
    throw new LetterLabError(
      'cli.usage',
      `--test-fraction must be a number from 0.05 to 0.5, got ${JSON.stringify(value)}.`,
    );
  }
  return n;
}

const percent = (v: number | null): string => (v === null ? '   –' : `${(100 * v).toFixed(1)}%`);

/** Accuracy, per-class accuracy and the confusion matrix as text. */
function report(numbers: EvaluationNumbers, classNames: string[]): string {
  const width = Math.max(4, ...numbers.confusion.flat().map((n) => String(n).length)) + 1;
  const lines = [
    `accuracy  ${percent(numbers.accuracy)} (${numbers.correct} of ${numbers.count} test letters)`,
    '',
    'per class',
    ...numbers.perClass.map(
      (c) => `  ${c.letter}  ${percent(c.accuracy).padStart(6)}  (${c.correct} of ${c.count})`,
    ),
    '',
    'confusion matrix (rows: true letter, columns: predicted)',
    `   ${classNames.map((n) => n.padStart(width)).join('')}`,
    ...numbers.confusion.map(
      (row, t) => `  ${classNames[t]}${row.map((n) => String(n).padStart(width)).join('')}`,
    ),
  ];
  return lines.join('\n');
}

function allLettersText(r: AllLettersReport): string {
  const held = `${percent(r.heldBack.accuracy)} (${r.heldBack.correct} of ${r.heldBack.count})`;
  return [
    `accuracy  ${percent(r.accuracy)} (${r.correct} of ${r.count} letters, all of ${r.file})`,
    `held back ${held}: the letters teaching never trains on`,
    ...(r.taughtWith ? [`note: this network was taught with ${r.taughtWith}`] : []),
    '',
    'per class',
    ...r.perClass.map(
      (c) => `  ${c.letter}  ${percent(c.accuracy).padStart(6)}  (${c.correct} of ${c.count})`,
    ),
  ].join('\n');
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'Accuracy, per-class accuracy and confusion matrix of a saved model on the test split.',
  usage:
    'letter-lab evaluate --model DIR --mat FILE [--seed N] [--test-fraction F] [--all] [--json] ' +
    '(the seed defaults to the one the model was trained with, else 42; --all: every letter ' +
    'of the file, not the test split)',
  async run(args, io) {
    const { values } = parseCommandArgs(this, args, {
      model: { type: 'string' },
      mat: { type: 'string' },
      seed: { type: 'string' },
      'test-fraction': { type: 'string' },
      json: { type: 'boolean' },
      all: { type: 'boolean' },
    });
    if (!values.model || !values.mat) {
      const missing = [values.model ? '' : '--model DIR', values.mat ? '' : '--mat FILE']
        .filter(Boolean)
        .join(' and ');
      throw new LetterLabError('cli.usage', `Give ${missing}. Usage: ${this.usage}`);
    }
    const givenFraction = testFraction(values['test-fraction']);
    intOption('seed', values.seed, 0, 0, SEED_MAX); // checked before the slow loads
    await initBackend('auto');
    const { model, meta } = await loadModel(values.model);
    try {
      if (values.all) {
        const result = await evaluateAllLetters(model, meta, path.resolve(values.mat));
        io.out(values.json ? json(result) : allLettersText(result));
        return;
      }
      const seed = intOption(
        'seed',
        values.seed,
        meta.dataset?.splitSeed ?? DEFAULT_SEED,
        0,
        SEED_MAX,
      );
      const fraction = givenFraction ?? meta.dataset?.testFraction ?? DEFAULT_TEST_FRACTION;
      const { set, info } = await loadDataset(values.mat, { seed, testFraction: fraction });
      checkModelFits(model, set);
      const trainedOn = meta.dataset?.fingerprint;
      if (trainedOn && trainedOn !== info.fingerprint) {
        io.progress(
          `warning: the model "${meta.name}" was trained on another letters file ` +
            `(${meta.dataset?.label ? `${meta.dataset.label}, ` : ''}fingerprint ${trainedOn.slice(0, 12)}…; ` +
            `${info.fileName} is ${info.fingerprint.slice(0, 12)}…): ` +
            'its "test" letters may include letters it learned from.',
        );
      } else if (
        testLettersHeldOut(meta.dataset, {
          fingerprint: info.fingerprint,
          seed,
          testFraction: fraction,
        }) === false
      ) {
        io.progress(`warning: ${splitWarning(meta.dataset)}`);
      }
      const result = await evaluateTestSplit(model, set);
      const numbers: EvaluationNumbers = {
        count: result.count,
        correct: result.correct,
        accuracy: result.accuracy,
        perClass: result.perClass,
        confusion: result.confusion,
      };
      if (values.json) {
        io.out(
          json({
            accuracy: numbers.accuracy,
            count: numbers.count,
            correct: numbers.correct,
            split: { seed, testFraction: fraction, train: set.train.length, test: set.test.length },
            classNames: set.classNames,
            perClass: numbers.perClass,
            confusion: numbers.confusion,
          }),
        );
        return;
      }
      io.out(report(numbers, set.classNames));
    } finally {
      model.dispose();
    }
  },
};
