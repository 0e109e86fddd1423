// The bundled sample's name and font count, read from the json its generator wrote.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_META, sampleName } from '../../src-main/host/dataset-files';

const RESOURCES = path.resolve(import.meta.dirname, '../../resources');

describe('sampleName', () => {
  it('gives the sample’s name and how many fonts drew it', async () => {
    const meta = JSON.parse(fs.readFileSync(path.join(RESOURCES, SAMPLE_META), 'utf8')) as {
      name: string;
      fonts: string[];
    };
    expect(meta.fonts.length).toBeGreaterThan(0);
    expect(await sampleName(RESOURCES)).toEqual({ label: meta.name, fonts: meta.fonts.length });
  });

  it('falls back to a plain label without the json', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'letter-lab-sample-'));
    try {
      expect(await sampleName(empty)).toEqual({ label: 'Sample letters' });
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
