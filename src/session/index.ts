export { RoomSession, type JoinChoice } from './room-session.js';
export type { SessionConfig } from './session-config.js';
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
export {
  PictureInPicture,
  pipSupport,
  selectPipView,
  type PipOptions,
  type PipState,
  type PipTile,
  type PipView,
} from './pip.js';
export {
  Background,
  BACKGROUND_KEY,
  type BackgroundChoice,
  type BackgroundImage,
  type BackgroundState,
  type BackgroundStatus,
  type BackgroundUnsupported,
} from './background.js';
export { VOICE_DEFAULTS, VoiceProcessing, type VoiceSettings } from './voice.js';
export { voiceSettings } from './voice-values.js';
