// Merging campers' letters files into one class file: every letter keeps who drew it (the file's
// own names, else the file's name), and a picture the class file already has is refused.
import path from 'node:path';
import type { CamperCount, MergedFile } from '../../contract/letters';
import { cleanCamperName } from './codec';
import type { StoredLetter } from './letter';

export interface MergeSource {
  /** The file's name as picked ("ola.mat"). */
  name: string;
  letters: readonly StoredLetter[];
}

export interface MergeResult {
  letters: StoredLetter[];
  files: MergedFile[];
}

/** Who drew the letters of a file that names nobody: its name without folders and ending. */
export function camperFromFileName(name: string): string {
  const base = path.basename(name.replace(/\\/g, '/')).replace(/(\.mat)?(\.gz)?$/i, '');
  return cleanCamperName(base) ?? 'camper';
}

/** `target` plus every letter of `sources` whose picture is not in it yet, in order. */
export function mergeLetters(
  target: readonly StoredLetter[],
  sources: readonly MergeSource[],
): MergeResult {
  const seen = new Set(target.map((l) => l.id));
  const letters = [...target];
  const files = sources.map((source): MergedFile => {
    const fallback = camperFromFileName(source.name);
    const campers = new Map<string, { added: number; duplicates: number }>();
    let added = 0;
    for (const letter of source.letters) {
      const camper = letter.camper ?? fallback;
      const count = campers.get(camper) ?? { added: 0, duplicates: 0 };
      campers.set(camper, count);
      if (seen.has(letter.id)) {
        count.duplicates++;
        continue;
      }
      seen.add(letter.id);
      letters.push({ ...letter, camper });
      count.added++;
      added++;
    }
    return {
      name: source.name,
      letters: source.letters.length,
      added,
      duplicates: source.letters.length - added,
      campers: [...campers].map(([name, c]) => ({ name, ...c })),
    };
  });
  return { letters, files };
}

/** Letters per camper, in the order campers first appear; letters of nobody are not counted. */
export function camperCounts(letters: readonly StoredLetter[]): CamperCount[] {
  const counts = new Map<string, number>();
  for (const letter of letters) {
    if (letter.camper !== null) counts.set(letter.camper, (counts.get(letter.camper) ?? 0) + 1);
  }
  return [...counts].map(([name, count]) => ({ name, count }));
}
