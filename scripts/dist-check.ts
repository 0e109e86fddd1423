// npm run dist:check [-- --no-build] [--keep] [--project <dir>]
// Builds the app (electron-vite build), packs it OFFLINE with the real electron-builder.yml into a
// folder (linux-x64 `dir` target, stub Electron: nothing is downloaded), then reads app.asar and
// checks that the app code, its runtime dependencies, the unpacked wasm/native binaries, the sample
// set and the licences are where the packaged app looks for them; then loads the packed dependencies
// with plain Node and runs one TensorFlow.js op on the wasm backend. Exits 1 with one line per problem;
// prints a JSON summary on success.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LetterLabError } from '../src-main/core/errors';
import { packOffline, readPack } from './dist-check/pack';
import { findProblems } from './dist-check/problems';
import { listFiles, readExpectations } from './dist-check/project';
import { smokeTest } from './dist-check/smoke';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'Usage: npm run dist:check [-- --no-build] [--keep] [--project <dir>]';

interface Options {
  project: string;
  build: boolean;
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { project: REPO, build: true, keep: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') options.build = false;
    else if (argv[i] === '--keep') options.keep = true;
    else if (argv[i] === '--project' && argv[i + 1]) options.project = resolve(argv[++i]);
    else throw new LetterLabError('cli.usage', `Unknown option ${argv[i]}. ${USAGE}`);
  }
  return options;
}

async function main(): Promise<number> {
  const started = Date.now();
  const options = parseArgs(process.argv.slice(2));
  if (options.build || !existsSync(join(options.project, 'out'))) {
    console.log('dist:check: electron-vite build');
    // The CLI script itself, run with this Node: works where .bin shims are .cmd files (Windows).
    const cli = join(options.project, 'node_modules/electron-vite/bin/electron-vite.js');
    try {
      execFileSync(process.execPath, [cli, 'build'], { cwd: options.project, stdio: 'inherit' });
    } catch {
      throw new Error('electron-vite build failed (its output is above); fix the build first.');
    }
  }
  const expect = readExpectations(options.project);
  const work = mkdtempSync(join(tmpdir(), 'letter-lab-dist-check-'));
  try {
    console.log(`dist:check: electron-builder, linux dir target, stub Electron, into ${work}`);
    const appOutDir = await packOffline(options.project, work);
    const pack = readPack(appOutDir);
    const problems = findProblems(expect, pack);
    // The smoke test needs a complete package; the deb metadata does not matter to it.
    if (problems.length === expect.debMetadata.length) {
      console.log('dist:check: loading the packed dependencies with Node (wasm backend, one op)');
      problems.push(...smokeTest(appOutDir, work, [...expect.imports.keys()]));
    }
    if (problems.length > 0) {
      console.error(`dist:check failed: ${problems.length} problem(s)`);
      for (const problem of problems) console.error(`  - ${problem}`);
      return 1;
    }
    const summary = {
      ok: true,
      seconds: Math.round((Date.now() - started) / 100) / 10,
      asarFiles: [...pack.asar.values()].filter((e) => e.kind === 'file').length,
      asarMiB: Math.round(statSync(join(appOutDir, 'resources/app.asar')).size / 2 ** 20),
      unpacked: [...pack.unpackedOnDisk].sort(),
      imports: [...expect.imports.keys()].sort(),
      runtimePackages: expect.runtimePackages.size,
      tfjsNode: expect.tfjsNodeBinaries ? 'installed, binaries unpacked' : 'not installed here',
      resources: [...listFiles(join(appOutDir, 'resources/resources')).keys()].sort(),
    };
    console.log(JSON.stringify(summary, null, 2));
    return 0;
  } finally {
    if (options.keep) console.log(`dist:check: kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
}

// electron-builder registers exit hooks that end the process with code 0 on 'beforeExit', so the
// exit code is set explicitly.
main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`dist:check failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
