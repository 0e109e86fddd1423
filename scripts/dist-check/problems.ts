// What a packed Letter Lab must hold, checked against what electron-builder produced. Pure logic:
// project.ts reads the expectations, pack.ts reads the packed folder.

import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { minimatch } from 'minimatch';

export const APP_FILES = [
  'package.json',
  'out/main/index.js',
  'out/main/trainer.js',
  'out/preload/index.cjs',
  'out/renderer/index.html',
];
export const APP_ROOT_ENTRIES = ['out', 'node_modules', 'package.json'];
/** Loaded by the main and training processes, whatever the bundler keeps external. */
export const REQUIRED_RUNTIME = [
  '@tensorflow/tfjs-core',
  '@tensorflow/tfjs-layers',
  '@tensorflow/tfjs-backend-cpu',
  '@tensorflow/tfjs-backend-wasm',
  'zod',
];
export const SAMPLE_FILES = ['sample-letters.mat', 'sample-letters.json', 'FONTS.md'];
export const LICENCE_FILES = ['THIRD-PARTY-NOTICES.md', 'Apache-2.0.txt'];
export const WASM_PACKAGE = 'node_modules/@tensorflow/tfjs-backend-wasm';
export const TFJS_NODE = 'node_modules/@tensorflow/tfjs-node';
/** Where tfjs-node keeps its binaries once installed, per OS (checked while it is not installed). */
export const TFJS_NODE_BINARIES = [
  `${TFJS_NODE}/lib/napi-v8/tfjs_binding.node`,
  `${TFJS_NODE}/lib/napi-v8/tensorflow.dll`,
  `${TFJS_NODE}/deps/lib/libtensorflow.so.2.9.1`,
  `${TFJS_NODE}/deps/lib/libtensorflow_framework.so.2`,
  `${TFJS_NODE}/deps/lib/libtensorflow.2.dylib`,
  `${TFJS_NODE}/deps/lib/tensorflow.dll`,
];

/** One entry of app.asar: a path relative to the app root, `/`-separated. */
export interface AsarEntry {
  path: string;
  kind: 'file' | 'dir' | 'link';
  unpacked: boolean;
}

/** What the packed folder holds. */
export interface PackInventory {
  asar: Map<string, AsarEntry>;
  /** Files in resources/app.asar.unpacked, relative to it. */
  unpackedOnDisk: Set<string>;
  /** Files in resources/resources (the app's extraResources), relative to it, with sizes. */
  resources: Map<string, number>;
}

/** What the project says the packed app must hold. */
export interface Expectations {
  /** package.json "main". */
  main: string;
  /** Bare packages the built Node code imports, each with the first file that imports it. */
  imports: Map<string, string>;
  /** Needed packages that are not installed (missing optional ones are not listed). */
  notInstalled: string[];
  /**
   * `node_modules/...` folders of REQUIRED_RUNTIME, the imports, and all they depend on, each with
   * the folder that depends on it ('.' for those the app itself needs).
   */
  runtimePackages: Map<string, string>;
  /** `node_modules/<name>` of devDependencies that no runtime package needs. */
  devOnlyPackages: string[];
  /** tfjs-backend-wasm's .wasm files, `node_modules/...` paths. */
  wasmFiles: string[];
  /** tfjs-node's binaries as `node_modules/...` paths when installed, null when not. */
  tfjsNodeBinaries: string[] | null;
  /** The config's asarUnpack patterns. */
  asarUnpack: string[];
  /** Files in the project's resources/sample, with sizes. */
  sample: Map<string, number>;
  /** What the deb target would stop on (missing homepage or maintainer e-mail). */
  debMetadata: string[];
}

/**
 * Whether electron-builder's asarUnpack patterns select `path`. Mirrors app-builder-lib's
 * FileMatcher: patterns apply in order, `!` excludes, minimatch with dot files, and a plain folder
 * name without a dot or glob also selects everything below it.
 */
