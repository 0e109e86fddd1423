import { defineMessages } from '../define';

// Strings of the training feature: keys start with 'training.'.
export const training = defineMessages({}, {});
