// My letters: the camper's own collection of drawn letters (a letters file like the teacher's),
// the class collection merged from campers' files, evaluating a network on every letter of a file,
// and teaching a saved network with them. Types only; the code is in src-main/core/letters and
// src-main/host/letters*.ts.
import type { DatasetInfo, DatasetSource } from './dataset';
import type { EvaluatedLetters, EvaluationNumbers } from './evaluation';
import type { TrainingState } from './training-api';

/** The two collections the app keeps in the user's data folder. */
export type LettersWhich = 'mine' | 'class';
/** What an evaluation runs on: a kept collection, or every letter of the file open in the Letters tab. */
export type LettersTarget = LettersWhich | 'open';

/** One kept letter, as the network gets it. */
export interface KeptLetter {
  /** Names the letter: the first 16 hex digits of the sha256 of its pixels (no two are equal). */
  id: string;
  label: number;
  /** 28*28 grey levels 0..255, row-major, ink 255 (bright) on background 0, as notMNIST. */
  pixels: number[];
  /** Held back for testing: never trained on (decided by the picture alone, so it never changes). */
  heldBack: boolean;
  /** Who drew it (class files), or null. */
  camper: string | null;
}

export interface CamperCount {
  name: string;
  count: number;
}

/** A collection file and what is in it. */
export interface LettersSummary {
  which: LettersWhich;
  /** The file in the user's data folder (it exists once the first letter is kept). */
  path: string;
  fileName: string;
  count: number;
  /** Letters per class A..J (always 10 entries; more when the file names more classes). */
  countsPerClass: number[];
  /** How many of them are held back for testing. */
  heldBack: number;
  /** Letters per camper, for files that say who drew what (class files). */
  campers: CamperCount[];
  /** Letters the collection can hold at most. */
  limit: number;
}

/** A collection with its letters (the camper's own collection is small enough to send whole). */
export interface LettersCollection extends LettersSummary {
  letters: KeptLetter[];
}

/** What one merged file brought into the class file. */
export interface MergedFile {
  /** The file's name as the teacher picked it. */
  name: string;
  /** Letters in the file. */
  letters: number;
  added: number;
  /** Letters refused because the class file already has the very same picture. */
  duplicates: number;
  /** The same per camper named in the file (the file's own name when it names nobody). */
  campers: { name: string; added: number; duplicates: number }[];
}

export interface MergeReport {
  files: MergedFile[];
  added: number;
  duplicates: number;
  summary: LettersSummary;
}

/** Where an exported letters file was written. */
export interface LettersExport {
  path: string;
  /** True when the camper picked the folder in a dialog (desktop); false in browser mode, where
   * the host writes into <userData>/exports. */
  chosen: boolean;
}

/** Accuracy on a group of letters. */
export interface AccuracyCount {
  count: number;
  correct: number;
  /** correct / count, 0..1 (0 when count is 0). */
  accuracy: number;
}

/** How a network does on every letter of a letters file, beside its score on the font letters. */
export interface LettersEvaluation extends EvaluationNumbers {
  /** Names this evaluation; its cells and mistakes are asked for by this key. */
  key: string;
  target: LettersTarget;
  /** What the file is called in the UI (file name, or the open set's label). */
  label: string;
  classNames: string[];
  height: number;
  width: number;
  model: {
    name: string;
    source: 'run' | 'saved';
    epochs: number;
    /** The letters file it was taught with (see TeachingInfo), or null. */
    taughtWith: string | null;
  };
  /** Only the held-back letters: the fair test when the network was taught with this file. */
  heldBack: AccuracyCount;
  /** Its accuracy on the test part of the letters open in the Letters tab (the fonts), or null
   * when it cannot be measured (no letters open, or they do not fit the network). */
  fonts: (AccuracyCount & { label: string; source: DatasetSource; fonts?: number }) | null;
  /** Class letters: per camper named in the file, in the file's order (empty for other files). */
  campers?: (AccuracyCount & { name: string })[];
  /** Class letters: only those that are not in the camper's own collection (the others' hands). */
  others?: AccuracyCount | null;
  seconds: number;
}

