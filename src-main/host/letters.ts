// My letters in the host: the camper's collection and the class file in <userData>/my-letters, kept
// as letters files; the channels to keep, relabel and delete letters, merge campers' files, open a
// collection in the Letters tab and export it. Evaluation and teaching are in letters-*.ts.
import { mkdir, rename, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type {
  KeptLetter,
  LettersCollection,
  LettersExport,
  LettersSummary,
  LettersWhich,
  MergeReport,
} from '../contract/letters';
import { LetterLabError } from '../core/errors';
import {
  KEPT_CLASSES,
  LETTER_PIXELS,
  LettersCollectionFile,
  MAX_COLLECTION,
  camperCounts,
  cleanCamperName,
  isHeldBack,
  readLettersBytes,
  toLevels,
  writeLettersFile,
  type StoredLetter,
} from '../core/letters';
import type { DatasetService } from './dataset';
import type { HostContext } from './context';
import { EXPORTS_FOLDER, slugOf } from './model-library';
import type { ApiRegistry } from './registry';
import { setupLettersEvaluation } from './letters-evaluation';
import { setupLettersTeaching } from './letters-teach';
import type { EvaluationService } from './evaluation';

export const LETTERS_FOLDER = 'my-letters';
export const FILES: Record<LettersWhich, string> = {
  mine: 'my-letters.mat',
  class: 'class-letters.mat',
};
/** What the Letters tab and the lab notebook call the collections. */
export const LABELS: Record<LettersWhich, string> = {
  mine: 'My letters',
  class: 'Class letters',
};

function toKept(letter: StoredLetter): KeptLetter {
  return {
    id: letter.id,
    label: letter.label,
    pixels: Array.from(letter.pixels),
    heldBack: isHeldBack(letter.id),
    camper: letter.camper,
  };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** `parent/<stem>.mat`, or `<stem>-2.mat`, `-3`… when taken: exports never overwrite anything. */
async function freeFile(parent: string, stem: string): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = path.join(parent, n === 1 ? `${stem}.mat` : `${stem}-${n}.mat`);
    if (!(await exists(candidate))) return candidate;
  }
}

export class LettersService {
  private readonly files: Record<LettersWhich, LettersCollectionFile>;

  constructor(private readonly ctx: HostContext) {
    const folder = path.join(ctx.paths.userData, LETTERS_FOLDER);
    this.files = {
      mine: new LettersCollectionFile(path.join(folder, FILES.mine)),
      class: new LettersCollectionFile(path.join(folder, FILES.class)),
    };
  }

  file(which: LettersWhich): LettersCollectionFile {
    return this.files[which];
  }

  /** Which collection the letters open in the Letters tab are, when they are one (else null). */
  openCollection(): LettersWhich | null {
    const open = this.ctx.session.dataset?.path;
    if (open === undefined) return null;
    const which = (['mine', 'class'] as const).find(
      (w) => path.resolve(this.files[w].file) === path.resolve(open),
    );
    return which ?? null;
  }

  /**
   * Teaching and the printed-letters comparison need the teacher's font letters open in the
   * Letters tab; a collection opened there would be compared with itself.
   */
  fontsNeeded(): LetterLabError {
    const which = this.openCollection() ?? 'mine';
    return new LetterLabError(
      'training.no-dataset',
      `The Letters tab has ${FILES[which]} open, a collection of drawn letters, not the printed ` +
        'letters: open the teacher’s letters file or the sample letters there first, then try again.',
      { file: FILES[which] },
      'letters.error.fontsNeeded',
    );
  }

  summaryOf(which: LettersWhich, letters: readonly StoredLetter[]): LettersSummary {
    const classes = Math.max(KEPT_CLASSES, ...letters.map((l) => l.label + 1));
    const countsPerClass = new Array<number>(classes).fill(0);
    for (const letter of letters) countsPerClass[letter.label]++;
    return {
      which,
      path: this.files[which].file,
      fileName: FILES[which],
      count: letters.length,
      countsPerClass,
      heldBack: letters.filter((l) => isHeldBack(l.id)).length,
      campers: camperCounts(letters),
      limit: this.files[which].limit,
    };
  }

  private collectionOf(letters: readonly StoredLetter[]): LettersCollection {
    return { ...this.summaryOf('mine', letters), letters: letters.map(toKept) };
  }

  private changed(which: LettersWhich, count: number): void {
    this.ctx.events.emit('letters:changed', { which, count });
  }

  async mine(): Promise<LettersCollection> {
    return this.collectionOf(await this.files.mine.read());
  }

  async summary(which: LettersWhich): Promise<LettersSummary> {
    return this.summaryOf(which, await this.files[which].read());
  }

  async add(pixels: number[], label: number) {
    const { letters, added } = await this.files.mine.add(toLevels(pixels), label);
    this.changed('mine', letters.length);
    return { collection: this.collectionOf(letters), added: toKept(added) };
  }

  async relabel(id: string, label: number): Promise<LettersCollection> {
    const letters = await this.files.mine.relabel(id, label);
    this.changed('mine', letters.length);
    return this.collectionOf(letters);
  }

