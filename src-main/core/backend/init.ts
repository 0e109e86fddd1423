// Picks and starts the TensorFlow.js backend that trains the models.
//
//   'auto'   native TensorFlow (@tensorflow/tfjs-node, an optional dependency) when it loads,
//            otherwise WebAssembly with SIMD.
//   'native' the same as auto, but the reason says plainly that native was asked for and why it
//            is not in use when it fails to load.
//   'wasm'   WebAssembly, even when native is installed.
//   'cpu'    the pure-JavaScript backend: ~100x slower for convolutions; only when asked for.
//
// Our own kernels are registered before the wasm/cpu backends start (./kernels/register).
// Calling initBackend again with the same preference returns the same answer; with another
// preference it switches backends.

import * as tf from '@tensorflow/tfjs-core';
// tfjs-layers' Node bundle registers the gradient of every core op (tf.grad and friends need
// them even when no layers are used).
import '@tensorflow/tfjs-layers';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths, type BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BackendInfo, BackendPreference } from '../../contract/backend';
import { LetterLabError } from '../errors';
import { registerCpuKernels, registerWasmKernels } from './kernels/register';
import { kernelsBuild, simdKernels } from './simd/module';
import { defaultTrainingThreads } from './threads';
import { wasmBinaryDir } from './wasm-paths';

const NATIVE_PACKAGE = '@tensorflow/tfjs-node';

interface NativeProbe {
  ok: boolean;
  error: string | null;
}

let nativeProbe: Promise<NativeProbe> | null = null;
let wasmPathsSet = false;
let current: { preference: BackendPreference; info: BackendInfo } | null = null;
let pending: Promise<BackendInfo> | null = null;

/**
 * A short, user-readable reason why the installed tfjs-node did not load. Its JavaScript can be
 * there without its native part: the package's install script downloads libtensorflow and the
 * binding (tfjs_binding.node), and npm 11+ runs it only when package.json's allowScripts lists
 * it (an offline machine cannot download it either).
 */
export function nativeFailure(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  const message = err instanceof Error ? err.message : String(err);
  const missingModule = code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND';
  const libraryMissing = /libtensorflow[^\n]*(cannot open|no such file|not found)/i.test(message);
  if (
    message.includes('tfjs_binding') ||
    libraryMissing ||
    (missingModule && /\.(node|so|dll|dylib)\b/.test(message))
  ) {
    return (
      `${NATIVE_PACKAGE} is installed but its native TensorFlow library is missing ` +
      '(its install script did not run or could not download it)'
    );
  }
  const firstLine = message.split('\n')[0].slice(0, 200);
  return `${NATIVE_PACKAGE} failed to load: ${firstLine}`;
}

/** The entry file of tfjs-node as found from `from` (a folder; default: this app), or null. */
function resolveNative(from: string | undefined): string | null {
  const base = from ? path.join(path.resolve(from), 'index.js') : import.meta.url;
  try {
    return createRequire(base).resolve(NATIVE_PACKAGE);
  } catch {
    return null;
  }
}

/** Tries once per process to load tfjs-node (it registers the 'tensorflow' backend). */
function probeNative(from: string | undefined): Promise<NativeProbe> {
  nativeProbe ??= (async () => {
    const entry = resolveNative(from);
    if (entry === null) return { ok: false, error: `${NATIVE_PACKAGE} is not installed` };
    try {
      // optional, absent in most installs: imported by path, never bundled
      await import(/* @vite-ignore */ pathToFileURL(entry).href);
      if (tf.findBackendFactory('tensorflow') == null) {
        return {
          ok: false,
          error: `${NATIVE_PACKAGE} loaded but registered no 'tensorflow' backend`,
        };
      }
      return { ok: true, error: null };
    } catch (err) {
      return { ok: false, error: nativeFailure(err) };
    }
  })();
  return nativeProbe;
}

const PROCESS_EVENTS = ['uncaughtException', 'unhandledRejection'] as const;

/**
 * The Emscripten runtime inside tfjs-backend-wasm adds process handlers that rethrow every
 * uncaught exception and unhandled rejection, which would defeat the host's own crash handling.
 * Removes whatever handlers appeared while the wasm module started.
 */
function withoutEmscriptenHandlers<T>(start: () => Promise<T>): Promise<T> {
  // One signature for both events (TypeScript's overloads do not take the union).
  const listeners = (event: (typeof PROCESS_EVENTS)[number]): ((...args: unknown[]) => void)[] =>
    process.listeners(event as 'uncaughtException') as never;
  const before = new Map(PROCESS_EVENTS.map((e) => [e, new Set(listeners(e))]));
  return start().finally(() => {
    for (const event of PROCESS_EVENTS) {
      for (const listener of listeners(event)) {
        if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
      }
    }
  });
}

