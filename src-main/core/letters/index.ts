// My letters: kept letters in letters files, merging class files, teaching networks with them.
export {
  HOLD_BACK_EVERY,
  LETTER_PIXELS,
  LETTER_SIDE,
  isHeldBack,
  labelOf,
  letterId,
  letterName,
  makeLetter,
  toLevels,
  type StoredLetter,
} from './letter';
export { cleanCamperName, decodeLetters, encodeLetters, letterVariables } from './codec';
export { readLettersBytes, readLettersFile, removeStaleTemps, writeLettersFile } from './file';
export { KEPT_CLASSES, LettersCollectionFile, MAX_COLLECTION } from './collection';
export { camperCounts, camperFromFileName, mergeLetters, type MergeSource } from './merge';
export { indicesWhere, lettersImageSet, type LettersSet } from './image-set';
export {
  MAX_SHARE,
  MIN_SHARE,
  MIN_TEACH_LETTERS,
  measureTeaching,
  teachingData,
  type TeachingData,
  type TeachingParts,
} from './teach';
export { fitsNetwork, loadTeachingParts } from './teach-load';
