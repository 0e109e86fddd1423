// The PyTorch reference of `npm run bench`: finds a Python with torch (optional: CI has none),
// writes the training images once, and times bench/reference_torch.py on them, one epoch a call.

import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelSpec } from '../src-main/contract/spec';
import type { SplitImageSet } from '../src-main/core/dataset/types';

export const PYTHON_ENV = 'LETTER_LAB_PYTHON';
/** Debian's python3-torch lives in the system Python, which may not be the first python3. */
const PYTHONS = ['python3', '/usr/bin/python3', 'python'];
const SCRIPT = fileURLToPath(new URL('./reference_torch.py', import.meta.url));
const PROBE_TIMEOUT_MS = 60_000;
/** One epoch on a slow, busy machine; the reference is skipped rather than the bench stuck. */
const RUN_TIMEOUT_MS = 30 * 60_000;

export interface TorchRun {
  framework: 'pytorch';
  version: string;
  threads: number;
  samples: number;
  batches: number;
  seconds: number;
  samplesPerSecond: number;
  loss: number;
  acc: number;
}

export interface TorchProbe {
  python: string | null;
  version: string | null;
  /** Why there is no reference (null when there is one). */
  unavailable: string | null;
}

function run(
  command: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, out, err: e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

/** The first Python that imports torch and numpy ($LETTER_LAB_PYTHON first, when set). */
export async function probeTorch(env: NodeJS.ProcessEnv = process.env): Promise<TorchProbe> {
  const candidates = env[PYTHON_ENV] ? [env[PYTHON_ENV]] : PYTHONS;
  const tried: string[] = [];
  for (const python of candidates) {
    const r = await run(
      python,
      ['-c', 'import numpy, torch; print(torch.__version__)'],
      PROBE_TIMEOUT_MS,
    );
    if (r.code === 0) return { python, version: r.out.trim(), unavailable: null };
    tried.push(python);
  }
  return {
    python: null,
    version: null,
    unavailable:
      `no Python with torch and numpy found (tried ${tried.join(', ')}); install it ` +
      `(Debian: apt-get install python3-torch) or set ${PYTHON_ENV}`,
  };
}

/** The training images and labels, written once for every reference run, in a temporary folder. */
export class TorchData {
  private constructor(
    readonly dir: string,
    readonly count: number,
  ) {}

  /** Writes images and labels of `indices` of `set`, in that order. */
  static async write(set: SplitImageSet, indices: Uint32Array): Promise<TorchData> {
    const dir = await mkdtemp(path.join(tmpdir(), 'letter-lab-bench-'));
    const pixels = set.height * set.width;
    const images = new Float32Array(indices.length * pixels);
    const labels = new Uint8Array(indices.length);
    indices.forEach((index, k) => {
      images.set(set.images.subarray(index * pixels, (index + 1) * pixels), k * pixels);
      labels[k] = set.labels[index];
    });
    try {
      await writeFile(path.join(dir, 'train.f32'), images);
      await writeFile(path.join(dir, 'train.u8'), labels);
    } catch (err) {
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    return new TorchData(dir, indices.length);
  }

  async remove(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
  }
}

/** Trainable parameters of `spec` as the reference builds it (to check it matches ours). */
export async function torchParams(python: string, spec: ModelSpec): Promise<number> {
  const dir = await mkdtemp(path.join(tmpdir(), 'letter-lab-bench-'));
  try {
    const specFile = path.join(dir, 'spec.json');
    await writeFile(specFile, JSON.stringify(spec));
    const r = await run(python, [SCRIPT, '--spec', specFile, '--params-only'], PROBE_TIMEOUT_MS);
    if (r.code !== 0) throw new Error(`the PyTorch reference failed: ${r.err.trim()}`);
    return (JSON.parse(r.out) as { params: number }).params;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Trains `spec` for one epoch (or `batches` batches) in PyTorch; throws with Python's message. */
export async function runTorch(
  python: string,
  data: TorchData,
  spec: ModelSpec,
  opts: { threads: number; batches: number; seed: number },
): Promise<TorchRun> {
  const specFile = path.join(data.dir, 'spec.json');
  await writeFile(specFile, JSON.stringify(spec));
  const r = await run(
    python,
    [
      SCRIPT,
      '--spec',
      specFile,
      '--images',
      path.join(data.dir, 'train.f32'),
      '--labels',
      path.join(data.dir, 'train.u8'),
      '--count',
      String(data.count),
      '--batch',
      String(spec.compile.batchSize),
      '--threads',
      String(opts.threads),
      '--batches',
      String(opts.batches),
      '--seed',
      String(opts.seed),
    ],
    RUN_TIMEOUT_MS,
  );
  const last = r.out.trim().split('\n').at(-1) ?? '';
  if (r.code !== 0 || !last.startsWith('{')) {
    const why = r.err.trim().split('\n').at(-1) ?? `exit code ${r.code}`;
    throw new Error(`the PyTorch reference failed: ${why}`);
  }
  return JSON.parse(last) as TorchRun;
}