/** How training uses the cores, for the reason text. */
function threadsText(threads: number): string {
  return threads === 1
    ? 'training on 1 thread'
    : `training on up to ${threads} threads (larger models split each batch between them)`;
}

async function startWasm(): Promise<{ simd: boolean }> {
  registerWasmKernels();
  if (!wasmPathsSet && tf.findBackend('wasm') == null) {
    setWasmPaths(wasmBinaryDir());
    wasmPathsSet = true;
  }
  let ok = false;
  let failure = '';
  try {
    ok = await withoutEmscriptenHandlers(() => tf.setBackend('wasm'));
  } catch (err) {
    failure = err instanceof Error ? err.message : String(err);
  }
  if (!ok) {
    throw new LetterLabError(
      'training.backend-unavailable',
      `The WebAssembly training engine did not start${failure ? `: ${failure}` : ''}. ` +
        'Reinstall Letter Lab; as a slow stopgap you can choose the cpu backend.',
    );
  }
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  return { simd };
}

async function start(preference: BackendPreference, options: BackendOptions): Promise<BackendInfo> {
  if (preference === 'cpu') {
    registerCpuKernels();
    await tf.setBackend('cpu');
    const threads = defaultTrainingThreads('cpu');
    return {
      name: 'cpu',
      nativeAvailable: false,
      nativeError: null,
      simd: null,
      simdKernels: null,
      threads,
      reason: `The plain JavaScript backend was chosen explicitly (${threadsText(threads)}); it is much slower than WebAssembly.`,
    };
  }
  registerCpuKernels();
  const native = preference === 'wasm' ? null : await probeNative(options.nativeFrom);
  let nativeError = native?.error ?? null;
  if (native?.ok) {
    const started = await tf.setBackend('tensorflow').catch(() => false);
    if (started) {
      return {
        name: 'tensorflow',
        nativeAvailable: true,
        nativeError: null,
        simd: null,
        simdKernels: null,
        threads: null,
        reason:
          'Native TensorFlow (@tensorflow/tfjs-node) is installed and loaded: the fastest option.',
      };
    }
    nativeError = `${NATIVE_PACKAGE} is installed but its backend did not start`;
  }
  const { simd } = await startWasm();
  const kernels = simdKernels(tf.backend() as BackendWasm) !== null;
  const fused = kernels && kernelsBuild() === 'relaxed' ? ' (with fused multiply-adds)' : '';
  const threads = defaultTrainingThreads('wasm');
  const engine =
    `WebAssembly${simd ? ' with SIMD' : ' (no SIMD)'}` +
    `${kernels ? ` and Letter Lab's own SIMD training kernels${fused}` : ''}, ${threadsText(threads)}`;
  let reason: string;
  if (preference === 'wasm') reason = `WebAssembly was chosen explicitly: ${engine}.`;
  else if (preference === 'native')
    reason = `Native TensorFlow was asked for, but ${nativeError}; using ${engine}.`;
  else reason = `${nativeError ?? 'Native TensorFlow is unavailable'}, so training uses ${engine}.`;
  return {
    name: 'wasm',
    nativeAvailable: native?.ok ?? false,
    nativeError,
    simd,
    simdKernels: kernels,
    threads,
    reason,
  };
}

export interface BackendOptions {
  /**
   * A folder whose node_modules to look for @tensorflow/tfjs-node in, instead of the app's own
   * dependencies. Read on the first call that looks for it (the answer is kept for the process).
   */
  nativeFrom?: string;
}

/** Starts the training backend. Safe to call repeatedly and concurrently. */
export async function initBackend(
  preference: BackendPreference = 'auto',
  options: BackendOptions = {},
): Promise<BackendInfo> {
  while (pending) await pending.catch(() => undefined);
  if (current && current.preference === preference && tf.getBackend() === current.info.name) {
    return current.info;
  }
  pending = start(preference, options);
  try {
    const info = await pending;
    current = { preference, info };
    return info;
  } finally {
    pending = null;
  }
}

/** The backend initBackend last started, or null before the first call. */
export function currentBackend(): BackendInfo | null {
  return current?.info ?? null;
}

/** One line for logs and `letter-lab info`: which backend trains, and why. */
export function describeBackend(info: BackendInfo | null = currentBackend()): string {
  if (!info) return 'No training backend started yet.';
  const label = {
    tensorflow: 'native TensorFlow',
    wasm: 'WebAssembly',
    cpu: 'plain JavaScript (cpu)',
  }[info.name];
  return `Training backend: ${label}. ${info.reason}`;
}
