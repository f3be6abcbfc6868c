export { RoomStore, PARTICIPANT_GRACE_MS } from './room-store.js';
export type { RoomStoreEvent, RoomStoreOptions, Selector, Equality } from './room-store.js';
export { shallowEqual } from './equality.js';
export * from './selectors.js';
export * from './types.js';
export * from './attributes.js';
export * from './reactions.js';
export * from './host-layout.js';
