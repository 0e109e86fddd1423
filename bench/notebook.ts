// The notebook row of `npm run bench`: how long the whole notebook would train (every model for
// its notebook epochs, 20 for the MLP and 10 for the others) at the measured speeds, ours and
// PyTorch's, from the same run. An epoch is the full training split at each side's median
// samples/s; the pair ratios take run r of every model on both sides.

/** What the total needs of one preset's report. */
export interface NotebookPart {
  preset: string;
  /** The notebook's epochs for this model. */
  epochs: number;
  ours: { samplesPerSecond: number; runs: { samplesPerSecond: number }[] };
  pytorch: { samplesPerSecond: number; runs: { samplesPerSecond: number }[] } | null;
}

export interface NotebookTotal {
  /** The presets counted, and the epochs of each. */
  epochs: Record<string, number>;
  /** Training images per epoch (the full training split). */
  samplesPerEpoch: number;
  /** Estimated training seconds of the whole notebook. */
  oursSeconds: number;
  pytorchSeconds: number | null;
  /** PyTorch's seconds over ours (above 1: ours is faster), and the same for each run pair. */
  ratio: number | null;
  pairRatios: number[];
  /** The preset with the lowest speed ratio (ours over PyTorch's samples/s) and that ratio. */
  slowest: { preset: string; ratio: number } | null;
}

/** Seconds to train `epochs` epochs of `samples` images at `samplesPerSecond`. */
function seconds(epochs: number, samples: number, samplesPerSecond: number): number {
  return (epochs * samples) / samplesPerSecond;
}

/** The notebook's estimated training time on both sides, from the presets' measured speeds. */
export function notebookTotal(parts: NotebookPart[], samplesPerEpoch: number): NotebookTotal {
  const epochs = Object.fromEntries(parts.map((p) => [p.preset, p.epochs]));
  const ours = parts.reduce(
    (t, p) => t + seconds(p.epochs, samplesPerEpoch, p.ours.samplesPerSecond),
    0,
  );
  const withTorch = parts.every((p) => p.pytorch !== null) && parts.length > 0;
  const torch = withTorch
    ? parts.reduce(
        (t, p) => t + seconds(p.epochs, samplesPerEpoch, p.pytorch?.samplesPerSecond ?? NaN),
        0,
      )
    : null;
  const pairs = withTorch
    ? Math.min(...parts.map((p) => Math.min(p.ours.runs.length, p.pytorch?.runs.length ?? 0)))
    : 0;
  const pairRatios = Array.from({ length: pairs }, (_, r) => {
    let oursRun = 0;
    let torchRun = 0;
    for (const p of parts) {
      oursRun += seconds(p.epochs, samplesPerEpoch, p.ours.runs[r].samplesPerSecond);
      torchRun += seconds(
        p.epochs,
        samplesPerEpoch,
        (p.pytorch as NonNullable<NotebookPart['pytorch']>).runs[r].samplesPerSecond,
      );
    }
    return torchRun / oursRun;
  });
  let slowest: NotebookTotal['slowest'] = null;
  if (withTorch) {
    for (const p of parts) {
      const ratio = p.ours.samplesPerSecond / (p.pytorch?.samplesPerSecond ?? NaN);
      if (!slowest || ratio < slowest.ratio) slowest = { preset: p.preset, ratio };
    }
  }
  return {
    epochs,
    samplesPerEpoch,
    oursSeconds: ours,
    pytorchSeconds: torch,
    ratio: torch === null ? null : torch / ours,
    pairRatios,
    slowest,
  };
}
