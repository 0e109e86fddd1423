import { inspectMat } from '../../core/dataset/inspect';
import { LetterLabError } from '../../core/errors';
import { json, parseCommandArgs, type Command } from '../command';

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'What a .mat (or .mat.gz) letters file holds: variables, images, classes, split.',
  usage: 'letter-lab inspect FILE [--json]',
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(
      this,
      args,
      { json: { type: 'boolean' } },
      true,
    );
    if (positionals.length !== 1) {
      throw new LetterLabError('cli.usage', `Give one file to inspect. Usage: ${this.usage}`);
    }
    io.progress(`Reading ${positionals[0]}…`);
    const result = await inspectMat(positionals[0]);
    if (values.json) {
      io.out(json(result));
      return;
    }
    io.out(
      [
        `format     ${result.format}${result.compressed ? ' (compressed)' : ''}`,
        `variables  ${result.variables.map((v) => `${v.name} ${v.class} ${v.dims.join('x')}`).join(', ')}`,
        `images     ${result.images.count} of ${result.images.height}x${result.images.width}`,
        `classes    ${result.classes}: ${result.countsPerClass.join(' ')}`,
        `split      ${result.split.train} train / ${result.split.test} test`,
        `loaded in  ${result.loadMs} ms`,
      ].join('\n'),
    );
  },
};
