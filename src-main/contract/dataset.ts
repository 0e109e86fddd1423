// Channels of this feature. Types only.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DatasetInvoke {}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DatasetEvents {}
