// The committed SIMD kernels module must be what its AssemblyScript source compiles to.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  compileAllKernels,
  compileKernels,
  KERNELS_MODULE,
  kernelsModuleText,
} from '../../scripts/kernels/compile';

describe('npm run build:kernels', () => {
  it('kernels-wasm.ts is up to date with assembly/kernels.ts (else run npm run build:kernels)', async () => {
    const binaries = await compileAllKernels();
    expect(readFileSync(KERNELS_MODULE, 'utf8')).toBe(kernelsModuleText(binaries));
  }, 60_000);

  it('compiles the same bytes twice (the build is reproducible)', async () => {
    const [a, b] = [await compileKernels('relaxed'), await compileKernels('relaxed')];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  }, 60_000);
});
