// A second real letters file for tests: every `step`-th letter of the bundled sample set, written
// as a notMNIST-style .mat (images 28x28xN uint8, labels Nx1). Other bytes, so another fingerprint.
import path from 'node:path';
import { loadDataset } from '../../src-main/core/dataset/load';
import { writeMat5 } from '../../src-main/core/mat/write';

export const SAMPLE_MAT = path.resolve(
  import.meta.dirname,
  '../../resources/sample/sample-letters.mat',
);

export async function sampleSubsetMat(step = 2, offset = 0): Promise<Uint8Array> {
  const { set } = await loadDataset(SAMPLE_MAT, { fingerprint: false });
  const { height: h, width: w } = set;
  const picked: number[] = [];
  for (let n = offset; n < set.count; n += step) picked.push(n);
  const data = new Uint8Array(h * w * picked.length);
  const labels = picked.map((n) => set.labels[n]);
  picked.forEach((n, k) => {
    for (let r = 0; r < h; r++) {
      for (let c = 0; c < w; c++) {
        // Column-major, as MATLAB stores notMNIST: row r, column c of image k.
        data[r + h * c + h * w * k] = Math.round(set.images[n * h * w + r * w + c] * 255);
      }
    }
  });
  return writeMat5([
    { name: 'images', class: 'uint8', dims: [h, w, picked.length], data },
    { name: 'labels', class: 'double', dims: [picked.length, 1], data: labels },
  ]);
}