  async remove(id: string): Promise<LettersCollection> {
    const letters = await this.files.mine.remove(id);
    this.changed('mine', letters.length);
    return this.collectionOf(letters);
  }

  /** Merges one camper's file (its bytes) into the class file. */
  async classAdd(name: string, bytes: Uint8Array): Promise<MergeReport> {
    const limit = this.files.class.limit;
    const letters = readLettersBytes(bytes, name, limit);
    const result = await this.files.class.merge([{ name, letters }]);
    this.changed('class', result.letters.length);
    const added = result.files.reduce((n, f) => n + f.added, 0);
    return {
      files: result.files,
      added,
      duplicates: result.files.reduce((n, f) => n + f.duplicates, 0),
      summary: this.summaryOf('class', result.letters),
    };
  }

  /** A new, empty class file; the old one stays beside it as class-letters-<time>.mat. */
  async classReset(): Promise<LettersSummary> {
    const file = this.files.class.file;
    if (await exists(file)) {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      await rename(file, await freeFile(path.dirname(file), `class-letters-${stamp}`));
    }
    const letters = await this.files.class.replace([]);
    this.changed('class', 0);
    return this.summaryOf('class', letters);
  }

  /** Opens a collection in the Letters tab, like any letters file. */
  async open(which: LettersWhich, datasets: DatasetService) {
    const letters = await this.files[which].read();
    if (letters.length === 0) throw this.empty(which);
    return datasets.open(this.files[which].file, 'file', { label: LABELS[which] });
  }

  /** Writes a copy into a folder: picked in a dialog (desktop) or <userData>/exports. */
  async export(which: LettersWhich, camper?: string): Promise<LettersExport | null> {
    const letters = await this.files[which].read();
    if (letters.length === 0) throw this.empty(which);
    const name = camper === undefined ? null : cleanCamperName(camper);
    let parent: string;
    const chosen = this.ctx.platform.chooseFolder !== undefined;
    if (this.ctx.platform.chooseFolder) {
      const title =
        this.ctx.settings.get().language === 'pl'
          ? 'Zapisz plik z literami w…'
          : 'Save the letters file in…';
      const picked = await this.ctx.platform.chooseFolder({ title });
      if (picked === null) return null;
      parent = picked;
    } else {
      parent = path.join(this.ctx.paths.userData, EXPORTS_FOLDER);
      await mkdir(parent, { recursive: true });
    }
    const stem =
      which === 'class' ? 'class-letters' : name ? `${slugOf(name)}-letters` : 'my-letters';
    const target = await freeFile(parent, stem);
    // Letters nobody claimed yet are the camper's own (the teacher then counts them by name).
    await writeLettersFile(
      target,
      name ? letters.map((l) => ({ ...l, camper: l.camper ?? name })) : letters,
    );
    return { path: target, chosen };
  }

  private empty(which: LettersWhich): LetterLabError {
    return new LetterLabError(
      'letters.too-few',
      which === 'mine'
        ? 'You have not kept any letters yet: draw one and keep it first.'
        : 'The class file is empty: add the campers’ files first.',
    );
  }
}

/** A class file of MAX_COLLECTION letters is ~63 MB; anything far larger is not one. */
const MAX_CLASS_FILE_BYTES = 2 * MAX_COLLECTION * LETTER_PIXELS * 8;
const which = z.enum(['mine', 'class']);
const label = z
  .number()
  .int()
  .min(0)
  .max(KEPT_CLASSES - 1);
const id = z.string().regex(/^[0-9a-f]{16}$/, 'a letter id is 16 hex digits');

export function setupLetters(
  registry: ApiRegistry,
  ctx: HostContext,
  datasets: DatasetService,
  evaluation: EvaluationService,
): LettersService {
  const service = new LettersService(ctx);
  registry.handle('letters:mine', z.undefined(), () => service.mine());
  registry.handle(
    'letters:add',
    z.object({
      pixels: z.array(z.number().int().min(0).max(255)).length(LETTER_PIXELS),
      label,
    }),
    ({ pixels, label }) => service.add(pixels, label),
  );
  registry.handle('letters:relabel', z.object({ id, label }), ({ id, label }) =>
    service.relabel(id, label),
  );
  registry.handle('letters:delete', z.object({ id }), ({ id }) => service.remove(id));
  registry.handle('letters:class', z.undefined(), () => service.summary('class'));
  registry.handle(
    'letters:class-add',
    z.object({
      name: z.string().min(1).max(255),
      bytes: z
        .instanceof(Uint8Array)
        .refine((b) => b.length > 0, 'the file is empty')
        .refine((b) => b.length <= MAX_CLASS_FILE_BYTES, 'the file is too large for letters'),
    }),
    ({ name, bytes }) => service.classAdd(name, bytes),
  );
  registry.handle('letters:class-reset', z.undefined(), () => service.classReset());
  registry.handle('letters:open', z.object({ which }), ({ which }) =>
    service.open(which, datasets),
  );
  registry.handle(
    'letters:export',
    z.object({ which, camper: z.string().max(200).optional() }),
    ({ which, camper }) => service.export(which, camper),
  );
  setupLettersEvaluation(registry, ctx, service, evaluation);
  setupLettersTeaching(registry, ctx, service);
  return service;
}
