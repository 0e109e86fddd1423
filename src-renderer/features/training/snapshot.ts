// Combining what main says about the run (snapshots) with the live events already applied.
import type { TrainingState as Snapshot } from '../../../src-main/contract/training-api';
import { laterBatch } from './curve';

/**
 * A reply to a request can arrive after events that are newer than it (they travel separately).
 * One older than the last state event applied (a lower seq) is dropped.
 * A reply about another run replaces everything; one about the same run only adds what is newer
 * and never takes the status back (status changes always come as events too).
 */
export function mergeReply(local: Snapshot, reply: Snapshot): Snapshot {
  // Older than a state event already applied (e.g. the reply to Stop after the run ended and
  // dropped its unfinished epoch): it has nothing newer.
  if (reply.seq < local.seq) return local;
  if (reply.runId !== local.runId) return reply;
  const lastGlobal = (s: Snapshot) => s.batchCurve.at(-1)?.[0] ?? 0;
  return {
    ...local,
    backend: local.backend ?? reply.backend,
    savedEpoch: Math.max(local.savedEpoch, reply.savedEpoch),
    history: reply.history.length > local.history.length ? reply.history : local.history,
    batchCurve: lastGlobal(reply) > lastGlobal(local) ? reply.batchCurve : local.batchCurve,
    lastBatch: laterBatch(local.lastBatch, reply.lastBatch),
  };
}
