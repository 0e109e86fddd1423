// Channels of this feature. Types only.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EvaluationInvoke {}
