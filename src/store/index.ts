export { RoomStore } from './room-store.js';
export type { RoomStoreEvent, Selector, Equality } from './room-store.js';
export { shallowEqual } from './equality.js';
export * from './selectors.js';
export * from './types.js';
export * from './attributes.js';
export * from './reactions.js';
