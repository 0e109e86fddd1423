// numpy's legacy RandomState, as far as scikit-learn's train_test_split uses it: the MT19937
// generator seeded with an integer (init_genrand, numpy's `_legacy_seeding`), the masked
// rejection draw of a bounded integer (`random_interval`) and `permutation(n)`, which shuffles
// 0..n-1 from the last position down (numpy's legacy `_shuffle_raw`). The same seed gives the
// same numbers as `np.random.RandomState(seed)` for any seed numpy accepts (0..2**32-1).

/** The largest seed numpy's legacy seeding accepts: 2**32 - 1. */
export const MAX_NUMPY_SEED = 0xffffffff;

const N = 624;
const M = 397;
const UPPER = 0x80000000;
const LOWER = 0x7fffffff;
const MATRIX_A = 0x9908b0df;

/** The Mersenne Twister MT19937 with numpy's integer seeding. */
export class MT19937 {
  private readonly key = new Uint32Array(N);
  private pos = N;

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > MAX_NUMPY_SEED) {
      throw new RangeError(`seed must be a whole number 0..${MAX_NUMPY_SEED}, not ${seed}`);
    }
    // key[i] = 1812433253 * (key[i-1] ^ (key[i-1] >>> 30)) + i, modulo 2**32.
    this.key[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = this.key[i - 1];
      this.key[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0;
    }
  }

  /** The first words of the seeded state (for tests against numpy's get_state()). */
  stateWord(i: number): number {
    return this.key[i];
  }

  private refill(): void {
    const key = this.key;
    for (let i = 0; i < N; i++) {
      const y = (key[i] & UPPER) | (key[(i + 1) % N] & LOWER);
      key[i] = key[(i + M) % N] ^ (y >>> 1) ^ (y & 1 ? MATRIX_A : 0);
    }
    this.pos = 0;
  }

  /** The next 32-bit output (genrand_int32), 0..2**32-1. */
  nextUint32(): number {
    if (this.pos >= N) this.refill();
    let y = this.key[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * A whole number 0..max (max below 2**32), as numpy's random_interval draws it: keep the
   * bits of the smallest all-ones mask covering max and draw again while the value is above max.
   */
  interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let value: number;
    do value = (this.nextUint32() & mask) >>> 0;
    while (value > max);
    return value;
  }
}

/** `np.random.RandomState(seed).permutation(n)`: 0..n-1 in numpy's shuffled order. */
export function numpyPermutation(n: number, seed: number): Uint32Array {
  const random = new MT19937(seed);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i >= 1; i--) {
    const j = random.interval(i);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  return order;
}
