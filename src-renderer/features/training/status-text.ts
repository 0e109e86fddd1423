// The sentence for every state of a run (read out by the live region when the state changes).
import type { StopPoint, TrainingStatus } from '../../../src-main/contract/training-api';
import type { BatchProgress, EpochRecord } from '../../../src-main/contract/training';
import type { Translate } from './summary';

export function statusText(
  run: {
    status: TrainingStatus;
    message: string | null;
    history: EpochRecord[];
    lastBatch: BatchProgress | null;
    targetEpochs: number;
    savedEpoch: number;
    stoppedAt: StopPoint | null;
  },
  tr: Translate,
): string {
  const message = run.message ?? tr('training.status.noReason');
  switch (run.status) {
    case 'idle':
      return tr('training.status.idle');
    case 'starting':
      return tr('training.status.starting');
    case 'running':
      return tr('training.status.running');
    case 'paused':
      return tr('training.status.paused');
    case 'stopping':
      return tr('training.status.stopping');
    case 'finished':
      return tr('training.status.finished', {
        epoch: run.history.at(-1)?.epoch ?? run.targetEpochs,
      });
    case 'stopped':
      // Main offers "train more" only from an epoch's autosave; a stop keeps the network of the
      // last full epoch and drops the unfinished one's batches.
      if (run.savedEpoch === 0) return tr('training.status.stoppedEarly');
      if (run.stoppedAt === null) return tr('training.status.stopped', { kept: run.savedEpoch });
      return tr('training.status.stoppedMidEpoch', { ...run.stoppedAt, kept: run.savedEpoch });
    case 'failed':
      return tr('training.status.failed', { message });
    case 'crashed':
      return tr('training.status.crashed', { message });
  }
}
