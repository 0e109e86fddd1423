import { defineMessages } from '../define';

// Strings of the predict feature: keys start with 'predict.'.
export const predict = defineMessages({}, {});
