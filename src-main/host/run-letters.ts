// The letters a training run learns from: the file (by its content fingerprint) and the 80/20
// split. A run only ever trains and validates on the letters it started with, so "train more"
// checks them, and the lab notebook records them.
import type { DatasetInfo } from '../contract/dataset';
import type { RunDataset } from '../contract/runs';
import { SPLIT_METHOD } from '../core/dataset/split';

/** What a run keeps about the letters open when it starts. */
export function runDatasetOf(info: DatasetInfo): RunDataset {
  return {
    label: info.label,
    source: info.source,
    ...(info.fonts === undefined ? {} : { fonts: info.fonts }),
    fileName: info.fileName,
    fingerprint: info.fingerprint,
    splitSeed: info.split.seed,
    testFraction: info.split.testFraction,
    split: SPLIT_METHOD,
    train: info.split.train,
    test: info.split.test,
  };
}

/** Whether `info` is the same letters with the same split as the run's. */
export function sameRunLetters(run: RunDataset, info: DatasetInfo): boolean {
  return (
    run.fingerprint === info.fingerprint &&
    run.splitSeed === info.split.seed &&
    run.testFraction === info.split.testFraction
  );
}
