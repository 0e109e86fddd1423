// Times the MAT load path against scipy: `npx tsx bench/mat.ts [file.mat]` (default $NOTMNIST_MAT).
import { spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadImageSet } from '../src-main/core/dataset/load';

const RUNS = 3;

/** Loads with scipy and converts like the notebook; times only its own work, in ms. */
const SCIPY_SCRIPT = `
import json, sys, time
from scipy.io import loadmat
times = []
for _ in range(${RUNS}):
    t = time.perf_counter()
    d = loadmat(sys.argv[1])
    X = d['images'].transpose(2, 0, 1) / 255.0
    y = d['labels'].ravel().astype(int)
    times.append((time.perf_counter() - t) * 1000)
    del d, X, y
print(json.dumps({'ms': times}))
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Runs scipy's timing in python3; null when python3 or scipy is missing or fails. */
function scipyTimes(path: string): Promise<number[] | null> {
  return new Promise((resolve) => {
    const child = spawn('python3', ['-c', SCIPY_SCRIPT, path], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', () => resolve(null));
    child.on('close', (code) => {
      if (code !== 0) return resolve(null);
      try {
        resolve((JSON.parse(out) as { ms: number[] }).ms);
      } catch {
        resolve(null);
      }
    });
  });
}

/**
 * Median of 3 of our load of `path` into an N x H x W Float32Array in 0..1 (labels checked,
 * no fingerprint), and the median of 3 of scipy's `loadmat` + `transpose(2, 0, 1) / 255`.
 */
export async function benchMat(path: string): Promise<{
  file: string;
  bytes: number;
  oursMs: number;
  scipyMs: number | null;
  ratio: number | null;
}> {
  const bytes = (await stat(path)).size;
  const ours: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await loadImageSet(path, { fingerprint: false });
    ours.push(performance.now() - started);
  }
  const scipy = await scipyTimes(path);
  const oursMs = median(ours);
  const scipyMs = scipy === null ? null : median(scipy);
  return {
    file: basename(path),
    bytes,
    oursMs,
    scipyMs,
    ratio: scipyMs === null ? null : oursMs / scipyMs,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const path = process.argv[2] ?? process.env.NOTMNIST_MAT;
  if (path === undefined) {
    console.error('usage: npx tsx bench/mat.ts <file.mat>  (or set NOTMNIST_MAT)');
    process.exit(2);
  }
  console.log(JSON.stringify(await benchMat(path)));
}
