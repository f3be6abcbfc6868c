/**
 * Node-only token endpoint: validates a join request and answers with a LiveKit access token.
 * The token routes and the hand route of `createRequestHandler`, without moderation.
 *
 * Routes (query strings are ignored):
 * - `POST /api/token` with body `{ room, identity?, name? }`
 * - `POST /api/rooms/:room/join` with body `{ identity?, name? }` (a room in the body is ignored)
 * - `POST /api/rooms/:room/hand` with body `{ raised }` and the caller's own token as a Bearer
 *   token: raises or lowers the caller's own hand (participants do not write their own attributes)
 */
import type { NodeHandler } from './http.js';
import { createMediaRooms } from './media-rooms.js';
import { createRequestHandler } from './request-handler.js';

export type { NodeHandler } from './http.js';
export { validateJoinRequest, type JoinRequest, type JoinRequestResult } from './validate.js';

export interface TokenHandlerOptions {
  apiKey: string;
  apiSecret: string;
  /** the ws(s) URL clients connect to */
  livekitUrl?: string;
  /** several nodes of one cluster: each token names one that answers (see `createMediaRooms`) */
  livekitUrls?: readonly string[];
  /** token lifetime, default '10m' */
  ttl?: string | number;
}

export function createTokenHandler(options: TokenHandlerOptions): NodeHandler {
  const { ttl = '10m', ...roomOptions } = options;
  return createRequestHandler(createMediaRooms(roomOptions), { ttl, moderation: false });
}
