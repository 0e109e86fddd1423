// NumPy's .npz: a zip archive with one .npy file per array, "<key>.npy".
// np.load(path)[key] gives the array back; positional arrays get the keys
// arr_0, arr_1, ... exactly as np.savez(path, *arrays) would name them.

import { encodeNpy, type NpyArray } from './npy';
import { zipArchive } from './zip';

export interface NpzOptions {
  /** Deflate like np.savez_compressed; default false (stored, like np.savez). */
  compress?: boolean;
}

/** The key np.savez gives the i-th positional array. */
export function positionalKey(index: number): string {
  return `arr_${index}`;
}

/** Encodes arrays as a .npz with the keys arr_0, arr_1, ... (np.savez's positional names). */
export function encodeNpz(arrays: NpyArray[], options: NpzOptions = {}): Uint8Array {
  return encodeNamedNpz(
    arrays.map((a, i): [string, NpyArray] => [positionalKey(i), a]),
    options,
  );
}

/** Encodes [key, array] pairs as a .npz, in the given order; keys must be unique. */
export function encodeNamedNpz(arrays: [string, NpyArray][], options: NpzOptions = {}): Uint8Array {
  const entries = arrays.map(([key, array]) => ({ name: `${key}.npy`, data: encodeNpy(array) }));
  return zipArchive(entries, { compress: options.compress ?? false });
}
