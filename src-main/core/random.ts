// The one seeded random source of the core: the split, the per-epoch shuffles and the explorer's
// random picks all use it, so the same seed always gives the same letters.

/**
 * mulberry32: a small, fast 32-bit PRNG (Tommy Ettinger, public domain). Returns floats in
 * [0, 1); the same seed always gives the same sequence.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Shuffles `values` in place by Fisher-Yates (Durstenfeld) with mulberry32(seed); returns it. */
export function shuffleInPlace(values: Uint32Array, seed: number): Uint32Array {
  const random = mulberry32(seed);
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = values[i];
    values[i] = values[j];
    values[j] = t;
  }
  return values;
}
