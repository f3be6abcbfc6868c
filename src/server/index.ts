/** `media-room-elements/server`: Node-only helpers for issuing LiveKit access tokens. */
export {
  createTokenHandler,
  validateJoinRequest,
  type JoinRequest,
  type JoinRequestResult,
  type NodeHandler,
  type TokenHandlerOptions,
} from './token-handler.js';
