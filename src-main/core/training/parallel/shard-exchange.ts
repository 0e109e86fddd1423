// Batch normalisation's per-channel sums, exchanged between the threads that share a batch in the
// middle of their forward and backward passes (see core/backend/kernels/batch-norm-train).
//
// One SharedArrayBuffer per data-parallel run, shared by the training thread (shard 0) and every
// worker (shard 1, 2, ...). An exchange is a barrier: each shard writes its values into its own
// slot and waits (Atomics.wait, a few microseconds to wake) until every shard of the step has
// written; then each reads all the slots in shard order. Rounds alternate between two sets of
// slots: a shard can only start round r + 2 after every shard has arrived at round r + 1, that
// is after every shard has finished reading round r, so no slot is overwritten while still read.
//
// A shard that fails, or a pool that is shut down, aborts the exchange: everyone waiting throws
// instead of waiting for a shard that will never come, and the run goes on in one thread (a new
// run makes a new exchange). A shard that never arrives (a worker killed from outside) is given
// up on after STALL_MS.

/** Int32 header: abort flag, shards arrived in this round, round counter. */
const ABORT = 0;
const ARRIVED = 1;
const ROUND = 2;
const HEADER_BYTES = 16;

/** How long a shard waits for the others before it gives up on them. */
export const STALL_MS = 60_000;
/** Wait in slices this long, to notice an abort even when no one notifies. */
const WAIT_SLICE_MS = 250;

export class ShardAbortedError extends Error {}

export class ShardExchange {
  private readonly header: Int32Array;
  private readonly slots: Float64Array;

  /**
   * An exchange for up to `shards` shards of at most `values` numbers per exchange (each slot
   * also holds its length).
   */
  static create(shards: number, values: number): ShardExchange {
    const floats = 2 * shards * (values + 1);
    return new ShardExchange(new SharedArrayBuffer(HEADER_BYTES + floats * 8), shards);
  }

  /**
   * The exchange in `buffer` (made by create, possibly in another thread); a shard gives up on the
   * others after `stallMs`.
   */
  constructor(
    readonly buffer: SharedArrayBuffer,
    readonly shards: number,
    private readonly stallMs = STALL_MS,
  ) {
    this.header = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.slots = new Float64Array(buffer, HEADER_BYTES);
  }

  private get slotSize(): number {
    return this.slots.length / (2 * this.shards);
  }

  /** The largest number of values one shard can send per exchange. */
  get capacity(): number {
    return this.slotSize - 1;
  }

  get aborted(): boolean {
    return Atomics.load(this.header, ABORT) !== 0;
  }

  /** Makes every waiting and later exchange throw (a shard failed, or the workers stop). */
  abort(): void {
    Atomics.store(this.header, ABORT, 1);
    Atomics.notify(this.header, ROUND);
  }

  /**
   * Sends `mine` as shard `shard` of `shards` and returns every shard's values in shard order,
   * once all have sent theirs. Every shard of a step makes the same sequence of calls.
   */
  gather(shard: number, shards: number, mine: Float64Array): Float64Array[] {
    if (shards === 1) return [mine];
    if (mine.length > this.capacity) {
      throw new Error(`a shard sends ${mine.length} values, the exchange holds ${this.capacity}`);
    }
    this.throwIfAborted();
    const round = Atomics.load(this.header, ROUND);
    const base = (round & 1) * this.shards * this.slotSize;
    const slot = base + shard * this.slotSize;
    this.slots[slot] = mine.length;
    this.slots.set(mine, slot + 1);
    if (Atomics.add(this.header, ARRIVED, 1) + 1 === shards) {
      Atomics.store(this.header, ARRIVED, 0);
      Atomics.add(this.header, ROUND, 1);
      Atomics.notify(this.header, ROUND);
    } else {
      this.waitWhileRound(round);
    }
    const all: Float64Array[] = [];
    for (let s = 0; s < shards; s++) {
      const at = base + s * this.slotSize;
      all.push(this.slots.slice(at + 1, at + 1 + this.slots[at]));
    }
    return all;
  }

  private waitWhileRound(round: number): void {
    const started = Date.now();
    while (Atomics.load(this.header, ROUND) === round) {
      this.throwIfAborted();
      if (Date.now() - started > this.stallMs) {
        this.abort();
        throw new ShardAbortedError(
          `another training thread did not answer for ${this.stallMs / 1000} s`,
        );
      }
      Atomics.wait(this.header, ROUND, round, WAIT_SLICE_MS);
    }
  }

  private throwIfAborted(): void {
    if (this.aborted) throw new ShardAbortedError('another training thread stopped');
  }
}
