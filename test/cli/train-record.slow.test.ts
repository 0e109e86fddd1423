// `letter-lab train` records its run in the lab notebook as the app does (the same record, listed
// by `letter-lab runs` and by the app's runs:list), `--no-record` leaves it out, a file that is
// not letters leaves no run behind, and a CLI killed by SIGKILL mid-run shows up as 'interrupted'
// with its epochs and model.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src-main/contract/runs';
import { bootHost } from '../../src-main/host/boot';
import { ROOT, cliWithEnv } from '../helpers/cli';
import { webPlatformWithoutTrainer } from '../helpers/host';

const SAMPLE = path.join(ROOT, 'resources', 'sample', 'sample-letters.mat');

interface ListedRun {
  id: string;
  status: string;
  epochs: number;
  network: string;
  dataset: { fileName: string; train: number; test: number } | null;
  modelDir: string | null;
  problem: string | null;
}

const homes: string[] = [];
function newHome(): string {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-cli-record-'));
  homes.push(home);
  return home;
}

function runs(home: string): ListedRun[] {
  const run = cliWithEnv({ LETTER_LAB_HOME: home }, 'runs', '--json');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as ListedRun[];
}

describe('letter-lab train and the lab notebook', () => {
  afterAll(() => {
    for (const home of homes) fs.rmSync(home, { recursive: true, force: true });
  });

  it('records the run like the app does: letter-lab runs and the app list it', async () => {
    const home = newHome();
    const save = path.join(home, 'kept-model');
    const run = cliWithEnv(
      { LETTER_LAB_HOME: home },
      'train',
      '--mat',
      SAMPLE,
      '--preset',
      'logistic-regression',
      '--epochs',
      '2',
      '--save',
      save,
      '--json',
    );
    expect(run.stderr).not.toMatch(/^error/m);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as { runId: string; epochs: unknown[] };
    const [listed] = runs(home);
    expect(listed).toMatchObject({
      id: out.runId,
      status: 'finished',
      epochs: 2,
      network: 'Logistic regression',
      dataset: { fileName: 'sample-letters.mat', train: 2800, test: 700 },
      problem: null,
    });
    expect(listed.modelDir).toBe(path.join(home, 'runs', out.runId, 'model'));
    expect(fs.readdirSync(save).sort()).toEqual(['meta.json', 'model.json', 'weights.bin']);

    // The app's lab notebook (a host over the same data folder) reads the same record.
    const { registry } = await bootHost({
      platform: webPlatformWithoutTrainer('no training here'),
      paths: { userData: home, resources: path.join(ROOT, 'resources') },
      initialDatasetPath: null,
      backend: 'wasm',
    });
    const listedInApp = await registry.dispatch('runs:list', undefined);
    expect(listedInApp.ok).toBe(true);
    const entries = (listedInApp as { value: { record: RunRecord | null }[] }).value;
    expect(entries).toHaveLength(1);
    expect(entries[0].record).toMatchObject({ id: out.runId, status: 'finished', savedEpoch: 2 });
    expect(entries[0].record?.history).toEqual(out.epochs);
  });

  it('--no-record leaves the lab notebook alone', () => {
    const home = newHome();
    const run = cliWithEnv(
      { LETTER_LAB_HOME: home },
      'train',
      '--mat',
      SAMPLE,
      '--preset',
      'logistic-regression',
      '--epochs',
      '1',
      '--no-record',
      '--json',
    );
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { runId: string | null }).runId).toBeNull();
    expect(fs.existsSync(path.join(home, 'runs'))).toBe(false);
  });

  it('a file that is not letters leaves no run behind', () => {
    const home = newHome();
    const bad = path.join(home, 'not-letters.mat');
    fs.writeFileSync(bad, 'no MAT-file here, only some words '.repeat(10));
    const run = cliWithEnv(
      { LETTER_LAB_HOME: home },
      'train',
      '--mat',
      bad,
      '--preset',
      'logistic-regression',
    );
    expect(run.status).toBe(2);
    expect(runs(home)).toEqual([]);
  });

  it('a CLI killed by SIGKILL mid-run is listed as interrupted, with its epochs and model', async () => {
    const home = newHome();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src-main/cli/main.ts',
        'train',
        '--mat',
        SAMPLE,
        '--preset',
        'mlp',
        '--epochs',
        '200',
      ],
      { cwd: ROOT, env: { ...process.env, LETTER_LAB_HOME: home } },
    );
    let stderr = '';
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/^epoch 2\/200 {2}loss/m.test(stderr)) resolve();
      });
    });
    // While it trains, the record says so.
    await expect.poll(() => runs(home)[0]?.status, { timeout: 30_000 }).toBe('running');
    child.kill('SIGKILL');
    await exited;
    const [listed] = runs(home);
    expect(listed.status).toBe('interrupted');
    expect(listed.epochs).toBeGreaterThanOrEqual(1);
    expect(listed.modelDir).not.toBeNull();
    const record = JSON.parse(
      fs.readFileSync(path.join(home, 'runs', listed.id, 'run.json'), 'utf8'),
    ) as RunRecord;
    expect(record.status).toBe('interrupted');
    expect(record.owner).toBeUndefined();
    expect(record.message).toMatch(/Letter Lab closed while this run was training, after epoch/);
    expect(record.savedEpoch).toBeGreaterThanOrEqual(1);
  });
});
