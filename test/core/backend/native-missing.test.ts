// Backend selection when @tensorflow/tfjs-node is installed without its native part: the package's
// install script (which downloads libtensorflow and tfjs_binding.node) did not run, as npm 11+
// does for packages allowScripts does not list, or could not download (offline). tfjs-node 4.22
// itself cannot be installed here, so a package laid out like it stands in: its dist/index.js
// looks for the binding the way tfjs-node's does and throws tfjs-node's own error.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import { describeBackend, initBackend } from '../../../src-main/core/backend';
import { nativeFailure } from '../../../src-main/core/backend/init';

const root = mkdtempSync(path.join(tmpdir(), 'letter-lab-tfjs-node-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** tfjs-node 4.22's start, up to the check that fails without the downloaded binding. */
const TFJS_NODE_INDEX = `
const fs = require('fs');
const path = require('path');
const bindingPath = path.resolve(__dirname, '../lib/napi-v8/tfjs_binding.node');
if (!fs.existsSync(bindingPath)) {
  throw new Error('The Node.js native addon module (tfjs_binding.node) can not be found at path: ' +
    bindingPath + '. \\nPlease run command \\'npm rebuild @tensorflow/tfjs-node --build-addon-from-source\\' to ' +
    'rebuild the native addon module. \\nIf you have problem with building the addon module, please check ' +
    'https://github.com/tensorflow/tfjs/blob/master/tfjs-node/WINDOWS_TROUBLESHOOTING.md or file an issue.');
}
module.exports = require(bindingPath);
`;

/** A folder whose node_modules holds a tfjs-node package without its native part. */
function withoutBinding(): string {
  const pkg = path.join(root, 'app', 'node_modules', '@tensorflow', 'tfjs-node');
  mkdirSync(path.join(pkg, 'dist'), { recursive: true });
  writeFileSync(
    path.join(pkg, 'package.json'),
    JSON.stringify({ name: '@tensorflow/tfjs-node', version: '4.22.0', main: 'dist/index.js' }),
  );
  writeFileSync(path.join(pkg, 'dist', 'index.js'), TFJS_NODE_INDEX);
  return path.join(root, 'app');
}

describe('backend selection with tfjs-node present but its native binding missing', () => {
  it('falls back to WebAssembly and says that the native library is missing', async () => {
    const info = await initBackend('auto', { nativeFrom: withoutBinding() });
    expect(info).toMatchObject({ name: 'wasm', nativeAvailable: false, simd: true });
    expect(info.nativeError).toBe(
      '@tensorflow/tfjs-node is installed but its native TensorFlow library is missing ' +
        '(its install script did not run or could not download it)',
    );
    expect(info.reason).toMatch(
      /native TensorFlow library is missing.*so training uses WebAssembly/,
    );
    expect(tf.getBackend()).toBe('wasm');
    expect(describeBackend()).toMatch(/^Training backend: WebAssembly\./);
    // Asking for native explicitly says why it is not in use, and still trains on wasm.
    const native = await initBackend('native');
    expect(native.reason).toMatch(/^Native TensorFlow was asked for, but .*library is missing/);
    expect(tf.getBackend()).toBe('wasm');
    const sum = tf.tidy(() => tf.sum(tf.tensor([1, 2, 3])).dataSync()[0]);
    expect(sum).toBe(6);
  });

  it('names the same cause when the binding itself fails to load (Node cannot find the .node file)', () => {
    const missing = path.join(root, 'lib', 'napi-v8', 'tfjs_binding.node');
    let err: unknown = null;
    try {
      createRequire(path.join(root, 'index.js'))(missing);
    } catch (e) {
      err = e;
    }
    expect((err as { code?: string }).code).toBe('MODULE_NOT_FOUND');
    expect(nativeFailure(err)).toMatch(/installed but its native TensorFlow library is missing/);
    // A binding that loads without libtensorflow beside it (Linux's dlopen message).
    const dlopen = Object.assign(
      new Error('libtensorflow.so.2: cannot open shared object file: No such file or directory'),
      { code: 'ERR_DLOPEN_FAILED' },
    );
    expect(nativeFailure(dlopen)).toMatch(/native TensorFlow library is missing/);
    // Anything else is reported with its own first line.
    expect(nativeFailure(new Error('libtensorflow.so.2: wrong ELF class\nmore'))).toBe(
      '@tensorflow/tfjs-node failed to load: libtensorflow.so.2: wrong ELF class',
    );
  });
});
