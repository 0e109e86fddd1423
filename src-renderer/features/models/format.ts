// What the saved-networks list shows about a model, in the UI language's style. Pure.
import type { ModelMeta } from '../../../src-main/contract/training';
import type { DatasetSource } from '../../../src-main/contract/dataset';

/** "1 May 2024, 14:05" or "1 maj 2024, 14:05"; the raw text when it is no date. */
export function formatSavedAt(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Test accuracy 0..1 as "88.5%" ("88,5%" in Polish); null when never measured. */
export function formatModelAccuracy(accuracy: number | null, locale: string): string | null {
  if (accuracy === null || !Number.isFinite(accuracy)) return null;
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(accuracy);
}

/** Epochs the saved weights were trained for (the last epoch number in the history). */
export function epochsOf(meta: ModelMeta): number {
  return meta.history.reduce((most, r) => Math.max(most, r.epoch), 0);
}

/** The letters a model learned from, as the list names them (the sha256 goes in a tooltip). */
export interface ModelLetters {
  /** The file's name or the sample's name; null for models saved before names were kept. */
  label: string | null;
  source: DatasetSource | undefined;
  fonts: number | undefined;
  /** Letters that trained and tested it, when known. */
  train: number | null;
  test: number | null;
  fingerprint: string;
}

export function lettersOf(meta: ModelMeta): ModelLetters | null {
  const d = meta.dataset;
  if (!d) return null;
  return {
    label: d.label ?? d.fileName ?? null,
    source: d.source,
    fonts: d.fonts,
    train: d.train ?? null,
    test: d.test ?? null,
    fingerprint: d.fingerprint,
  };
}

/** A short date for default names: "2024-05-01 14:05". */
export function nameStamp(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}`
  );
}
