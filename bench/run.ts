// `npm run bench [-- --json --presets id,id --batches N --repeats N --threads N --no-torch]`:
// JSON on stdout (see bench/suite.ts), progress and a table on stderr. NOTMNIST_MAT selects the
// real data; without it the bundled sample set is used. `npm run bench -- mat` times only the
// .mat load against scipy.
import { parseArgs } from 'node:util';
import { BENCH_ARGS, BENCH_USAGE, benchOptions, benchPart } from './args';
import { benchMat } from './mat';
import { formatTable, runBench } from './suite';

try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: BENCH_ARGS,
    strict: true,
    allowPositionals: true,
  });
  if (benchPart(positionals) === 'mat') {
    const options = benchOptions(values);
    if (!options.mat) throw new Error('the .mat benchmark needs a file: set NOTMNIST_MAT.');
    console.log(JSON.stringify(await benchMat(options.mat), null, 2));
    process.exit(0);
  }
  const report = await runBench(benchOptions(values), (line) => console.error(line));
  if (!values.json) console.error(`\n${formatTable(report)}\n`);
  console.log(JSON.stringify(report, null, 2));
} catch (err) {
  console.error(
    `error: ${err instanceof Error ? err.message : String(err)}\nusage: ${BENCH_USAGE}`,
  );
  process.exitCode = 2;
}
