/**
 * End-to-end encryption keys handed out by the join routes: with `createRequestHandler`'s
 * `e2eeKey` option, a join reply carries `e2eeKey` beside the token, and `<media-room>` encrypts
 * the call with it. Whoever runs this server can read that key (the media server still cannot):
 * for a key only the participants know, let them share a passphrase instead (the element's
 * `e2eePassphrase`).
 */
import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { TokenResult } from './media-rooms.js';
import type { JoinRequest } from './validate.js';

/**
 * The end-to-end encryption key of a join (a non-empty string, used as a passphrase), or
 * undefined for a call without. Called after the join was allowed (`resolveJoin`).
 */
export type E2eeKeyResolver = (
  room: string,
  join: JoinRequest,
  req: IncomingMessage,
) => string | undefined | Promise<string | undefined>;

/**
 * One key per room, derived from `secret` (HMAC-SHA-256 of the room name, base64url): the same
 * for everyone who joins that room, never stored. `encrypted` picks the rooms that have one
 * (default: every room). Keep `secret` apart from the LiveKit API secret.
 */
export function roomKeysFromSecret(
  secret: string,
  encrypted: (room: string) => boolean = () => true,
): E2eeKeyResolver {
  if (!secret) throw new Error('roomKeysFromSecret needs a secret');
  return (room) =>
    encrypted(room)
      ? createHmac('sha256', secret).update(`e2ee:${room}`).digest('base64url')
      : undefined;
}

/** The join reply, with the room's `e2eeKey` when `resolve` gives one. */
export async function withE2eeKey(
  reply: TokenResult,
  resolve: E2eeKeyResolver | undefined,
  join: JoinRequest,
  req: IncomingMessage,
): Promise<TokenResult & { e2eeKey?: string }> {
  const key = resolve ? await resolve(join.room, join, req) : undefined;
  if (key !== undefined && (typeof key !== 'string' || !key)) {
    throw new Error('e2eeKey must give a non-empty string or undefined');
  }
  return key ? { ...reply, e2eeKey: key } : reply;
}
