/**
 * media-room-elements: importing this module defines every element.
 * Import `media-room-elements/components/<name>/<name>.js` to define one element alone.
 */
export { MediaRoom } from './components/media-room/media-room.js';
export { MediaCall } from './components/media-call/media-call.js';
export { PreJoin } from './components/pre-join/pre-join.js';
export { LayoutGrid } from './components/layout-grid/layout-grid.js';
export { ParticipantTile } from './components/participant-tile/participant-tile.js';
export { ConnectionQuality } from './components/connection-quality/connection-quality.js';
export { ControlBar } from './components/control-bar/control-bar.js';
export { TrackToggle } from './components/track-toggle/track-toggle.js';
export { ScreenShareButton } from './components/screen-share-button/screen-share-button.js';
export { DevicePicker } from './components/device-picker/device-picker.js';
export { LeaveButton } from './components/leave-button/leave-button.js';
export { RoomAudio } from './components/room-audio/room-audio.js';
export { StartAudio } from './components/start-audio/start-audio.js';
export { ConnectionBanner } from './components/connection-banner/connection-banner.js';
export { AudioVisualizer } from './components/audio-visualizer/audio-visualizer.js';
export { HandRaiseButton } from './components/hand-raise-button/hand-raise-button.js';
export { RecordingIndicator } from './components/recording-indicator/recording-indicator.js';
export { ChatPanel } from './components/chat-panel/chat-panel.js';
export { ChatToggle } from './components/chat-toggle/chat-toggle.js';
export { ParticipantList } from './components/participant-list/participant-list.js';
export { ParticipantsToggle } from './components/participants-toggle/participants-toggle.js';
export { ReactionButton } from './components/reaction-button/reaction-button.js';
export { DeafenButton } from './components/deafen-button/deafen-button.js';
// Captions and transcript
export { CaptionsOverlay } from './components/captions-overlay/captions-overlay.js';
export { CaptionsToggle } from './components/captions-toggle/captions-toggle.js';
export { TranscriptPanel } from './components/transcript-panel/transcript-panel.js';
export { TranscriptToggle } from './components/transcript-toggle/transcript-toggle.js';
export { toPlainText, toWebVTT } from './components/transcript-panel/transcript-format.js';
export * from './events/captions-events.js';
// waiting room
export { WaitingScreen } from './components/waiting-screen/waiting-screen.js';
// Voice processing
export { VoiceSettingsElement } from './components/voice-settings/voice-settings.js';
export { KnockNotices } from './components/knock-notices/knock-notices.js';
export { PipButton } from './components/pip-button/pip-button.js';
// Background effects
export { BackgroundPicker } from './components/background-picker/background-picker.js';
export * from './events/background-events.js';
export { setAssetBase } from './internal/assets.js';
export { sessionContext } from './context/session-context.js';
export * from './session/index.js';
export { StoreController } from './controllers/store-controller.js';
export { TrackController } from './controllers/track-controller.js';
export { LocalizeController, loadLocale, registerLocale } from './controllers/localize.js';
export * from './events/room-events.js';
export * from './events/pre-join-events.js';
export * from './events/layout-events.js';
export * from './events/tile-events.js';
export * from './events/control-events.js';
export * from './events/chat-events.js';
export * from './events/hand-events.js';
export * from './events/participant-events.js';
export * from './events/reaction-events.js';
export * from './events/deafen-events.js';
export * from './events/panel-events.js';
export * from './events/pip-events.js';
export * from './store/index.js';
export type { Messages, MessageKey } from './locales/en.js';
