import { defineMessages } from '../define';

// Strings of the dataset feature: keys start with 'dataset.'.
export const dataset = defineMessages({}, {});
