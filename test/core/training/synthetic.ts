// A small, learnable stand-in for notMNIST: class k has a bright horizontal bar in band k, on noise.
import type { SplitImageSet } from '../../../src-main/core/dataset/types';
import type { ModelSpec } from '../../../src-main/contract/spec';

export function syntheticSet(
  count: number,
  size: number,
  classes: number,
  seed: number,
): SplitImageSet {
  const pixels = size * size;
  const images = new Float32Array(count * pixels);
  const labels = new Uint8Array(count);
  let s = seed >>> 0 || 1;
  const random = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  for (let i = 0; i < count; i++) {
    const c = Math.floor(random() * classes);
    labels[i] = c;
    for (let p = 0; p < pixels; p++) images[i * pixels + p] = random() * 0.4;
    const row = Math.floor(((c + 0.5) * size) / classes);
    const from = Math.floor(random() * 3);
    for (let x = from; x < size - 2 + from; x++) images[i * pixels + row * size + x] = 1;
  }
  const all = Array.from({ length: count }, (_, i) => i);
  return {
    images,
    labels,
    count,
    height: size,
    width: size,
    classes,
    classNames: 'ABCDEFGHIJ'.slice(0, classes).split(''),
    train: Uint32Array.from(all.filter((i) => i % 5 !== 0)),
    test: Uint32Array.from(all.filter((i) => i % 5 === 0)),
    seed,
    testFraction: 0.2,
  };
}

/** conv -> maxpool -> flatten -> dense -> dropout (-> output), sized for `size`x`size` images. */
export function smallConvSpec(size: number, classes: number, batchSize = 32): ModelSpec {
  return {
    version: 1,
    name: 'small conv',
    input: { height: size, width: size, channels: 1 },
    classes,
    compile: { optimizer: 'adam', learningRate: 0.003, epochs: 3, batchSize },
    layers: [
      {
        type: 'conv2d',
        filters: 6,
        kernelSize: 3,
        strides: 1,
        padding: 'valid',
        activation: 'relu',
      },
      { type: 'maxPool2d', poolSize: 2, strides: 2, padding: 'valid' },
      { type: 'batchNormalization' },
      { type: 'flatten' },
      { type: 'dense', units: 16, activation: 'relu' },
      { type: 'dropout', rate: 0.3 },
    ],
  };
}
