// The short line about the training engine that campers read: which kind of engine and how many
// processor cores it trains on. The status bar says it in the camper's language (from
// `backendSummaryOf`) with the full technical reason in its details; `letter-lab info` prints the
// English line beside that reason. Pure: no imports but types.
import type { BackendInfo, BackendSummary } from '../../contract/backend';

export type { BackendSummary };

export function backendSummaryOf(info: BackendInfo, cpus: number): BackendSummary {
  const cores = Math.max(1, info.name === 'tensorflow' ? cpus : (info.threads ?? 1));
  const engine =
    info.name === 'tensorflow' ? 'native' : info.name === 'wasm' ? 'processor' : 'slow';
  return { engine, cores };
}

/** The line in English: "Training on this computer's processor, 2 cores". */
export function backendSummaryText(info: BackendInfo, cpus: number): string {
  const { engine, cores } = backendSummaryOf(info, cpus);
  const count = cores === 1 ? '1 core' : `${cores} cores`;
  switch (engine) {
    case 'native':
      return `Training with TensorFlow on this computer's processor, ${count}`;
    case 'processor':
      return `Training on this computer's processor, ${count}`;
    case 'slow':
      return `Training slowly in plain JavaScript, ${count}`;
  }
}
