export { RoomStore, PARTICIPANT_GRACE_MS } from './room-store.js';
// Captions and transcript
export {
  TRANSCRIPT_LIMIT,
  TRANSCRIPT_SEGMENT_MAX,
  TRANSCRIPTION_ATTRIBUTES,
  TRANSCRIPTION_TOPIC,
} from './slices/transcription.js';
export type { RoomStoreEvent, RoomStoreOptions, Selector, Equality } from './room-store.js';
export { shallowEqual } from './equality.js';
export * from './selectors.js';
export * from './types.js';
export * from './attributes.js';
export * from './reactions.js';
export * from './waiting-room.js';
export * from './host-layout.js';
// End-to-end encryption
export { encryptionOf, selectMissingKey, type ParticipantEncryption } from './encryption.js';
