// The values the shards of shard-exchange.test.ts send, shared by the test and its workers.

/** The values shard `s` sends in round `r`: a length and contents that both vary. */
export function roundValues(s: number, r: number): Float64Array {
  return Float64Array.from({ length: 1 + ((r + s) % 5) }, (_, i) => s * 1000 + r + i / 10);
}
