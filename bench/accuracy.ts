// The README's accuracy table: each notebook model trained for its notebook epochs on the real
// letters, in Letter Lab (`letter-lab train`, the real training process) and in PyTorch with
// Keras 2.1.4's defaults (bench/reference_torch.py --mat), both on the notebook's split (seed 42,
// 20% for testing). One model at a time; slow (the whole table is hours on a 2-core laptop).
//
//   npx tsx bench/accuracy.ts [--mat FILE] [--presets id,id] [--epochs N] [--no-torch]
//       [--torch-threads N] [--json]
//
// --mat defaults to $NOTMNIST_MAT; --epochs overrides every model's notebook epochs;
// --torch-threads is PyTorch's thread count (2 by default; 1 runs much faster than 2 on a machine
// whose cores are busy with other work, and the accuracy does not depend on it).

import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { EpochRecord } from '../src-main/contract/training';
import { PRESETS, type Preset } from '../src-main/core/spec/presets';
import { probeTorch } from './torch-reference';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REFERENCE = path.join(ROOT, 'bench', 'reference_torch.py');

interface Row {
  preset: string;
  name: string;
  epochs: number;
  letterLab: { valAcc: number | null; bestValAcc: number | null; seconds: number };
  pytorch: { valAcc: number | null; bestValAcc: number | null; seconds: number } | null;
}

/** Runs a command, echoing its stderr, and returns its stdout (throws on a non-zero exit). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

function best(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length > 0 ? Math.max(...known) : null;
}

async function letterLab(mat: string, preset: Preset, epochs: number, home: string) {
  const started = performance.now();
  const out = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-main/cli/main.ts',
      'train',
      '--mat',
      mat,
      '--preset',
      preset.id,
      '--epochs',
      String(epochs),
      '--no-record',
      '--json',
    ],
    { ...process.env, LETTER_LAB_HOME: home },
  );
  const history = (JSON.parse(out) as { epochs: EpochRecord[] }).epochs;
  return {
    valAcc: history.at(-1)?.valAcc ?? null,
    bestValAcc: best(history.map((h) => h.valAcc)),
    seconds: (performance.now() - started) / 1000,
  };
}

async function pytorch(
  python: string,
  mat: string,
  preset: Preset,
  epochs: number,
  dir: string,
  threads: number,
) {
  const specFile = path.join(dir, `${preset.id}.json`);
  await writeFile(specFile, JSON.stringify(preset.spec));
  const out = await run(
    python,
    [
      REFERENCE,
      '--spec',
      specFile,
      '--mat',
      mat,
      '--epochs',
      String(epochs),
      '--threads',
      String(threads),
    ],
    process.env,
  );
  const lines = out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { valAcc?: number; seconds?: number });
  const perEpoch = lines.filter((l) => l.valAcc !== undefined);
  return {
    valAcc: perEpoch.at(-1)?.valAcc ?? null,
    bestValAcc: best(perEpoch.map((l) => l.valAcc ?? null)),
    seconds: lines.at(-1)?.seconds ?? 0,
  };
}

const pct = (v: number | null | undefined) => (v == null ? '–' : `${(100 * v).toFixed(1)}%`);

/** Letter Lab's accuracy minus PyTorch's, in percentage points. */
function difference(r: Row): string {
  const ours = r.letterLab.valAcc;
  const theirs = r.pytorch?.valAcc;
  if (ours == null || theirs == null) return '–';
  const points = 100 * (ours - theirs);
  return `${points >= 0 ? '+' : ''}${points.toFixed(1)}`;
}

function table(rows: Row[]): string {
  return [
    '| model | epochs | Letter Lab | PyTorch, Keras defaults | difference (points) |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${r.epochs} | ${pct(r.letterLab.valAcc)} | ${pct(r.pytorch?.valAcc)} | ${difference(r)} |`,
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mat: { type: 'string' },
      presets: { type: 'string' },
      epochs: { type: 'string' },
      'no-torch': { type: 'boolean' },
      'torch-threads': { type: 'string', default: '2' },
      json: { type: 'boolean' },
    },
  });
  const mat = values.mat ?? process.env.NOTMNIST_MAT;
  if (!mat) throw new Error('Give the letters file with --mat FILE (or set NOTMNIST_MAT).');
  const ids = values.presets?.split(',').map((s) => s.trim()) ?? PRESETS.map((p) => p.id);
  const presets = ids.map((id) => {
    const preset = PRESETS.find((p) => p.id === id);
    if (!preset) throw new Error(`There is no preset "${id}".`);
    return preset;
  });
  const torchThreads = Number(values['torch-threads']);
  if (!Number.isInteger(torchThreads) || torchThreads < 1) {
    throw new Error(
      `--torch-threads must be a whole number from 1, got "${values['torch-threads']}".`,
    );
  }
  const probe = values['no-torch'] ? null : await probeTorch();
  if (probe && !probe.python) console.error(`accuracy: no PyTorch reference: ${probe.unavailable}`);
  const dir = await mkdtemp(path.join(tmpdir(), 'letter-lab-accuracy-'));
  const rows: Row[] = [];
  try {
    for (const preset of presets) {
      const epochs = values.epochs ? Number(values.epochs) : preset.spec.compile.epochs;
      console.error(`accuracy: ${preset.id}, ${epochs} epochs in Letter Lab…`);
      const ours = await letterLab(mat, preset, epochs, path.join(dir, 'home'));
      let theirs: Row['pytorch'] = null;
      if (probe?.python) {
        console.error(`accuracy: ${preset.id}, ${epochs} epochs in PyTorch…`);
        theirs = await pytorch(probe.python, mat, preset, epochs, dir, torchThreads);
      }
      const row = {
        preset: preset.id,
        name: preset.name,
        epochs,
        letterLab: ours,
        pytorch: theirs,
      };
      rows.push(row);
      console.error(`accuracy: ${JSON.stringify(row)}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  console.log(values.json ? JSON.stringify(rows, null, 2) : table(rows));
}

main().catch((err: unknown) => {
  console.error(`error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
});
