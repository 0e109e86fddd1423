// `letter-lab bench`: the speed benchmark of bench/suite.ts (training samples/s of the presets,
// side by side with PyTorch when installed; .mat load; prediction latency). JSON on stdout;
// progress, and unless --json a table, on stderr. The CLI runs from a source checkout, where
// bench/ is.
import { BENCH_ARGS, BENCH_USAGE, benchOptions, benchPart } from '../../../bench/args';
import { benchMat } from '../../../bench/mat';
import { LetterLabError } from '../../core/errors';
import { formatTable, runBench } from '../../../bench/suite';
import { json, parseCommandArgs, type Command } from '../command';

export const benchCommand: Command = {
  name: 'bench',
  summary: 'Training speed of the presets (vs PyTorch when installed), .mat load, prediction.',
  usage: BENCH_USAGE,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs(this, args, BENCH_ARGS, true);
    if (benchPart(positionals) === 'mat') {
      const options = benchOptions(values);
      if (!options.mat)
        throw new LetterLabError('cli.usage', 'The .mat benchmark needs a file: set NOTMNIST_MAT.');
      io.out(json(await benchMat(options.mat)));
      return;
    }
    const report = await runBench(benchOptions(values), (text) => io.progress(text));
    if (!values.json) io.progress(`\n${formatTable(report)}\n`);
    io.out(json(report));
  },
};