export function unpackPatternsMatch(patterns: readonly string[], path: string): boolean {
  let matched = false;
  for (const raw of patterns) {
    const negate = raw.startsWith('!');
    if (matched !== negate) continue;
    const pattern = posix.normalize((negate ? raw.slice(1) : raw).replace(/^\.\//, ''));
    const candidates = [pattern];
    if (!pattern.includes('.') && !/[*?[\]{}()!+@]/.test(pattern)) {
      candidates.push(`${pattern}/**/*`);
    }
    if (candidates.some((p) => minimatch(path, p, { dot: true }))) matched = !negate;
  }
  return matched;
}

const NODE_BUILTINS = new Set(builtinModules);
const IMPORT_PATTERNS = [
  /\b(?:import|export)\s[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
  // A side-effect import starts a statement; "models:import" inside a string must not count.
  /(?:^|[;{}])\s*import\s*['"]([^'"\n]+)['"]/gm,
  /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  /\brequire(?:\.resolve)?\(\s*['"]([^'"]+)['"]\s*\)/g,
];

/** The npm package a specifier names ("@a/b/c" -> "@a/b", "x/y" -> "x"); null for files, builtins, electron. */
export function packageOf(specifier: string): string | null {
  if (/^[./]/.test(specifier) || specifier.includes(':')) return null;
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return name === 'electron' || NODE_BUILTINS.has(name) ? null : name;
}

/** The npm packages that built JavaScript `code` imports or requires by a literal name. */
export function importedPackages(code: string): string[] {
  const names = new Set<string>();
  for (const pattern of IMPORT_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const name = packageOf(match[1]);
      if (name) names.add(name);
    }
  }
  return [...names].sort();
}

function unpackedProblems(path: string, pack: PackInventory): string[] {
  const entry = pack.asar.get(path);
  if (!entry) return [`app.asar is missing ${path}.`];
  if (!entry.unpacked)
    return [`${path} is packed inside app.asar; it must be unpacked (asarUnpack).`];
  if (!pack.unpackedOnDisk.has(path)) return [`${path} is not in app.asar.unpacked.`];
  return [];
}

function appProblems(expect: Expectations, pack: PackInventory): string[] {
  const problems: string[] = [];
  for (const file of new Set([...APP_FILES, expect.main])) {
    if (pack.asar.get(file)?.kind !== 'file') {
      problems.push(`app.asar is missing ${file} (run electron-vite build).`);
    }
  }
  const assets = [...pack.asar.keys()].filter((p) => p.startsWith('out/renderer/assets/'));
  for (const ext of ['.js', '.css']) {
    if (!assets.some((p) => p.endsWith(ext))) {
      problems.push(`app.asar has no out/renderer/assets/*${ext} (run electron-vite build).`);
    }
  }
  for (const entry of pack.asar.values()) {
    if (!entry.path.includes('/') && !APP_ROOT_ENTRIES.includes(entry.path)) {
      problems.push(`app.asar holds ${entry.path}, which the app does not need (check "files").`);
    }
    if (entry.path.endsWith('.map')) problems.push(`app.asar holds a source map: ${entry.path}.`);
  }
  return problems;
}

function dependencyProblems(expect: Expectations, pack: PackInventory): string[] {
  const problems: string[] = [];
  for (const name of expect.notInstalled) {
    const by = expect.imports.get(name);
    problems.push(`${name}${by ? `, imported by ${by},` : ''} is not installed (npm ci).`);
  }
  const packed = (dir: string): boolean => pack.asar.get(`${dir}/package.json`)?.kind === 'file';
  for (const [dir, parent] of expect.runtimePackages) {
    // When a package is missing, its own dependencies are too: name only the package.
    if (packed(dir) || (parent !== '.' && !packed(parent))) continue;
    const by =
      parent === '.'
        ? expect.imports.get(dir.slice('node_modules/'.length))
        : `${parent}/package.json`;
    problems.push(
      `app.asar is missing the runtime dependency ${dir}${by ? `, needed by ${by}` : ''}: ` +
        'it must be in "dependencies" (not devDependencies) and not excluded by "files".',
    );
  }
  for (const dir of expect.devOnlyPackages) {
    if (pack.asar.has(dir)) problems.push(`app.asar holds the devDependency ${dir}.`);
  }
  return problems;
}

function binaryProblems(expect: Expectations, pack: PackInventory): string[] {
  const problems: string[] = [];
  if (expect.wasmFiles.length === 0) {
    problems.push(`No .wasm files in ${WASM_PACKAGE}/dist: reinstall it (npm ci).`);
  }
  for (const wasm of expect.wasmFiles) problems.push(...unpackedProblems(wasm, pack));
  if (expect.tfjsNodeBinaries) {
    if (!expect.tfjsNodeBinaries.some((p) => p.endsWith('.node'))) {
      problems.push(`${TFJS_NODE} is installed but has no .node binding: reinstall it (npm ci).`);
    }
    for (const bin of expect.tfjsNodeBinaries) problems.push(...unpackedProblems(bin, pack));
  } else {
    for (const bin of TFJS_NODE_BINARIES) {
      if (!unpackPatternsMatch(expect.asarUnpack, bin)) {
        problems.push(`asarUnpack does not cover ${bin}: tfjs-node could not load it.`);
      }
    }
  }
  return problems;
}

function resourceProblems(expect: Expectations, pack: PackInventory): string[] {
  const problems: string[] = [];
  for (const name of SAMPLE_FILES) {
    if (!expect.sample.has(name)) {
      problems.push(`resources/sample/${name} is missing in the project: run npm run make-sample.`);
    }
  }
  for (const [name, size] of expect.sample) {
    const packed = pack.resources.get(`sample/${name}`);
    if (packed === undefined) {
      problems.push(`The package is missing resources/sample/${name} (check "extraResources").`);
    } else if (packed !== size) {
      problems.push(`resources/sample/${name} is ${packed} bytes in the package, ${size} here.`);
    }
  }
  for (const name of LICENCE_FILES) {
    if (!pack.resources.has(`licenses/${name}`)) {
      problems.push(`The package is missing resources/licenses/${name} (check "extraResources").`);
    }
  }
  return problems;
}

/** Every missing or misplaced thing, one line each naming it; empty when the package is right. */
export function findProblems(expect: Expectations, pack: PackInventory): string[] {
  return [
    ...appProblems(expect, pack),
    ...dependencyProblems(expect, pack),
    ...binaryProblems(expect, pack),
    ...resourceProblems(expect, pack),
    ...expect.debMetadata,
  ];
}
