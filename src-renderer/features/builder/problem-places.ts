// Where a whole-model problem (one with `layer: null`) is shown in the builder.
import type { SpecProblem } from '../../../src-main/contract/spec';

/** Problems about what reaches the answer layer: shown on the output block. */
const OUTPUT_CODES = new Set(['empty', 'output-needs-list']);
/** Problems with the training settings: shown next to them. */
const COMPILE_CODES = new Set(['optimizer', 'learning-rate', 'epochs', 'batch-size']);

export type ProblemPlace = 'layer' | 'output' | 'compile' | 'model';

export function placeOf(problem: SpecProblem): ProblemPlace {
  if (problem.layer !== null) return 'layer';
  if (OUTPUT_CODES.has(problem.code)) return 'output';
  if (COMPILE_CODES.has(problem.code)) return 'compile';
  return 'model';
}

export function problemsAt(problems: readonly SpecProblem[], place: ProblemPlace): SpecProblem[] {
  return problems.filter((p) => placeOf(p) === place);
}
