// Reads what the packed app must hold from the project: package.json, electron-builder.yml, the
// built Node code in out/ (its imports), node_modules and resources/sample.

import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import type { Expectations } from './problems';
import { REQUIRED_RUNTIME, TFJS_NODE, WASM_PACKAGE, importedPackages } from './problems';

/** The built code that runs in Node (main, training process, preload); the renderer is bundled. */
export const NODE_CODE_DIRS = ['out/main', 'out/preload'];
const NATIVE_FILE = /\.(node|dll|dylib)$|\.so(\.\d+)*$/;
/** electron-builder leaves .dll/.exe out of non-Windows packages, and dist:check packs for Linux. */
const WINDOWS_ONLY = /\.(dll|exe)$/;

interface PackageJson {
  main?: string;
  homepage?: string;
  author?: string | { name?: string; email?: string };
  repository?: string | { url?: string };
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

export interface BuilderConfig {
  asarUnpack?: string | string[];
  linux?: { maintainer?: string };
  deb?: { maintainer?: string };
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;

/** Files under `root` (following symlinks to files), `/`-separated relative paths with sizes. */
export function listFiles(
  root: string,
  dir = root,
  out = new Map<string, number>(),
): Map<string, number> {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) listFiles(root, full, out);
    else out.set(relative(root, full).split(sep).join('/'), statSync(full).size);
  }
  return out;
}

export function readBuilderConfig(project: string): BuilderConfig {
  const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
  return yaml.load(readFileSync(join(project, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
}

/** Node's lookup of package `name` from the package folder `from` (both relative to the project). */
function resolvePackage(project: string, from: string, name: string): string | null {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = `${dir === '.' ? '' : `${dir}/`}node_modules/${name}`;
    if (existsSync(join(project, candidate, 'package.json'))) return candidate;
    if (dir === '.') return null;
  }
}

/**
 * `node_modules/...` folders of `roots` and all they depend on, each with the folder that needs it
 * ('.' for a root). Missing optional packages are skipped; other missing ones are listed.
 */
function runtimeClosure(project: string, roots: string[], optionalRoots: Set<string>) {
  const found = new Map<string, string>();
  const notInstalled: string[] = [];
  const queue = roots.map((name) => ({ from: '.', name, optional: optionalRoots.has(name) }));
  while (queue.length > 0) {
    const { from, name, optional } = queue.shift()!;
    const dir = resolvePackage(project, from, name);
    if (dir === null) {
      if (!optional) notInstalled.push(from === '.' ? name : `${name} (needed by ${from})`);
      continue;
    }
    if (found.has(dir)) continue;
    found.set(dir, from);
    const pkg = readJson<PackageJson>(join(project, dir, 'package.json'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) {
      queue.push({ from: dir, name: dep, optional: false });
    }
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) {
      queue.push({ from: dir, name: dep, optional: true });
    }
  }
  return { packages: new Map([...found].sort()), notInstalled: notInstalled.sort() };
}

function scanImports(project: string): Map<string, string> {
  const imports = new Map<string, string>();
  for (const dir of NODE_CODE_DIRS) {
    const files = [...listFiles(join(project, dir)).keys()].filter((f) => /\.[cm]?js$/.test(f));
    if (files.length === 0) {
      throw new Error(`${dir} holds no built code in ${project}: run electron-vite build.`);
    }
    for (const file of files.sort()) {
      for (const name of importedPackages(readFileSync(join(project, dir, file), 'utf8'))) {
        if (!imports.has(name)) imports.set(name, `${dir}/${file}`);
      }
    }
  }
  return imports;
}

/** What electron-builder's deb target would stop on (app-builder-lib FpmTarget). */
export function debMetadataProblems(pkg: PackageJson, config: BuilderConfig): string[] {
  const problems: string[] = [];
  const repo = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  if (!pkg.homepage && !repo?.includes('github')) {
    problems.push(
      'The deb installer needs a project homepage: add "homepage" to package.json ' +
        '(electron-builder stops with "Please specify project homepage").',
    );
  }
  const email =
    typeof pkg.author === 'string' ? /<[^>]+@[^>]+>/.test(pkg.author) : !!pkg.author?.email;
  if (!email && !config.linux?.maintainer && !config.deb?.maintainer) {
    problems.push(
      'The deb installer needs a maintainer e-mail: add "author": { "name", "email" } to ' +
        'package.json (electron-builder stops with "Please specify author \'email\'").',
    );
  }
  return problems;
}

export function readExpectations(project: string): Expectations {
  const pkg = readJson<PackageJson>(join(project, 'package.json'));
  const config = readBuilderConfig(project);
  const imports = scanImports(project);
  // tfjs-node is imported by a computed name (it is optional), so optional dependencies count too.
  const optional = Object.keys(pkg.optionalDependencies ?? {});
  const roots = [...new Set([...REQUIRED_RUNTIME, ...imports.keys(), ...optional])];
  const closure = runtimeClosure(project, roots, new Set(optional));
  const tfjsNode = join(project, TFJS_NODE);
  return {
    main: pkg.main ?? 'index.js',
    imports,
    notInstalled: closure.notInstalled,
    runtimePackages: closure.packages,
    devOnlyPackages: Object.keys(pkg.devDependencies ?? {})
      .map((name) => `node_modules/${name}`)
      .filter((dir) => !closure.packages.has(dir)),
    wasmFiles: [...listFiles(join(project, WASM_PACKAGE, 'dist')).keys()]
      .filter((f) => f.endsWith('.wasm') && !f.includes('/'))
      .map((f) => `${WASM_PACKAGE}/dist/${f}`),
    tfjsNodeBinaries: existsSync(join(tfjsNode, 'package.json'))
      ? [...listFiles(tfjsNode).keys()]
          .filter((f) => NATIVE_FILE.test(f) && !WINDOWS_ONLY.test(f))
          .map((f) => `${TFJS_NODE}/${f}`)
      : null,
    asarUnpack: [config.asarUnpack ?? []].flat(),
    sample: listFiles(join(project, 'resources/sample')),
    debMetadata: debMetadataProblems(pkg, config),
  };
}
