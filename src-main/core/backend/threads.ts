// How many threads the training loop uses on the WebAssembly and cpu backends.
//
// tfjs-backend-wasm runs single-threaded under Node, so the training loop spreads every batch
// over worker threads instead (data parallelism, see core/training/parallel): one per core by
// default, at most MAX_TRAINING_THREADS (core/training uses one thread for models too small to
// gain from it). LETTER_LAB_TRAIN_THREADS overrides the count (1 trains in the calling thread).
// Native TensorFlow threads its own kernels: always 1 there.

import { availableParallelism } from 'node:os';
import type { BackendName } from '../../contract/backend';

export const TRAIN_THREADS_ENV = 'LETTER_LAB_TRAIN_THREADS';
/** More threads than this split a batch of 128 into shards too small to run efficiently. */
export const MAX_TRAINING_THREADS = 4;

/** The thread count asked for in the environment, or null when unset or not a whole number >= 1. */
export function threadsFromEnv(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env[TRAIN_THREADS_ENV];
  if (raw === undefined || raw.trim() === '') return null;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_TRAINING_THREADS) : null;
}

/** Threads the training loop uses by default on `backend` on this machine. */
export function defaultTrainingThreads(
  backend: BackendName,
  env: NodeJS.ProcessEnv = process.env,
  cores: number = availableParallelism(),
): number {
  if (backend === 'tensorflow') return 1;
  return threadsFromEnv(env) ?? Math.max(1, Math.min(cores, MAX_TRAINING_THREADS));
}
