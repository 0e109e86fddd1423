import { defineMessages } from '../define';

// Strings of the evaluation feature: keys start with 'evaluation.'.
export const evaluation = defineMessages({}, {});
