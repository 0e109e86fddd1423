// The committed SIMD kernels module must be what its AssemblyScript source compiles to.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileKernels, KERNELS_MODULE, kernelsModuleText } from '../../scripts/kernels/compile';

describe('npm run build:kernels', () => {
  it('kernels-wasm.ts is up to date with assembly/kernels.ts (else run npm run build:kernels)', async () => {
    const binary = await compileKernels();
    expect(readFileSync(KERNELS_MODULE, 'utf8')).toBe(kernelsModuleText(binary));
  }, 60_000);

  it('compiles the same bytes twice (the build is reproducible)', async () => {
    const [a, b] = [await compileKernels(), await compileKernels()];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  }, 60_000);
});
