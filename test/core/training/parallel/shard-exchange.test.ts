// The barrier that batch normalisation's statistics go through between the threads of a batch,
// with real worker threads.
import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import {
  ShardAbortedError,
  ShardExchange,
} from '../../../../src-main/core/training/parallel/shard-exchange';
import { spawnWorker } from '../../../../src-main/core/training/parallel/spawn';
import { roundValues } from './exchange-values';

const ENTRY = fileURLToPath(new URL('./exchange-worker.ts', import.meta.url));
const workers: Worker[] = [];

type Reply = { ready?: true; seen?: number[][][]; error?: string; aborted?: true };

function next(worker: Worker): Promise<Reply> {
  return new Promise((resolve) => worker.once('message', resolve));
}

async function start(exchange: ShardExchange, shard: number): Promise<Worker> {
  const worker = spawnWorker(ENTRY, { buffer: exchange.buffer, shards: exchange.shards, shard });
  workers.push(worker);
  expect(await next(worker)).toEqual({ ready: true });
  return worker;
}

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.terminate()));
});

describe('ShardExchange', () => {
  it('hands one shard its own values without waiting', () => {
    const exchange = ShardExchange.create(3, 4);
    const mine = Float64Array.from([1, 2, 3]);
    expect(exchange.gather(0, 1, mine)).toEqual([mine]);
  });

  it('gives every shard every shard’s values, in shard order, round after round', async () => {
    const exchange = ShardExchange.create(3, 5);
    const [a, b] = [await start(exchange, 1), await start(exchange, 2)];
    const rounds = 200;
    const replies = [next(a), next(b)];
    a.postMessage({ rounds, participants: 3 });
    b.postMessage({ rounds, participants: 3 });
    const mine: number[][][] = [];
    for (let r = 0; r < rounds; r++) {
      mine.push(exchange.gather(0, 3, roundValues(0, r)).map((v) => Array.from(v)));
    }
    const [fromA, fromB] = await Promise.all(replies);
    const expected = Array.from({ length: rounds }, (_, r) =>
      [0, 1, 2].map((s) => Array.from(roundValues(s, r))),
    );
    expect(mine).toEqual(expected);
    expect(fromA.seen).toEqual(expected);
    expect(fromB.seen).toEqual(expected);
    // A step with fewer shards (a short last batch) leaves the third one out.
    const two = next(a);
    a.postMessage({ rounds: 3, participants: 2 });
    for (let r = 0; r < 3; r++) exchange.gather(0, 2, roundValues(0, r));
    expect((await two).seen?.[2]).toEqual([0, 1].map((s) => Array.from(roundValues(s, 2))));
  });

  it('stops a waiting shard with an error when another shard aborts', async () => {
    const exchange = ShardExchange.create(2, 5);
    const worker = await start(exchange, 1);
    worker.postMessage({ abortAfterMs: 200 });
    // Stopped by the abort, not by giving up after STALL_MS (that error says "did not answer").
    let stopped: unknown = null;
    try {
      exchange.gather(0, 2, Float64Array.of(1));
    } catch (err) {
      stopped = err;
    }
    expect(stopped).toBeInstanceOf(ShardAbortedError);
    expect((stopped as Error).message).toMatch(/another training thread stopped/);
    expect(await next(worker)).toEqual({ aborted: true });
    // and every exchange after that fails at once, in every thread
    expect(() => exchange.gather(0, 2, Float64Array.of(1))).toThrow(/another training thread/);
    const reply = next(worker);
    worker.postMessage({ rounds: 1, participants: 2 });
    expect((await reply).error).toMatch(/another training thread stopped/);
  });

  it('gives up on a shard that never comes, and says so', async () => {
    const exchange = ShardExchange.create(2, 5);
    const worker = await start(exchange, 1);
    const reply = next(worker);
    worker.postMessage({ rounds: 1, participants: 2 }); // the worker waits for shard 0 for 2 s
    expect((await reply).error).toMatch(/did not answer for 2 s/);
    expect(exchange.aborted).toBe(true);
  });

  it('refuses more values than it was made for', () => {
    const exchange = ShardExchange.create(2, 3);
    expect(() => exchange.gather(0, 2, new Float64Array(4))).toThrow(/holds 3/);
  });
});
