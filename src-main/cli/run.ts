import { LetterLabError, diskFullError } from '../core/errors';
import type { CliIo, Command } from './command';
import { infoCommand } from './commands/info';
import { inspectCommand } from './commands/inspect';
import { predictCommand } from './commands/predict';
import { presetsCommand, summaryCommand } from './commands/spec';
import { trainCommand } from './commands/train';
import { evaluateCommand } from './commands/evaluate';
import { benchCommand } from './commands/bench';
import { compareCommand, runsCommand } from './commands/runs';
import { exportCommand } from './commands/export';
import { lettersCommand } from './commands/letters';
import { splitCommand } from './commands/split';
import { notebookCommand } from './commands/notebook';

export const COMMANDS: Command[] = [
  infoCommand,
  inspectCommand,
  splitCommand,
  presetsCommand,
  summaryCommand,
  trainCommand,
  evaluateCommand,
  predictCommand,
  exportCommand,
  lettersCommand,
  runsCommand,
  compareCommand,
  benchCommand,
  notebookCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Letter Lab command line. JSON on stdout, progress on stderr.',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'letter-lab <command> --help shows how to use a command.',
  ].join('\n');
}

/** Runs one CLI invocation; returns the exit code. Never lets a stack trace reach the user. */
export async function runCli(
  argv: string[],
  io: CliIo,
  errorOut: (line: string) => void,
): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === 'help') {
    io.out(help());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    errorOut(
      `error: unknown command ${JSON.stringify(name)}; commands: ${COMMANDS.map((c) => c.name).join(', ')}.`,
    );
    return 2;
  }
  if (args.includes('--help')) {
    io.out(`${command.usage}\n\n${command.summary}`);
    return 0;
  }
  try {
    await command.run(args, io);
    return 0;
  } catch (err) {
    const known = diskFullError(err) ?? err;
    const message = (known instanceof Error ? known.message : String(known)).replace(
      /\s*\n\s*/g,
      ' ',
    );
    if (known instanceof LetterLabError) {
      errorOut(`error: ${message}`);
      return 2;
    }
    errorOut(`error: Letter Lab failed unexpectedly: ${message}`);
    return 1;
  }
}
