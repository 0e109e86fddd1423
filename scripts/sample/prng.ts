// Small seeded random numbers so `npm run make-sample` is byte-for-byte reproducible.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const UINT32 = 0x1_0000_0000;

/** FNV-1a hash of a string (UTF-16 code units), as an unsigned 32-bit integer. */
export function hashString(text: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}

/** FNV-1a hash of every `step`-th byte of `bytes` (e.g. step 4 = the red channel of RGBA). */
export function hashBytes(bytes: ArrayLike<number>, step = 1): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < bytes.length; i += step) {
    hash ^= bytes[i] & 0xff;
    hash = Math.imul(hash, FNV_PRIME) >>> 0;
  }
  return hash >>> 0;
}

/** Mulberry32: returns a function that yields numbers in [0, 1), the same sequence for the same seed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / UINT32;
  };
}

/** A random number generator seeded from a text key (e.g. face + letter + variant). */
export function rngFor(key: string): () => number {
  return mulberry32(hashString(key));
}

/** Uniform number in [min, max). */
export function uniform(rng: () => number, min: number, max: number): number {
  return min + (max - min) * rng();
}
