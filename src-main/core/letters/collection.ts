// A collection of kept letters saved in a letters file: every change is written to disk (atomically)
// before it is reported, so a kept letter is never lost. Changes to one collection run one at a
// time; a file changed by another process (the CLI while the app runs) is read again first.
import { stat } from 'node:fs/promises';
import { LetterLabError } from '../errors';
import { readLettersFile, removeStaleTemps, writeLettersFile } from './file';
import { checkLabel, letterName, makeLetter, type StoredLetter } from './letter';
import { mergeLetters, type MergeResult, type MergeSource } from './merge';

/** A collection holds at most this many letters (a class of 40 campers drawing 250 each). */
export const MAX_COLLECTION = 10_000;
/** Campers keep letters A..J, the notMNIST classes. */
export const KEPT_CLASSES = 10;

async function stampOf(file: string): Promise<string> {
  const info = await stat(file).catch(() => null);
  return info ? `${info.ino}:${info.size}:${info.mtimeMs}` : 'missing';
}

export class LettersCollectionFile {
  private letters: StoredLetter[] | null = null;
  private stamp = '';
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly file: string,
    readonly limit = MAX_COLLECTION,
  ) {}

  /** Runs `work` after every earlier change of this collection has finished. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** The letters on disk now (a missing file is an empty collection). */
  private async current(): Promise<StoredLetter[]> {
    const stamp = await stampOf(this.file);
    if (this.letters && stamp === this.stamp) return this.letters;
    await removeStaleTemps(this.file);
    this.letters = stamp === 'missing' ? [] : await readLettersFile(this.file, this.limit);
    this.stamp = stamp;
    return this.letters;
  }

  private async save(letters: StoredLetter[]): Promise<StoredLetter[]> {
    await writeLettersFile(this.file, letters);
    this.letters = letters;
    this.stamp = await stampOf(this.file);
    return letters;
  }

  read(): Promise<StoredLetter[]> {
    return this.exclusive(() => this.current());
  }

  /** Keeps a picture as letter `label`; the very same picture twice is refused. */
  async add(
    pixels: Uint8Array,
    label: number,
    camper: string | null = null,
  ): Promise<{ letters: StoredLetter[]; added: StoredLetter }> {
    checkLabel(label, KEPT_CLASSES);
    return this.exclusive(async () => {
      const letters = await this.current();
      const added = makeLetter(pixels, label, camper);
      const twin = letters.findIndex((l) => l.id === added.id);
      if (twin >= 0) {
        throw new LetterLabError(
          'letters.duplicate',
          `This very picture is already kept (letter ${twin + 1} of the file, kept as ${letterName(letters[twin].label)}); ` +
            'draw it again if you want another one.',
        );
      }
      this.checkRoom(letters.length + 1);
      return { letters: await this.save([...letters, added]), added };
    });
  }

  async relabel(id: string, label: number): Promise<StoredLetter[]> {
    checkLabel(label, KEPT_CLASSES);
    return this.exclusive(async () => {
      const letters = await this.current();
      const at = this.find(letters, id);
      const changed = [...letters];
      changed[at] = { ...letters[at], label };
      return this.save(changed);
    });
  }

  remove(id: string): Promise<StoredLetter[]> {
    return this.exclusive(async () => {
      const letters = await this.current();
      const at = this.find(letters, id);
      return this.save(letters.filter((_, i) => i !== at));
    });
  }

  /** Adds the letters of `sources` that are not in the collection yet (see mergeLetters). */
  merge(sources: readonly MergeSource[]): Promise<MergeResult> {
    return this.exclusive(async () => {
      const result = mergeLetters(await this.current(), sources);
      this.checkRoom(result.letters.length);
      await this.save(result.letters);
      return result;
    });
  }

  /** Replaces every letter (a new, empty class file). */
  replace(letters: StoredLetter[]): Promise<StoredLetter[]> {
    return this.exclusive(() => this.save(letters));
  }

  private checkRoom(count: number): void {
    if (count > this.limit) {
      throw new LetterLabError(
        'letters.too-many',
        `The collection would hold ${count} letters; it holds at most ${this.limit}. ` +
          'Start a new file for more.',
      );
    }
  }

  private find(letters: StoredLetter[], id: string): number {
    const at = letters.findIndex((l) => l.id === id);
    if (at < 0) {
      throw new LetterLabError(
        'letters.not-found',
        `There is no kept letter ${id} (it may have been deleted meanwhile).`,
      );
    }
    return at;
  }
}
