// `letter-lab letters add/merge`, `evaluate --all` and `train --from` for real, as child processes:
// PNG pictures kept through the drawing pad's preprocessing, class files merged, a saved network
// checked on every letter of a file and taught with letters, and one clear line for bad input.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../src-main/core/dataset/load';
import {
  encodeLetters,
  isHeldBack,
  makeLetter,
  readLettersFile,
} from '../../src-main/core/letters';
import { readModelMeta } from '../../src-main/core/model';
import { preprocessRGBA, toGreyLevels } from '../../src-main/core/preprocess';
import { cli, cliInProcess, cliTestHome, expectRefused, ROOT } from '../helpers/cli';
import type { RunRecord } from '../../src-main/contract/runs';

const SAMPLE = path.join(ROOT, 'resources', 'sample', 'sample-letters.mat');
let tmp: string;
let model: string;

/** A PNG of `letter` in black on white, as a camper's scan or screenshot might be. */
async function letterPng(letter: string, file: string, size = 160, angle = 0): Promise<string> {
  const canvas = createCanvas(size, size);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, size, size);
  g.translate(size / 2, size / 2);
  g.rotate(angle);
  g.fillStyle = '#000';
  g.font = `bold ${Math.round(size * 0.7)}px sans-serif`;
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(letter, 0, size * 0.03);
  await writeFile(file, canvas.toBuffer('image/png'));
  return file;
}

/** Sample letters turned left to right, as a letters file. */
async function mirroredLetters(file: string, count: number): Promise<void> {
  const { set } = await loadDataset(SAMPLE, { fingerprint: false });
  const letters = Array.from({ length: count }, (_, i) => {
    const index = (i * 37) % set.count;
    const pixels = new Uint8Array(784);
    for (let r = 0; r < 28; r++) {
      for (let c = 0; c < 28; c++) {
        pixels[r * 28 + c] = Math.round(set.images[index * 784 + r * 28 + 27 - c] * 255);
      }
    }
    return makeLetter(pixels, set.labels[index], null);
  });
  await writeFile(file, encodeLetters(letters));
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'letter-lab-cli-letters-'));
  model = path.join(tmp, 'model');
  const run = await cliInProcess(
    'train',
    '--mat',
    SAMPLE,
    '--preset',
    'logistic-regression',
    '--epochs',
    '2',
    '--save',
    model,
  );
  expect(run.status, run.stderr).toBe(0);
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('letter-lab letters add', () => {
  it('creates the file, then appends, each picture preprocessed as the drawing pad does', async () => {
    const file = path.join(tmp, 'ola.mat');
    const pictures = [];
    for (const [i, letter] of ['A', 'B', 'C'].entries()) {
      const png = await letterPng(letter, path.join(tmp, `${letter}.png`), 120 + 40 * i);
      pictures.push(png);
      const run = await cliInProcess(
        'letters',
        'add',
        '--to',
        file,
        '--image',
        png,
        '--label',
        letter.toLowerCase(),
        '--json',
      );
      expect(run.status, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout) as {
        count: number;
        added: { letter: string; id: string; heldBack: boolean };
      };
      expect(out.count).toBe(i + 1);
      expect(out.added.letter).toBe(letter);
      expect(out.added.heldBack).toBe(isHeldBack(out.added.id));
    }
    const letters = await readLettersFile(file, 100);
    expect(letters.map((l) => l.label)).toEqual([0, 1, 2]);
    // The same numbers the drawing pad's preprocessing gives for that picture.
    const { loadImage } = await import('@napi-rs/canvas');
    const image = await loadImage(await readFile(pictures[1]));
    const canvas = createCanvas(image.width, image.height);
    canvas.getContext('2d').drawImage(image, 0, 0);
    const data = canvas.getContext('2d').getImageData(0, 0, image.width, image.height);
    const prepared = preprocessRGBA(data.data, data.width, data.height);
    if (!prepared.ok) throw new Error('the test picture is not a letter');
    expect(Array.from(letters[1].pixels)).toEqual(toGreyLevels(prepared.pixels));
    // Bright ink on black, as the teacher's file stores its letters.
    expect(letters[1].pixels[0]).toBe(0);
    expect(Math.max(...letters[1].pixels)).toBe(255);
  });

  it('refuses bad input with one clear line and exit code 2, changing nothing', async () => {
    const file = path.join(tmp, 'ola.mat');
    const before = await readFile(file);
    const png = path.join(tmp, 'A.png');
    // As a real process: exit code 2 and one line on stderr.
    expectRefused(
      cli('letters', 'add', '--to', file, '--image', png, '--label', 'A'),
      /already kept/,
    );
    expectRefused(
      await cliInProcess('letters', 'add', '--to', file, '--image', png, '--label', 'K'),
      /--label must be one of the letters A to J/,
    );
    expectRefused(
      await cliInProcess(
        'letters',
        'add',
        '--to',
        file,
        '--image',
        path.join(tmp, 'nope.png'),
        '--label',
        'A',
      ),
      /no file/,
    );
    expectRefused(
      await cliInProcess('letters', 'add', '--to', file, '--image', file, '--label', 'A'),
      /not a PNG/,
    );
    expectRefused(
      await cliInProcess('letters', 'add', '--to', tmp, '--image', png, '--label', 'A'),
      /is a folder/,
    );
    expectRefused(
      await cliInProcess('letters', 'add', '--image', png, '--label', 'A'),
      /--to FILE.mat/,
    );
    expectRefused(await cliInProcess('letters', 'sort'), /takes "add" or "merge"/);
    const notes = path.join(tmp, 'notes.mat');
    await writeFile(notes, 'my homework');
    expectRefused(
      await cliInProcess('letters', 'add', '--to', notes, '--image', png, '--label', 'A'),
      /not a MATLAB MAT-file/,
    );
    expect(await readFile(notes, 'utf8')).toBe('my homework');
    expect((await readFile(file)).equals(before)).toBe(true);
  });
});

