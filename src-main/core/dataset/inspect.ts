import { loadDataset } from './load';
import type { LoadDatasetOptions, MatInspection } from './types';

/** What `letter-lab inspect <file>` prints: the file's variables, images, classes and split. */
export async function inspectMat(
  path: string,
  opts: LoadDatasetOptions = {},
): Promise<MatInspection> {
  const { set, info } = await loadDataset(path, { fingerprint: false, ...opts });
  return {
    format: info.format,
    compressed: info.compressed,
    variables: info.variables,
    images: { height: set.height, width: set.width, count: set.count },
    classes: set.classes,
    countsPerClass: info.countsPerClass,
    split: { train: set.train.length, test: set.test.length },
    loadMs: Math.round(info.loadMs),
  };
}
