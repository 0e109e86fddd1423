// The lab notebook's logic: run records on disk, "what happened" in a run, comparing runs.
export { MAX_COMPARE, MIN_COMPARE, compareRuns } from './compare';
export { percent, verdictText, type RunsLang } from './messages';
export {
  HEARTBEAT_MS,
  PROCESS_OWNER,
  RunWriter,
  STALE_MS,
  interruptedRecord,
  newRunId,
  ownerGone,
  type LiveRun,
} from './writer';
export {
  RECORD_STATUSES,
  RUN_STATUSES,
  bestValidation,
  buildRecord,
  isRunStatus,
  worthRecording,
  type EndedRun,
  type RunSession,
} from './record';
export { MAX_RUN_NAME, MAX_RUN_NOTE, checkRecord } from './schema';
export { RUN_JSON, RUN_MODEL_FOLDER, RunStore, runIdProblem } from './store';
export { analyzeHistory, runVerdict } from './verdict';
