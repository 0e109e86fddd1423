import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { REQUIRED_RUNTIME } from '../../../scripts/dist-check/problems';
import { debMetadataProblems, readExpectations } from '../../../scripts/dist-check/project';

let project = '';

function write(file: string, text: string): void {
  mkdirSync(dirname(join(project, file)), { recursive: true });
  writeFileSync(join(project, file), text);
}

function pkg(dir: string, dependencies: Record<string, string> = {}): void {
  write(`${dir}/package.json`, JSON.stringify({ name: dir, version: '1.0.0', dependencies }));
}

// A small project on disk: what the built code imports, nested and hoisted packages, tfjs-node.
beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'letter-lab-dist-project-'));
  write(
    'package.json',
    JSON.stringify({
      main: 'out/main/index.js',
      dependencies: { a: '1', 'cli-only': '1', zod: '1' },
      optionalDependencies: { '@tensorflow/tfjs-node': '1', 'opt-missing': '1' },
      devDependencies: { shared: '1', 'dev-tool': '1', 'dev-used': '1' },
    }),
  );
  write(
    'electron-builder.yml',
    "asarUnpack:\n  - '**/*.node'\nlinux:\n  maintainer: M <m@x.org>\n",
  );
  write(
    'out/main/index.js',
    "import { a } from 'a';\nimport 'node:path';\nconst d = require('dev-used');\n",
  );
  write('out/main/trainer.js', "import * as tf from '@tensorflow/tfjs-core';\n");
  write('out/preload/index.cjs', "const { contextBridge } = require('electron');\n");
  for (const name of REQUIRED_RUNTIME) pkg(`node_modules/${name}`);
  pkg('node_modules/a', { shared: '2' });
  pkg('node_modules/a/node_modules/shared');
  pkg('node_modules/shared');
  pkg('node_modules/cli-only');
  pkg('node_modules/dev-tool');
  pkg('node_modules/dev-used');
  pkg('node_modules/@tensorflow/tfjs-node', { 'adm-zip': '1' });
  pkg('node_modules/adm-zip');
  write('node_modules/@tensorflow/tfjs-node/lib/napi-v8/tfjs_binding.node', 'bin');
  write('node_modules/@tensorflow/tfjs-node/deps/lib/libtensorflow.so.2.9.1', 'lib');
  symlinkSync(
    'libtensorflow.so.2.9.1',
    join(project, 'node_modules/@tensorflow/tfjs-node/deps/lib/libtensorflow.so.2'),
  );
  write('node_modules/@tensorflow/tfjs-node/deps/lib/tensorflow.dll', 'dll');
  write('node_modules/@tensorflow/tfjs-node/dist/index.js', '');
  write('node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm', 'wasm');
  write('node_modules/@tensorflow/tfjs-backend-wasm/dist/sub/other.wasm', 'wasm');
  write('resources/sample/sample-letters.mat', '12345');
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('readExpectations', () => {
  it('needs what the built code imports, and all it depends on, resolved like Node', () => {
    const e = readExpectations(project);
    expect([...e.imports]).toEqual([
      ['a', 'out/main/index.js'],
      ['dev-used', 'out/main/index.js'],
      ['@tensorflow/tfjs-core', 'out/main/trainer.js'],
    ]);
    expect(e.runtimePackages.get('node_modules/a')).toBe('.');
    // a's own copy of shared, not the hoisted devDependency.
    expect(e.runtimePackages.get('node_modules/a/node_modules/shared')).toBe('node_modules/a');
    expect(e.runtimePackages.has('node_modules/shared')).toBe(false);
    expect(e.runtimePackages.get('node_modules/adm-zip')).toBe(
      'node_modules/@tensorflow/tfjs-node',
    );
    for (const name of REQUIRED_RUNTIME)
      expect(e.runtimePackages.get(`node_modules/${name}`)).toBe('.');
    // Declared but never imported by the app code (the CLI's tsx, for example): not needed.
    expect(e.runtimePackages.has('node_modules/cli-only')).toBe(false);
    expect(e.notInstalled).toEqual([]);
  });

  it('keeps devDependencies out unless the app code needs them', () => {
    const e = readExpectations(project);
    expect(e.devOnlyPackages.sort()).toEqual(['node_modules/dev-tool', 'node_modules/shared']);
  });

  it('lists tfjs-node binaries a Linux pack holds, the top-level wasm files, the sample and the config', () => {
    const e = readExpectations(project);
    expect(e.tfjsNodeBinaries?.sort()).toEqual([
      'node_modules/@tensorflow/tfjs-node/deps/lib/libtensorflow.so.2',
      'node_modules/@tensorflow/tfjs-node/deps/lib/libtensorflow.so.2.9.1',
      'node_modules/@tensorflow/tfjs-node/lib/napi-v8/tfjs_binding.node',
    ]);
    expect(e.wasmFiles).toEqual([
      'node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm',
    ]);
    expect([...e.sample]).toEqual([['sample-letters.mat', 5]]);
    expect(e.asarUnpack).toEqual(['**/*.node']);
    expect(e.main).toBe('out/main/index.js');
    expect(e.debMetadata).toHaveLength(1);
    expect(e.debMetadata[0]).toContain('homepage');
  });

  it('reports an imported package that is not installed, but not a missing optional one', () => {
    write('out/preload/extra.cjs', "require('left-pad');\n");
    try {
      expect(readExpectations(project).notInstalled).toEqual(['left-pad']);
    } finally {
      rmSync(join(project, 'out/preload/extra.cjs'));
    }
  });

  it('fails clearly when the app is not built', () => {
    rmSync(join(project, 'out/preload'), { recursive: true });
    try {
      expect(() => readExpectations(project)).toThrow(
        /out\/preload holds no built code.*electron-vite build/,
      );
    } finally {
      write('out/preload/index.cjs', "require('electron');\n");
    }
  });
});

describe('debMetadataProblems', () => {
  it('accepts a homepage or a GitHub repository, and an author e-mail or a maintainer', () => {
    expect(
      debMetadataProblems(
        { homepage: 'https://x.org', author: { name: 'A', email: 'a@x.org' } },
        {},
      ),
    ).toEqual([]);
    expect(
      debMetadataProblems({ repository: 'github:owner/repo', author: 'A <a@x.org>' }, {}),
    ).toEqual([]);
    expect(
      debMetadataProblems({ homepage: 'https://x.org' }, { deb: { maintainer: 'M <m@x.org>' } }),
    ).toEqual([]);
  });

  it('names each missing field', () => {
    const problems = debMetadataProblems({ author: 'A' }, {});
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/"homepage"/);
    expect(problems[1]).toMatch(/"author": \{ "name", "email" \}/);
  });
});