// ---- teaching ----

/** How a saved network is taught. */
export type TeachMode =
  /** The fonts' training part with these letters mixed into every batch. */
  | 'mixed'
  /** These letters alone. */
  | 'only';

/** What the training process needs to teach: sent with the start message. */
export interface TeachPlan {
  /** The letters file to learn from (a copy kept in the run's folder). */
  lettersPath: string;
  /** What the UI calls it ("My letters", the file name). */
  lettersLabel: string;
  mode: TeachMode;
  /** Mixed mode: the share of every batch that are these letters (0.05..0.75). */
  share: number;
  /**
   * Hold back letters by their picture (the default for drawn letters). False: the letters file is
   * the one the network started with, and its own split (the run's seed) decides, so its test
   * letters stay unseen.
   */
  holdBackByPicture: boolean;
  /**
   * Whether the start message's letters file holds font letters to mix in (mixed mode) or to
   * measure before and after (only mode). False: there is nothing to compare with (the CLI).
   */
  withFonts: boolean;
}

/** Accuracy before or after teaching. */
export interface TeachMeasure {
  /** On the held-back letters of the taught file. */
  heldBack: AccuracyCount;
  /** On the font letters' test part; null when there are no font letters to measure. */
  fonts: AccuracyCount | null;
}

/** Everything about a teaching run: what it learned from and how it did before and after. */
export interface TeachingInfo {
  plan: TeachPlan;
  /** The network it started from. */
  from: { name: string; source: 'run' | 'saved'; epochs: number };
  /** Letters of the taught file it trains on, and held back. */
  letters: { fileName: string; train: number; heldBack: number };
  /** The font letters mixed in (mixed mode) or only measured (only mode); null without any. */
  fonts: { label: string; fileName: string; train: number; test: number } | null;
  before: TeachMeasure | null;
  after: TeachMeasure | null;
}

export interface TeachRequest {
  which: LettersWhich;
  mode: TeachMode;
  share: number;
  epochs: number;
}

export interface LettersInvoke {
  /** The camper's own collection, with every letter. */
  'letters:mine': { request: void; response: LettersCollection };
  /** Keeps a drawing (grey levels as the drawing pad makes them) as letter `label`. */
  'letters:add': {
    request: { pixels: number[]; label: number };
    response: { collection: LettersCollection; added: KeptLetter };
  };
  'letters:relabel': { request: { id: string; label: number }; response: LettersCollection };
  'letters:delete': { request: { id: string }; response: LettersCollection };
  /** The class file: counts per letter and per camper (no pictures). */
  'letters:class': { request: void; response: LettersSummary };
  /** Merges a camper's file (sent as bytes) into the class file; duplicates are refused. */
  'letters:class-add': { request: { name: string; bytes: Uint8Array }; response: MergeReport };
  /** Starts a new, empty class file (the old one is kept beside it, renamed). */
  'letters:class-reset': { request: void; response: LettersSummary };
  /** Opens a collection in the Letters tab, like any letters file. */
  'letters:open': { request: { which: LettersWhich }; response: DatasetInfo };
  /** Writes a copy to a folder (desktop: picked in a dialog; null when cancelled). */
  'letters:export': {
    request: { which: LettersWhich; camper?: string };
    response: LettersExport | null;
  };
  /** The network in use on every letter of a file. */
  'letters:evaluate': { request: { target: LettersTarget }; response: LettersEvaluation };
  'letters:evaluation-cell': {
    request: { key: string; true: number; predicted: number; limit: number };
    response: EvaluatedLetters;
  };
  'letters:evaluation-mistakes': {
    request: { key: string; limit: number };
    response: EvaluatedLetters;
  };
  /** Starts a new training run from the network in use, taught with a collection. */
  'letters:teach': { request: TeachRequest; response: TrainingState };
}

export interface LettersEvents {
  /** A collection changed (a letter kept, relabelled, deleted, a file merged). */
  'letters:changed': { which: LettersWhich; count: number };
}
