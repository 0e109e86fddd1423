// The process keeps its gradient workers between runs (starting them takes a second or two):
// a finished run hands its pool back, the next run of the same size and backend takes it. Idle
// workers do not keep the process alive.

import type { WorkerStart } from './protocol';
import { WorkerPool } from './pool';
import { workerEntryFile } from './spawn';

let idle: WorkerPool | null = null;
const inUse = new Set<WorkerPool>();

/** A pool of `size` workers on `backend`; throws when workers cannot be started here. */
export async function acquireWorkers(
  size: number,
  backend: WorkerStart['backend'],
): Promise<WorkerPool> {
  if (idle && idle.size === size && idle.backend === backend && !idle.broken) {
    const pool = idle;
    idle = null;
    pool.setInUse(true);
    inUse.add(pool);
    return pool;
  }
  if (idle) {
    void idle.terminate();
    idle = null;
  }
  const entry = workerEntryFile();
  if (entry === null) throw new Error('the worker entry file is missing from this installation');
  const pool = await WorkerPool.start(size, backend, entry);
  inUse.add(pool);
  return pool;
}

/** Hands a pool back after a run; a broken one is shut down. */
export function releaseWorkers(pool: WorkerPool): void {
  inUse.delete(pool);
  if (pool.broken) {
    void pool.terminate();
    return;
  }
  if (idle) void idle.terminate();
  pool.setInUse(false);
  idle = pool;
}

/** tf.memory().numTensors of every live worker (in-use pools first, then the idle one). */
export async function trainingWorkerTensors(): Promise<number[]> {
  const pools = [...inUse, ...(idle ? [idle] : [])];
  const counts = await Promise.all(pools.map((p) => p.numTensors()));
  return counts.flat();
}

/** Ends the idle workers (in-use pools end when their run hands them back). */
export async function shutdownTrainingWorkers(): Promise<void> {
  const pool = idle;
  idle = null;
  await pool?.terminate();
}

/** Ends every worker, also those of a running training (which then goes on in its own thread). */
export async function terminateTrainingWorkers(): Promise<void> {
  const pools = [...inUse, ...(idle ? [idle] : [])];
  idle = null;
  await Promise.all(pools.map((p) => p.terminate()));
}
