import os from 'node:os';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// `vitest --mode fast` (npm run test:fast) leaves out the slow tests, named *.slow.test.ts: real-data
// training, training and measuring processes, every preset on the native path, benchmarks, crashes,
// the gzip bomb, and builds of the sample set and the kernels.
const SLOW = '**/*.slow.test.ts';

export default defineConfig(({ mode }) => ({
  test: {
    // Vitest leaves one core free by default, which on a 2-core laptop means one test file at a
    // time. The fast tests are short and single-threaded, so they get every core (120 s -> 80 s
    // here); the full suite keeps the default, as its slow tests start training threads of their own.
    ...(mode === 'fast' ? { maxWorkers: os.availableParallelism() } : {}),
    projects: [
      {
        // Renderer state (`*.svelte.ts`) and its `*.svelte.test.ts` tests are compiled by Svelte for
        // the browser, as the app runs them, and import the browser build of `svelte` (flushSync,
        // $effect.root); everything else keeps Node's own packages (tfjs stays on its Node build).
        plugins: [svelte({ dynamicCompileOptions: () => ({ generate: 'client' }) })],
        ssr: { resolve: { conditions: ['browser', ...defaultServerConditions] } },
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', ...(mode === 'fast' ? [SLOW] : [])],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 180_000,
          // A page on a busy 2-core machine can take seconds to paint what a poll waits for;
          // Vitest's default of 1 s failed there. A poll still returns as soon as it holds.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
}));
