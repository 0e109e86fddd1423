import { defineMessages } from '../define';

// Strings of the notebook feature: keys start with 'notebook.'.
export const notebook = defineMessages({}, {});
