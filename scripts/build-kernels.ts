// `npm run build:kernels`: compiles Letter Lab's WebAssembly SIMD kernels
// (src-main/core/backend/simd/assembly/kernels.ts, AssemblyScript) and writes the binary, base64
// encoded, into src-main/core/backend/simd/kernels-wasm.ts. The bytes are embedded in a module
// rather than shipped as a file so that every place training runs (Node, worker threads, the
// Electron utility process inside app.asar) gets them from an ordinary import.
// `--check` exits 1 when the committed file is out of date (the unit tests check it too).

import { readFileSync, writeFileSync } from 'node:fs';
import { compileKernels, KERNELS_MODULE, kernelsModuleText } from './kernels/compile';

const binary = await compileKernels();
const text = kernelsModuleText(binary);
if (process.argv.includes('--check')) {
  const current = readFileSync(KERNELS_MODULE, 'utf8');
  if (current !== text) {
    console.error(`${KERNELS_MODULE} is out of date: run npm run build:kernels`);
    process.exit(1);
  }
  console.log(`${KERNELS_MODULE} is up to date (${binary.length} bytes of wasm)`);
} else {
  writeFileSync(KERNELS_MODULE, text);
  console.log(`wrote ${KERNELS_MODULE} (${binary.length} bytes of wasm)`);
}