describe('letter-lab letters merge', () => {
  it('merges campers’ files: duplicates refused, counts per file and per camper', async () => {
    const kuba = path.join(tmp, 'kuba.mat');
    for (const letter of ['D', 'E']) {
      const png = await letterPng(letter, path.join(tmp, `k${letter}.png`), 140, 0.2);
      expect(
        (
          await cliInProcess(
            'letters',
            'add',
            '--to',
            kuba,
            '--image',
            png,
            '--label',
            letter,
            '--camper',
            'Kuba',
          )
        ).status,
      ).toBe(0);
    }
    const ola = path.join(tmp, 'ola.mat');
    const classFile = path.join(tmp, 'class.mat');
    const run = await cliInProcess('letters', 'merge', ola, kuba, ola, '--to', classFile, '--json');
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      count: number;
      added: number;
      duplicates: number;
      files: { name: string; added: number; duplicates: number }[];
      campers: { name: string; count: number }[];
    };
    expect(out).toMatchObject({ count: 5, added: 5, duplicates: 3 });
    expect(out.files.map((f) => [f.name, f.added, f.duplicates])).toEqual([
      ['ola.mat', 3, 0],
      ['kuba.mat', 2, 0],
      ['ola.mat', 0, 3],
    ]);
    expect(out.campers).toEqual([
      { name: 'ola', count: 3 },
      { name: 'Kuba', count: 2 },
    ]);
    const again = JSON.parse(
      (await cliInProcess('letters', 'merge', kuba, '--to', classFile, '--json')).stdout,
    ) as {
      added: number;
      duplicates: number;
    };
    expect(again).toMatchObject({ added: 0, duplicates: 2 });
    expectRefused(
      await cliInProcess('letters', 'merge', '--to', classFile),
      /at least one letters file/,
    );
    expectRefused(
      await cliInProcess('letters', 'merge', path.join(tmp, 'A.png'), '--to', classFile),
      /not a MATLAB MAT-file/,
    );
  });
});

describe('letter-lab evaluate --all', () => {
  it('checks a saved network on every letter of a file, with the held-back ones apart', async () => {
    const mine = path.join(tmp, 'mirrored.mat');
    await mirroredLetters(mine, 40);
    const run = await cliInProcess('evaluate', '--model', model, '--mat', mine, '--all', '--json');
    expect(run.status, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      count: number;
      correct: number;
      heldBack: { count: number };
      confusion: number[][];
    };
    const letters = await readLettersFile(mine, 100);
    expect(out.count).toBe(40);
    expect(out.heldBack.count).toBe(letters.filter((l) => isHeldBack(l.id)).length);
    expect(out.confusion.flat().reduce((a, b) => a + b, 0)).toBe(40);
    const whole = JSON.parse(
      (await cliInProcess('evaluate', '--model', model, '--mat', SAMPLE, '--all', '--json')).stdout,
    ) as { count: number };
    expect(whole.count).toBe(3500);
    expectRefused(
      await cliInProcess('evaluate', '--model', model, '--mat', path.join(tmp, 'A.png'), '--all'),
      /not a MATLAB MAT-file/,
    );
  });
});

