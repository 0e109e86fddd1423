// The lessons' pure logic, shared by the host, the CLI and the renderer: the eight steps, the
// "build it" check, the results and the ladder, "what happened", beat the notebook, the report.
export {
  DEFAULT_BUDGET,
  LESSON_STEPS,
  LESSON_STEP_IDS,
  MAX_BUDGET,
  MAX_EPOCH_CAP,
  MIN_BUDGET,
  lessonStep,
  stepEpochs,
  stepSpec,
} from './steps';
export type { LessonIdea, LessonStep } from './steps';
export { checkStep, type LessonHint, type StepCheck } from './check';
export { hintText, type HintLevel } from './hints';
export { changeSentence, type StepNumbers } from './changes';
export {
  fill,
  formatAccuracy,
  formatCount,
  formatDuration,
  formatRatio,
  type LessonLang,
} from './format';
export { ladderLayout, LADDER_SIZE, type LadderLayout, type PlacedPoint } from './ladder';
export { ladderSvg, OWN_COLOR, STEP_COLOR, type LadderLabels } from './ladder-svg';
export {
  MAX_CHALLENGE_ENTRIES,
  ladderPointOf,
  lessonsView,
  sameLetters,
  stepAccess,
  stepOfRecord,
  trainingSeconds,
  type LessonsInput,
  type OpenLetters,
} from './results';
export {
  notebookReportHtml,
  type NotebookReportInput,
  type PredictionRow,
  type ReportNetwork,
} from './report/html';
export { escapeXml } from '../text/escape';
