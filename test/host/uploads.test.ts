// Two letter files dropped at once: each upload owns its folder until it is opened, so neither
// request deletes the other's file (the second used to fail with a misleading file.not-found).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootHost } from '../../src-main/host/boot';
import type { ApiRegistry } from '../../src-main/host/registry';
import { webPlatformWithoutTrainer } from '../helpers/host';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SAMPLE = path.join(ROOT, 'resources', 'sample', 'sample-letters.mat');

describe('concurrent uploads', () => {
  let registry: ApiRegistry;
  let userData: string;

  beforeAll(async () => {
    userData = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-uploads-'));
    ({ registry } = await bootHost({
      platform: webPlatformWithoutTrainer('no training in this test'),
      paths: { userData, resources: path.join(ROOT, 'resources') },
      initialDatasetPath: null,
      backend: 'wasm',
    }));
    await registry.dispatch('dataset:current', undefined);
  });
  afterAll(() => fs.rmSync(userData, { recursive: true, force: true }));

  it('opens every one of several files uploaded at the same time', async () => {
    const bytes = new Uint8Array(fs.readFileSync(SAMPLE));
    const results = await Promise.all(
      ['one.mat', 'two.mat', 'three.mat', 'four.mat'].map((name) =>
        registry.dispatch('dataset:upload', { name, bytes }),
      ),
    );
    for (const result of results) {
      expect(result.ok ? 'ok' : `${result.error.code}: ${result.error.message}`).toBe('ok');
    }
    // Afterwards only the file open now is kept.
    const current = await registry.dispatch('dataset:current', undefined);
    expect(current.ok).toBe(true);
    const folders = fs.readdirSync(path.join(userData, 'datasets'));
    expect(folders).toHaveLength(1);
  });
});
