// A worker for shard-exchange.test.ts: shard `shard` of an exchange, answering a script of
// rounds the test sends (the values each round depends on the shard and the round).
import { parentPort, workerData } from 'node:worker_threads';
import { ShardExchange } from '../../../../src-main/core/training/parallel/shard-exchange';
import { roundValues } from './exchange-values';

interface Start {
  buffer: SharedArrayBuffer;
  shards: number;
  shard: number;
}

const { buffer, shards, shard } = workerData as Start;
const exchange = new ShardExchange(buffer, shards, 2_000);

parentPort?.on(
  'message',
  (m: { rounds: number; participants: number } | { abortAfterMs: number }) => {
    if ('abortAfterMs' in m) {
      setTimeout(() => {
        exchange.abort();
        parentPort?.postMessage({ aborted: true });
      }, m.abortAfterMs);
      return;
    }
    const seen: number[][][] = [];
    try {
      for (let r = 0; r < m.rounds; r++) {
        const all = exchange.gather(shard, m.participants, roundValues(shard, r));
        seen.push(all.map((a) => Array.from(a)));
      }
      parentPort?.postMessage({ seen });
    } catch (err) {
      parentPort?.postMessage({ error: err instanceof Error ? err.message : String(err) });
    }
  },
);
parentPort?.postMessage({ ready: true });
