// Picks how the training loop computes its steps: on worker threads when more than one thread is
// asked for and the backend is WebAssembly or cpu, otherwise (or when workers cannot start) here.

import * as tf from '@tensorflow/tfjs-core';
import type * as tfl from '@tensorflow/tfjs-layers';
import type { BackendName } from '../../contract/backend';
import { defaultTrainingThreads, threadsFromEnv } from '../backend/threads';
import type { ImageSet } from '../dataset/types';
import { ParallelStepper } from './parallel/parallel-stepper';
import { acquireWorkers, releaseWorkers } from './parallel/shared';
import { LocalStepper, type Stepper } from './stepper';

export interface StepperChoice {
  stepper: Stepper;
  /** Why training runs on fewer threads than asked for, or null. */
  fallback: string | null;
}

/** The active tfjs backend, as a Letter Lab backend name. */
export function activeBackend(): BackendName {
  const name = tf.getBackend();
  return name === 'wasm' || name === 'cpu' ? name : 'tensorflow';
}

/**
 * Below this many multiply-adds per image (forward pass), one thread trains faster: the
 * messages of a data-parallel step (weights out, gradients back, ~2-10 ms) cost more than
 * splitting the batch saves. The typical ConvNet has ~2.5 M; the MLP and one-conv presets ~0.1-0.2 M.
 */
export const PARALLEL_MIN_MACS = 1_000_000;

/** Multiply-adds per image of the forward pass of the Conv2D and Dense layers of `model`. */
export function forwardMacs(model: tfl.LayersModel): number {
  let macs = 0;
  for (const layer of model.layers) {
    const kind = layer.getClassName();
    const kernel = layer.weights[0]?.shape as number[] | undefined;
    if (!kernel) continue;
    if (kind === 'Conv2D') {
      const out = layer.outputShape as (number | null)[];
      macs += (out[1] ?? 0) * (out[2] ?? 0) * kernel.reduce((a, b) => a * b, 1);
    } else if (kind === 'Dense') {
      macs += kernel[0] * kernel[1];
    }
  }
  return macs;
}

/**
 * The thread count to use: `threads` when given, else LETTER_LAB_TRAIN_THREADS, else one per
 * core for models big enough to gain from it (PARALLEL_MIN_MACS) and 1 for the others.
 */
export function trainingThreads(threads: number | undefined, model: tfl.LayersModel): number {
  const backend = activeBackend();
  if (backend === 'tensorflow') return 1;
  if (threads !== undefined) return threads;
  const fromEnv = threadsFromEnv();
  if (fromEnv !== null) return fromEnv;
  return forwardMacs(model) >= PARALLEL_MIN_MACS ? defaultTrainingThreads(backend) : 1;
}

/** A stepper that trains `model` on batches of `data` on `threads` threads. */
export async function createStepper(
  model: tfl.LayersModel,
  data: ImageSet,
  threads: number,
): Promise<StepperChoice> {
  const local = (): Stepper => new LocalStepper(model, data);
  const backend = activeBackend();
  if (threads <= 1 || backend === 'tensorflow') return { stepper: local(), fallback: null };
  try {
    // The training thread computes a shard too: one worker fewer than threads.
    const pool = await acquireWorkers(threads - 1, backend);
    try {
      return { stepper: await ParallelStepper.create(model, pool, data), fallback: null };
    } catch (err) {
      releaseWorkers(pool);
      throw err;
    }
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return {
      stepper: local(),
      fallback: `Training on one thread: the worker threads could not be used (${reason}).`,
    };
  }
}
