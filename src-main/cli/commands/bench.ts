// `letter-lab bench`: the speed benchmark of bench/suite.ts (training samples/s of the presets,
// side by side with PyTorch when installed; .mat load; prediction latency). JSON on stdout;
// progress, and unless --json a table, on stderr. The CLI runs from a source checkout, where
// bench/ is.
import { BENCH_ARGS, BENCH_USAGE, benchOptions } from '../../../bench/args';
import { formatTable, runBench } from '../../../bench/suite';
import { json, parseCommandArgs, type Command } from '../command';

export const benchCommand: Command = {
  name: 'bench',
  summary: 'Training speed of the presets (vs PyTorch when installed), .mat load, prediction.',
  usage: BENCH_USAGE,
  async run(args, io) {
    const { values } = parseCommandArgs(this, args, BENCH_ARGS);
    const report = await runBench(benchOptions(values), io.progress);
    if (!values.json) io.progress(`\n${formatTable(report)}\n`);
    io.out(json(report));
  },
};
