// `npm run build:kernels`: compiles Letter Lab's WebAssembly SIMD kernels
// (src-main/core/backend/simd/assembly/kernels.ts, AssemblyScript), SIMD only and with relaxed
// SIMD, and writes both binaries, base64 encoded, into src-main/core/backend/simd/kernels-wasm.ts.
// The bytes are embedded in a module rather than shipped as a file so that every place training
// runs (Node, worker threads, the Electron utility process inside app.asar) gets them from an
// ordinary import.
// `--check` exits 1 when the committed file is out of date (the unit tests check it too).

import { readFileSync, writeFileSync } from 'node:fs';
import { compileAllKernels, KERNELS_MODULE, kernelsModuleText } from './kernels/compile';

const binaries = await compileAllKernels();
const text = kernelsModuleText(binaries);
const bytes = `${binaries.plain.length} + ${binaries.relaxed.length} bytes of wasm`;
if (process.argv.includes('--check')) {
  const current = readFileSync(KERNELS_MODULE, 'utf8');
  if (current !== text) {
    console.error(`${KERNELS_MODULE} is out of date: run npm run build:kernels`);
    process.exit(1);
  }
  console.log(`${KERNELS_MODULE} is up to date (${bytes})`);
} else {
  writeFileSync(KERNELS_MODULE, text);
  console.log(`wrote ${KERNELS_MODULE} (${bytes})`);
}
