import { parseArgs, type ParseArgsConfig } from 'node:util';
import { LetterLabError } from '../core/errors';

export interface CliIo {
  /** JSON or text result for stdout. */
  out(text: string): void;
  /** Progress for stderr. */
  progress(text: string): void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<void>;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs with usage errors turned into one-line messages. */
export function parseCommandArgs<O extends Options>(
  command: Pick<Command, 'name' | 'usage'>,
  args: string[],
  options: O,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (err) {
    const reason = (err as Error).message.replace(/\.$/, '');
    throw new LetterLabError('cli.usage', `${reason}. Usage: ${command.usage}`);
  }
}

/**
 * Reads a whole-number option within bounds, naming the option when it is wrong; `fallback`
 * (a number, or undefined for "not given") when the option is unset.
 */
export function intOption<F extends number | undefined>(
  name: string,
  value: string | undefined,
  fallback: F,
  min: number,
  max: number,
): number | F {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new LetterLabError(
      'cli.usage',
      `--${name} must be a whole number from ${min} to ${max}, got ${JSON.stringify(value)}.`,
    );
  }
  return n;
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
