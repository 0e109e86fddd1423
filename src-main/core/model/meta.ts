// Checks a parsed meta.json closely enough that the rest of the app can trust its shape.

import path from 'node:path';
import type { ModelMeta } from '../../contract/training';
import { LetterLabError } from '../errors';
import { META_JSON } from './files';

const BACKENDS = ['tensorflow', 'wasm', 'cpu'];

/** Returns `value` as a ModelMeta, or throws model.corrupt naming the first bad field. */
export function parseMeta(value: unknown, dir: string): ModelMeta {
  const bad = (field: string, what: string): never => {
    throw new LetterLabError(
      'model.corrupt',
      `The saved model in ${dir} is damaged: ${META_JSON} field "${field}" ${what}. Delete it and train the model again.`,
      { path: path.join(dir, META_JSON) },
    );
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return bad('(top)', 'is not an object');
  const m = value as Record<string, unknown>;
  if (m.version !== 1)
    bad('version', `is ${JSON.stringify(m.version)}, this Letter Lab reads version 1`);
  if (typeof m.name !== 'string' || m.name.trim() === '') bad('name', 'is not a non-empty text');
  if (m.spec === null || typeof m.spec !== 'object') bad('spec', 'is not an object');
  const spec = m.spec as Record<string, unknown>;
  if (
    !Array.isArray(spec.layers) ||
    typeof spec.input !== 'object' ||
    typeof spec.classes !== 'number'
  ) {
    bad('spec', 'lacks layers, input or classes');
  }
  if (m.compile === null || typeof m.compile !== 'object') bad('compile', 'is not an object');
  if (!Array.isArray(m.history)) bad('history', 'is not a list');
  (m.history as unknown[]).forEach((r, i) => {
    const rec = r as Record<string, unknown> | null;
    if (
      !rec ||
      typeof rec.epoch !== 'number' ||
      typeof rec.loss !== 'number' ||
      typeof rec.acc !== 'number'
    ) {
      bad(`history[${i}]`, 'lacks epoch, loss or acc');
    }
  });
  if (m.dataset !== null) {
    const d = m.dataset as Record<string, unknown> | undefined;
    if (!d || typeof d.fingerprint !== 'string' || typeof d.splitSeed !== 'number') {
      bad('dataset', 'is neither null nor {fingerprint, splitSeed}');
    }
    if (
      d?.testFraction !== undefined &&
      !(typeof d.testFraction === 'number' && d.testFraction > 0 && d.testFraction < 1)
    )
      bad('dataset.testFraction', 'is not a share between 0 and 1');
    if (d?.split !== undefined && d.split !== 'sklearn' && d.split !== 'mixed')
      bad('dataset.split', 'is neither "sklearn" nor "mixed"');
  }
  if (m.accuracy !== null && typeof m.accuracy !== 'number')
    bad('accuracy', 'is neither null nor a number');
  if (typeof m.backend !== 'string' || !BACKENDS.includes(m.backend))
    bad('backend', `is not one of ${BACKENDS.join(', ')}`);
  if (typeof m.savedAt !== 'string' || Number.isNaN(Date.parse(m.savedAt)))
    bad('savedAt', 'is not a date');
  return value as ModelMeta;
}