describe('letter-lab train --from', () => {
  interface TeachJson {
    before: { heldBack: { count: number; accuracy: number }; fonts: { count: number } | null };
    after: { heldBack: { count: number; accuracy: number }; fonts: { count: number } | null };
    letters: { train: number; heldBack: number };
    epochs: { valAcc: number }[];
    savedTo: string | null;
    runId: string | null;
  }

  it('teaches a saved network with extra letters mixed into the fonts, measured before and after', async () => {
    const mine = path.join(tmp, 'mirrored.mat');
    const out = path.join(tmp, 'taught');
    const run = await cliInProcess(
      'train',
      '--from',
      model,
      '--mat',
      SAMPLE,
      '--extra',
      mine,
      '--share',
      '0.25',
      '--epochs',
      '2',
      '--save',
      out,
      '--json',
    );
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as TeachJson;
    const letters = await readLettersFile(mine, 100);
    const held = letters.filter((l) => isHeldBack(l.id)).length;
    expect(result.letters).toEqual({ fileName: 'mirrored.mat', train: 40 - held, heldBack: held });
    expect(result.before.heldBack.count).toBe(held);
    expect(result.before.fonts?.count).toBe(700);
    expect(result.after.fonts?.count).toBe(700);
    expect(result.epochs).toHaveLength(2);
    expect(result.epochs[1].valAcc).toBeCloseTo(result.after.heldBack.accuracy, 6);
    // Recorded in the lab notebook as a new run, with what it learned from and before/after.
    const runDir = path.join(cliTestHome(), 'runs', result.runId as string);
    const record = JSON.parse(await readFile(path.join(runDir, 'run.json'), 'utf8')) as RunRecord;
    expect(record.status).toBe('finished');
    expect(record.teaching?.after).toEqual(result.after);
    expect(record.teaching?.before).toEqual(result.before);
    expect(await readLettersFile(path.join(runDir, 'taught-letters.mat'), 100)).toHaveLength(40);
    expect((await readModelMeta(out)).teaching).toEqual({
      lettersFile: 'mirrored.mat',
      mode: 'mixed',
      share: 0.25,
    });
  });

  it('goes on with the letters file alone, or on the same file with the split it was trained with', async () => {
    const mine = path.join(tmp, 'mirrored.mat');
    const alone = JSON.parse(
      (await cliInProcess('train', '--from', model, '--mat', mine, '--epochs', '1', '--json'))
        .stdout,
    ) as TeachJson;
    expect(alone.before.fonts).toBeNull();
    expect(alone.after.heldBack.count).toBe(alone.letters.heldBack);
    const same = JSON.parse(
      (await cliInProcess('train', '--from', model, '--mat', SAMPLE, '--epochs', '1', '--json'))
        .stdout,
    ) as TeachJson;
    expect(same.letters).toMatchObject({ train: 2800, heldBack: 700 });
  });

  it('refuses bad combinations with one clear line', async () => {
    expectRefused(
      await cliInProcess('train', '--from', model, '--mat', SAMPLE, '--preset', 'mlp'),
      /no --preset or --spec/,
    );
    expectRefused(
      await cliInProcess('train', '--from', model, '--mat', SAMPLE, '--share', '0.3'),
      /give --extra FILE too/,
    );
    expectRefused(
      await cliInProcess(
        'train',
        '--from',
        model,
        '--mat',
        SAMPLE,
        '--extra',
        SAMPLE,
        '--share',
        '2',
      ),
      /--share must be a number from 0.05 to 0.75/,
    );
    expectRefused(
      await cliInProcess('train', '--mat', SAMPLE, '--preset', 'mlp', '--extra', SAMPLE),
      /go with --from/,
    );
    expectRefused(
      await cliInProcess('train', '--from', path.join(tmp, 'nothing'), '--mat', SAMPLE),
      /no saved model/,
    );
    const few = path.join(tmp, 'ola.mat');
    expectRefused(
      await cliInProcess('train', '--from', model, '--mat', SAMPLE, '--extra', few),
      /teaching needs at least 5|held back/,
    );
  });
});
