/**
 * `media-room-elements/server`: Node-only helpers for LiveKit rooms, access tokens with
 * capabilities, and moderation. Holds the API secret; never bundle it for the browser.
 */
export type { NodeHandler } from './http.js';
export {
  CAPABILITIES,
  CAPABILITIES_ATTRIBUTE,
  HAND_ATTRIBUTE,
  NotFoundError,
  createMediaRooms,
  grantForCapabilities,
  parseCapabilities,
  type Capability,
  type CreateRoomOptions,
  type MediaRooms,
  type MediaRoomsOptions,
  type ModerationAction,
  type RoomDetails,
  type RoomServiceApi,
  type RoomSummary,
  type TokenOptions,
  type TokenResult,
} from './media-rooms.js';
export {
  NoNodeError,
  createNodePicker,
  isNodeHealthy,
  type LivekitUrlResolver,
  type NodePickerOptions,
  type NodeRequest,
} from './nodes.js';
export {
  createRequestHandler,
  type JoinDecision,
  type RequestHandlerOptions,
} from './request-handler.js';
export { createTokenHandler, type TokenHandlerOptions } from './token-handler.js';
export { roomKeysFromSecret, type E2eeKeyResolver } from './e2ee-keys.js';
export {
  ADMIT_ATTRIBUTE,
  DENIED_ATTRIBUTE,
  NotWaitingError,
  WAITING_ATTRIBUTE,
  waitingRoomFromMetadata,
} from './waiting-room.js';
export { validateJoinRequest, type JoinRequest, type JoinRequestResult } from './validate.js';
