import { describe, it, expect } from 'vitest';
import type { Stats } from 'node:fs';
import { resolve } from 'node:path';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import {
  APP_FILES,
  LICENCE_FILES,
  SAMPLE_FILES,
  TFJS_NODE_BINARIES,
  findProblems,
  importedPackages,
  packageOf,
  unpackPatternsMatch,
} from '../../../scripts/dist-check/problems';
import type { AsarEntry, Expectations, PackInventory } from '../../../scripts/dist-check/problems';
import { readBuilderConfig } from '../../../scripts/dist-check/project';

const REPO = resolve(__dirname, '../../..');
const WASM = 'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm';

/** What electron-builder itself decides for one path, through its own FileMatcher. */
function electronBuilderUnpacks(patterns: string[], path: string): boolean {
  const matcher = new FileMatcher('/app', '/dest', (p) => p, patterns);
  const stat = { isDirectory: () => false, moduleFullFilePath: path } as unknown as Stats;
  return matcher.createFilter()(`/app/${path}`, stat);
}

describe('unpackPatternsMatch', () => {
  const patternSets = [
    [...[readBuilderConfig(REPO).asarUnpack ?? []].flat()],
    ['node_modules/foo'],
    ['**/*.node', '!**/skip/**'],
    ['./node_modules/a/dist/*.wasm'],
    ['**/*.so*', '!**/*.so.1', '**/keep/**'],
  ];
  const paths = [
    ...TFJS_NODE_BINARIES,
    WASM,
    'node_modules/@tensorflow/tfjs-backend-wasm/dist/tf-backend-wasm.node.js',
    'node_modules/@tensorflow/tfjs-core/dist/tf-core.node.js',
    'node_modules/foo/lib/x.js',
    'node_modules/foobar/x.js',
    'node_modules/a/dist/b.wasm',
    'node_modules/a/dist/sub/b.wasm',
    'node_modules/x/build/skip/y.node',
    'node_modules/x/build/y.node',
    'node_modules/x/.hidden/y.node',
    'lib/libz.so.1',
    'lib/libz.so.2',
    'keep/libz.so.1',
    'out/main/index.js',
  ];

  it('agrees with electron-builder on every pattern set and path', () => {
    for (const patterns of patternSets) {
      for (const path of paths) {
        expect([patterns, path, unpackPatternsMatch(patterns, path)]).toEqual([
          patterns,
          path,
          electronBuilderUnpacks(patterns, path),
        ]);
      }
    }
  });

  it('the real electron-builder.yml unpacks the wasm files and every tfjs-node binary, not the JS', () => {
    const patterns = [readBuilderConfig(REPO).asarUnpack ?? []].flat();
    for (const path of [...TFJS_NODE_BINARIES, WASM]) {
      expect([path, unpackPatternsMatch(patterns, path)]).toEqual([path, true]);
    }
    expect(unpackPatternsMatch(patterns, 'node_modules/@tensorflow/tfjs-core/dist/index.js')).toBe(
      false,
    );
    expect(
      unpackPatternsMatch(patterns, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/index.js'),
    ).toBe(false);
  });
});

describe('importedPackages', () => {
  it('finds packages in every import and require form, and skips files, builtins and electron', () => {
    const code = [
      `import path from "node:path";`,
      `import fs from 'fs';`,
      `import { app, BrowserWindow } from 'electron';`,
      `import * as tf from '@tensorflow/tfjs-core';`,
      `import {\n  z,\n  type ZodType\n} from "zod";`,
      `import '@tensorflow/tfjs-layers';`,
      `export { setWasmPaths } from '@tensorflow/tfjs-backend-wasm/dist/index.js';`,
      `const cpu = await import('@tensorflow/tfjs-backend-cpu');`,
      `const fetch = require("node-fetch");`,
      `const dir = path.dirname(require.resolve('seedrandom'));`,
      `import { helper } from './chunks/helper-abc.js';`,
      `import data from '../renderer/x.json';`,
      `const name = '@tensorflow/tfjs-node'; await import(name);`,
      `registry.handle("models:import", z.undefined(), async () => { throw new Error("x") });`,
    ].join('\n');
    expect(importedPackages(code)).toEqual([
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-wasm',
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-layers',
      'node-fetch',
      'seedrandom',
      'zod',
    ]);
  });

  it('names the package of a specifier', () => {
    expect(packageOf('@a/b/c/d.js')).toBe('@a/b');
    expect(packageOf('lodash/fp')).toBe('lodash');
    expect(packageOf('node:worker_threads')).toBeNull();
    expect(packageOf('worker_threads')).toBeNull();
    expect(packageOf('electron/main')).toBeNull();
    expect(packageOf('./x')).toBeNull();
  });
});

// A complete pack, then one thing broken at a time.
const FOO = 'node_modules/foo';
const FOO_CHILD = 'node_modules/foo-child';
const TFJS_NODE_BINDING = 'node_modules/@tensorflow/tfjs-node/lib/napi-v8/tfjs_binding.node';

function entry(path: string, kind: AsarEntry['kind'] = 'file', unpacked = false): AsarEntry {
  return { path, kind, unpacked };
}

function completeCase(): { expectations: Expectations; pack: PackInventory } {
  const files = [
    ...APP_FILES,
    'out/renderer/assets/index-1.js',
    'out/renderer/assets/index-1.css',
    `${FOO}/package.json`,
    `${FOO_CHILD}/package.json`,
  ];
  const asar = new Map<string, AsarEntry>();
  for (const dir of ['out', 'node_modules']) asar.set(dir, entry(dir, 'dir'));
  for (const f of files) asar.set(f, entry(f));
  for (const f of [WASM, TFJS_NODE_BINDING]) asar.set(f, entry(f, 'file', true));
  const sample = new Map(SAMPLE_FILES.map((name, i) => [name, 100 + i]));
  const resources = new Map<string, number>([
    ...[...sample].map(([name, size]) => [`sample/${name}`, size] as [string, number]),
    ...LICENCE_FILES.map((name) => [`licenses/${name}`, 10] as [string, number]),
  ]);
  return {
    expectations: {
      main: 'out/main/index.js',
      imports: new Map([['foo', 'out/main/index.js']]),
      notInstalled: [],
      runtimePackages: new Map([
        [FOO, '.'],
        [FOO_CHILD, FOO],
      ]),
      devOnlyPackages: ['node_modules/vite'],
      wasmFiles: [WASM],
      tfjsNodeBinaries: [TFJS_NODE_BINDING],
      asarUnpack: [],
      sample,
      debMetadata: [],
    },
    pack: { asar, unpackedOnDisk: new Set([WASM, TFJS_NODE_BINDING]), resources },
  };
}

describe('findProblems', () => {
  it('finds nothing wrong in a complete pack', () => {
    const { expectations, pack } = completeCase();
    expect(findProblems(expectations, pack)).toEqual([]);
  });

  const breakages: Array<[string, (c: ReturnType<typeof completeCase>) => void, RegExp]> = [
    [
      'no trainer',
      (c) => c.pack.asar.delete('out/main/trainer.js'),
      /missing out\/main\/trainer\.js/,
    ],
    ['no preload', (c) => c.pack.asar.delete('out/preload/index.cjs'), /out\/preload\/index\.cjs/],
    [
      'no renderer css',
      (c) => c.pack.asar.delete('out/renderer/assets/index-1.css'),
      /out\/renderer\/assets\/\*\.css/,
    ],
    [
      'sources packed',
      (c) => c.pack.asar.set('src-main', entry('src-main', 'dir')),
      /holds src-main/,
    ],
    [
      'source map packed',
      (c) => c.pack.asar.set('out/main/index.js.map', entry('out/main/index.js.map')),
      /source map: out\/main\/index\.js\.map/,
    ],
    [
      'runtime dependency missing',
      (c) => c.pack.asar.delete(`${FOO}/package.json`),
      /missing the runtime dependency node_modules\/foo, needed by out\/main\/index\.js/,
    ],
    [
      'indirect dependency missing',
      (c) => c.pack.asar.delete(`${FOO_CHILD}/package.json`),
      /node_modules\/foo-child, needed by node_modules\/foo\/package\.json/,
    ],
    [
      'import not installed',
      (c) => c.expectations.notInstalled.push('left-pad'),
      /left-pad is not installed/,
    ],
    [
      'devDependency packed',
      (c) => c.pack.asar.set('node_modules/vite', entry('node_modules/vite', 'dir')),
      /devDependency node_modules\/vite/,
    ],
    ['wasm packed', (c) => c.pack.asar.set(WASM, entry(WASM)), /tfjs-backend-wasm\.wasm is packed/],
    [
      'wasm not on disk',
      (c) => c.pack.unpackedOnDisk.delete(WASM),
      /tfjs-backend-wasm\.wasm is not in app\.asar\.unpacked/,
    ],
    ['no wasm at all', (c) => (c.expectations.wasmFiles = []), /No \.wasm files/],
    [
      'tfjs-node binding packed',
      (c) => c.pack.asar.set(TFJS_NODE_BINDING, entry(TFJS_NODE_BINDING)),
      /tfjs_binding\.node is packed inside app\.asar/,
    ],
    [
      'tfjs-node absent, patterns miss libtensorflow',
      (c) => {
        c.expectations.tfjsNodeBinaries = null;
        c.expectations.asarUnpack = ['**/*.{node,dll,dylib}', '**/libtensorflow_framework*'];
      },
      /asarUnpack does not cover node_modules\/@tensorflow\/tfjs-node\/deps\/lib\/libtensorflow\.so\.2\.9\.1/,
    ],
    [
      'sample not generated',
      (c) => c.expectations.sample.delete('sample-letters.mat'),
      /resources\/sample\/sample-letters\.mat is missing in the project: run npm run make-sample/,
    ],
    [
      'sample not packed',
      (c) => c.pack.resources.delete('sample/FONTS.md'),
      /package is missing resources\/sample\/FONTS\.md/,
    ],
    [
      'sample changed size',
      (c) => c.pack.resources.set('sample/sample-letters.json', 1),
      /sample-letters\.json is 1 bytes in the package, 101 here/,
    ],
    [
      'licences not packed',
      (c) => c.pack.resources.delete('licenses/THIRD-PARTY-NOTICES.md'),
      /resources\/licenses\/THIRD-PARTY-NOTICES\.md/,
    ],
  ];

  for (const [name, breakIt, message] of breakages) {
    it(`names the problem: ${name}`, () => {
      const c = completeCase();
      breakIt(c);
      const problems = findProblems(c.expectations, c.pack);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(message);
    });
  }

  it('names only the missing package, not each of its own dependencies', () => {
    const c = completeCase();
    c.pack.asar.delete(`${FOO}/package.json`);
    c.pack.asar.delete(`${FOO_CHILD}/package.json`);
    const problems = findProblems(c.expectations, c.pack);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('node_modules/foo,');
  });

  it('lists every problem when several things are missing', () => {
    const c = completeCase();
    c.pack.asar.delete('out/main/index.js');
    c.pack.unpackedOnDisk.clear();
    c.pack.resources.clear();
    const problems = findProblems(c.expectations, c.pack);
    expect(problems.length).toBe(1 + 2 + SAMPLE_FILES.length + LICENCE_FILES.length);
  });
});
