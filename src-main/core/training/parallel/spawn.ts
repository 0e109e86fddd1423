// Finds and starts the gradient worker's entry file, from the sources (tsx, vitest: worker-entry.ts,
// compiled on the fly by tsx) or from the Electron build (out/main/training-worker.js, an entry of
// electron.vite.config.ts; the code that starts it lives in out/main or out/main/chunks).

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerStart } from './protocol';

/** A path to the worker entry file, to override the search (e.g. an unusual packaging). */
export const WORKER_ENTRY_ENV = 'LETTER_LAB_TRAINING_WORKER';
export const BUILT_WORKER_FILE = 'training-worker.js';
// Relative to this module. Kept in variables: bundlers rewrite `new URL('literal', import.meta.url)`.
const CANDIDATES = ['./worker-entry.ts', `./${BUILT_WORKER_FILE}`, `../${BUILT_WORKER_FILE}`];

/** The worker entry file on disk, or null when there is none (then training uses one thread). */
export function workerEntryFile(env: NodeJS.ProcessEnv = process.env): string | null {
  const fromEnv = env[WORKER_ENTRY_ENV];
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
  for (const relative of CANDIDATES) {
    const file = fileURLToPath(new URL(relative, import.meta.url));
    if (existsSync(file)) return file;
  }
  return null;
}

/** tsx's ESM API (its register() compiles TypeScript imports in the thread that calls it). */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  // require.resolve picks the CommonJS build; the ES module sits next to it.
  const mjs = require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs');
  if (!existsSync(mjs)) throw new Error(`tsx's ES module API is not at ${mjs}`);
  return pathToFileURL(mjs).href;
}

/**
 * Starts a worker running `entry` with `start` as its workerData. A TypeScript entry is loaded
 * through tsx's register(): loader flags given to a worker (execArgv) do not reach its entry in
 * Node 20, so a small bootstrap registers tsx inside the worker before importing the entry.
 */
export function spawnWorker(entry: string, start: WorkerStart | object): Worker {
  if (!entry.endsWith('.ts')) return new Worker(entry, { workerData: start });
  const bootstrap =
    `import(${JSON.stringify(tsxApiUrl())})` +
    `.then((api) => { api.register(); return import(${JSON.stringify(pathToFileURL(entry).href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: start, execArgv: [] });
}
