// `npm run cli -- <command>` and the `letter-lab` bin.
import { runCli } from './run';

const code = await runCli(
  process.argv.slice(2),
  {
    out: (text) => process.stdout.write(text + '\n'),
    progress: (text) => process.stderr.write(text + '\n'),
  },
  (line) => process.stderr.write(line + '\n'),
);
process.exitCode = code;
