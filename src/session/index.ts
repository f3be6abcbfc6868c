export { RoomSession, type JoinChoice, type SessionConfig } from './room-session.js';
export { REJOIN_DELAYS, REJOIN_REASONS } from './rejoin.js';
export { DevicePreferences, deviceStorageKey, type PreferenceStorage } from './devices.js';
export {
  RoomFailure,
  fetchConnectionDetails,
  toRoomError,
  type ConnectionDetails,
} from './token.js';
export {
  moderationUrlFor,
  postModeration,
  postToServer,
  serverUrlFor,
  type ServerRoute,
} from './moderation.js';
