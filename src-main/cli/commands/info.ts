import { LetterLabError } from '../../core/errors';
import os from 'node:os';
import { initBackend } from '../../core/backend';
import { backendSummaryText } from '../../core/backend/summary';
import { APP_VERSION } from '../../host/version';
import { parseCommandArgs, json, type Command } from '../command';

export const infoCommand: Command = {
  name: 'info',
  summary: 'Version, the training backend in use, and the full reason why.',
  usage: 'letter-lab info [--backend auto|native|wasm|cpu]',
  async run(args, io) {
    const { values } = parseCommandArgs(this, args, { backend: { type: 'string' } });
    const preference = values.backend ?? 'auto';
    if (!['auto', 'native', 'wasm', 'cpu'].includes(preference)) {
      throw new LetterLabError(
        'cli.usage',
        `--backend must be auto, native, wasm or cpu, got ${JSON.stringify(preference)}.`,
      );
    }
    const backend = await initBackend(preference as 'auto');
    const cpus = os.availableParallelism();
    io.out(
      json({
        version: APP_VERSION,
        // The app's status bar line, and (in reason, nativeError) the details behind it.
        summary: backendSummaryText(backend, cpus),
        cpus,
        backend: backend.name,
        nativeAvailable: backend.nativeAvailable,
        nativeError: backend.nativeError,
        simd: backend.simd,
        simdKernels: backend.simdKernels,
        threads: backend.threads,
        reason: backend.reason,
      }),
    );
  },
};
