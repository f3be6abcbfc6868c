/**
 * media-room-elements: importing this module defines every element.
 * Import `media-room-elements/components/<name>/<name>.js` to define one element alone.
 */
export { MediaRoom } from './components/media-room/media-room.js';
export { ParticipantTile } from './components/participant-tile/participant-tile.js';
export { roomContext } from './context/room-context.js';
export { StoreController } from './controllers/store-controller.js';
export { TrackController } from './controllers/track-controller.js';
export { LocalizeController, registerLocale } from './controllers/localize.js';
export * from './events/room-events.js';
export * from './store/index.js';
export type { Messages, MessageKey } from './locales/en.js';
