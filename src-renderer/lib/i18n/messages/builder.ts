import { defineMessages } from '../define';

// Strings of the builder feature: keys start with 'builder.'.
export const builder = defineMessages({}, {});
