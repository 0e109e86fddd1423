import { defineMessages } from '../define';

// Strings of the models feature: keys start with 'models.'.
export const models = defineMessages({}, {});
