// Keeps the record of a run that is training on disk, so a crash of the process that trains it (or
// of the app that watches it) never loses the run: run.json is written (atomically, by RunStore)
// when the run starts, after every saved epoch, now and then while it trains, and when it ends.
// While the run trains the record says 'running' and names its owner process; a listing that finds
// a 'running' record whose owner is gone shows it as 'interrupted' (see settleInterrupted). The
// app's host and `letter-lab train` both use this, so their records are the same.

import { randomBytes } from 'node:crypto';
import os from 'node:os';
import type { RunDataset, RunOwner, RunRecord, RunStatus } from '../../contract/runs';
import { pidAlive } from '../model/atomic';
import { buildRecord, worthRecording, type EndedRun } from './record';
import type { RunStore } from './store';

/** This process, as the owner of the records it writes. */
export const PROCESS_OWNER: RunOwner = {
  pid: process.pid,
  hostname: os.hostname(),
  token: randomBytes(8).toString('hex'),
};
/** A running run's record is written again at least this often, even during a long epoch. */
export const HEARTBEAT_MS = 2 * 60_000;
/** A 'running' record not written for this long belongs to no live run (pid reused, other host). */
export const STALE_MS = 15 * 60_000;

/** A run as its trainer knows it while it trains. */
export type LiveRun = Omit<EndedRun, 'status'>;

/** A new run id: the start time and a random suffix (also the run's folder name). */
export function newRunId(now = new Date()): string {
  return `${now.toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}`;
}

/** True when the process that wrote this 'running' record no longer runs it. */
export function ownerGone(record: RunRecord, now = Date.now()): boolean {
  const owner = record.owner;
  if (!owner) return true;
  if (owner.hostname === PROCESS_OWNER.hostname) {
    if (owner.pid === PROCESS_OWNER.pid) return owner.token !== PROCESS_OWNER.token;
    if (!pidAlive(owner.pid)) return true;
  }
  return now - Date.parse(record.endedAt) > STALE_MS;
}

/** The record of a run whose process vanished while it trained: its epochs and model stay. */
export function interruptedRecord(record: RunRecord): RunRecord {
  const epochs = record.history.length;
  const kept =
    record.savedEpoch > 0
      ? `Its network as it was after epoch ${record.savedEpoch} is kept.`
      : 'No epoch had finished, so there is no trained network to keep.';
  const { owner: _owner, ...rest } = record;
  return {
    ...rest,
    status: 'interrupted',
    message:
      `Letter Lab closed while this run was training${epochs > 0 ? `, after epoch ${record.history[epochs - 1].epoch}` : ''}. ` +
      kept,
  };
}

/** Writes one training session of a run (a start, or "train N more") into `store`. */
export class RunWriter {
  /** The record from before this session (a run trained more), read when it begins. */
  private base: RunRecord | null = null;
  private readonly startedAt = new Date().toISOString();
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private latest: LiveRun | null = null;
  private ended = false;

  constructor(
    private readonly store: RunStore,
    readonly runId: string,
    /** The letters it trains on; may be learnt only once the trainer has loaded them. */
    public dataset: RunDataset | null,
  ) {}

  /** The record of `run` now; the camper's own edits (name, star, note) on disk are kept. */
  private compose(run: LiveRun, status: RunStatus, current: RunRecord | null): RunRecord {
    const record = buildRecord(
      { ...run, status },
      { startedAt: this.startedAt, endedAt: new Date().toISOString(), dataset: this.dataset },
      this.base,
    );
    if (current) {
      record.name = current.name;
      record.starred = current.starred;
      record.note = current.note;
    }
    if (status === 'running') record.owner = PROCESS_OWNER;
    return record;
  }

  /** The session starts: the run is written as 'running'. */
  async begin(run: LiveRun): Promise<RunRecord | null> {
    this.latest = run;
    const record = await this.store.change(
      this.runId,
      (current) => {
        this.base = current;
        return this.compose(run, 'running', current);
      },
      true,
    );
    this.heartbeat = setInterval(() => {
      if (this.latest) void this.update(this.latest).catch(() => undefined);
    }, HEARTBEAT_MS);
    this.heartbeat.unref?.();
    return record;
  }

  /** An epoch was saved (or time passed): the record is written again, still 'running'. */
  update(run: LiveRun): Promise<RunRecord | null> {
    this.latest = run;
    return this.store.change(
      this.runId,
      (current) => (this.ended ? null : this.compose(run, 'running', current)),
      true,
    );
  }

  /** The run never really began (its letters could not be read): its record and folder go. */
  async discard(): Promise<void> {
    this.ended = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    if (this.base === null) await this.store.forget(this.runId, true);
  }

  /**
   * The session ended: the final record, or none for a run stopped before its first epoch (its
   * folder goes too when nothing in it is worth keeping). Returns the record written, if any.
   */
  async end(run: EndedRun, hasModel: boolean): Promise<RunRecord | null> {
    this.ended = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    if (!worthRecording(run, this.base)) {
      await this.store.forget(this.runId, !hasModel);
      return null;
    }
    return this.store.change(this.runId, (current) => this.compose(run, run.status, current), true);
  }
}
