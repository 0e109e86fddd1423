// Loads the packed dependencies the way the packaged app does: app.asar (with its unpacked files)
// is extracted, and plain Node imports every package the app code imports from that tree, then starts
// TensorFlow.js on the WebAssembly backend and runs one op. This catches files that "files" patterns
// dropped from inside a package, which the package.json-level checks cannot see.

import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractAll } from '@electron/asar';

const SMOKE_TIMEOUT_MS = 120_000;
const SCRIPT = 'dist-check-smoke.mjs';

function smokeScript(imports: string[]): string {
  return `import { fileURLToPath } from 'node:url';
for (const name of ${JSON.stringify(imports)}) await import(name);
const tf = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-layers');
const { setWasmPaths } = await import('@tensorflow/tfjs-backend-wasm');
setWasmPaths(fileURLToPath(new URL('./node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url)));
if (!(await tf.setBackend('wasm'))) throw new Error('the wasm backend did not start');
const squares = Array.from(tf.square(tf.tensor([1, 2, 3])).dataSync());
console.log(JSON.stringify({ backend: tf.getBackend(), squares }));
`;
}

/** Problems found loading the packed app's dependencies with plain Node; empty when all loads. */
export function smokeTest(appOutDir: string, work: string, imports: string[]): string[] {
  const tree = join(work, 'extracted');
  extractAll(join(appOutDir, 'resources/app.asar'), tree);
  writeFileSync(join(tree, SCRIPT), smokeScript(imports));
  const env = { ...process.env };
  delete env.NODE_PATH;
  delete env.NODE_OPTIONS;
  let out: string;
  try {
    out = execFileSync(process.execPath, [SCRIPT], {
      cwd: tree,
      env,
      encoding: 'utf8',
      timeout: SMOKE_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    const stderr = String((err as { stderr?: unknown }).stderr ?? err);
    const lines = stderr.split('\n');
    const at = lines.findIndex((line) => /^[A-Za-z]*Error( \[[A-Z_]+\])?:/.test(line));
    const firstStackFile = lines.slice(at + 1).find((line) => line.startsWith('- '));
    const reason =
      at >= 0 ? lines[at] + (firstStackFile ? ` (from ${firstStackFile.slice(2)})` : '') : stderr;
    return [`The packed dependencies do not load with Node: ${reason.trim().slice(0, 300)}`];
  }
  const result = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
    backend?: string;
    squares?: number[];
  };
  if (result.backend !== 'wasm' || result.squares?.join(',') !== '1,4,9') {
    return [`TensorFlow.js from the package computed ${out.trim()} instead of 1,4,9 on wasm.`];
  }
  return [];
}
