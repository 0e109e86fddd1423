// Where the tfjs-backend-wasm binaries (*.wasm) are, on disk. The ONE place that decides it.
//
// tfjs-backend-wasm's Node build looks for its .wasm files next to its own JS file (__dirname),
// which is right while the package is loaded from node_modules (tsx, vitest, and the Electron
// bundle, where electron.vite.config.ts keeps @tensorflow/* external). We still hand it an
// explicit folder so that it keeps working if the package ever gets bundled or moved:
//   1. LETTER_LAB_WASM_DIR, if set: a folder holding tfjs-backend-wasm*.wasm. A packaged Electron
//      app whose binaries sit outside the asar archive (electron-builder `asarUnpack`) sets this
//      to <resources>/app.asar.unpacked/node_modules/@tensorflow/tfjs-backend-wasm/dist before
//      calling initBackend. (Inside app.asar works too: Electron's fs reads from the archive.)
//   2. Otherwise the dist/ folder of the installed @tensorflow/tfjs-backend-wasm, found with
//      Node's module resolution from this file.

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LetterLabError } from '../errors';

/** The binary tfjs-backend-wasm loads when WebAssembly SIMD is available (always, in Node 20). */
export const WASM_SIMD_BINARY = 'tfjs-backend-wasm-simd.wasm';
export const WASM_PLAIN_BINARY = 'tfjs-backend-wasm.wasm';
export const WASM_DIR_ENV = 'LETTER_LAB_WASM_DIR';

/** The folder with the wasm binaries, ending in a path separator (setWasmPaths wants a prefix). */
export function wasmBinaryDir(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env[WASM_DIR_ENV];
  let dir: string;
  if (fromEnv) {
    dir = path.resolve(fromEnv);
  } else {
    const require = createRequire(import.meta.url);
    // The package's "main" is dist/tf-backend-wasm.node.js, next to the binaries.
    dir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  }
  const missing = [WASM_SIMD_BINARY, WASM_PLAIN_BINARY].filter(
    (f) => !existsSync(path.join(dir, f)),
  );
  if (missing.length > 0) {
    const source = fromEnv
      ? `${WASM_DIR_ENV}=${fromEnv}`
      : 'the installed @tensorflow/tfjs-backend-wasm';
    throw new LetterLabError(
      'training.backend-unavailable',
      `The WebAssembly training engine is incomplete: ${missing.join(' and ')} not found in ${dir} ` +
        `(from ${source}). Reinstall Letter Lab, or point ${WASM_DIR_ENV} at the folder holding these files.`,
    );
  }
  return dir.endsWith(path.sep) ? dir : dir + path.sep;
}
