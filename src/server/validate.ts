/** Input rules shared by the token routes, `generateToken` and the moderation endpoint. */
import { randomBytes } from 'node:crypto';

export interface JoinRequest {
  room: string;
  identity: string;
  name: string;
}

export type JoinRequestResult =
  { ok: true; value: JoinRequest } | { ok: false; error: string; field: string };

const MAX_NAME_LENGTH = 64;
const ROOM_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const IDENTITY_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;
const CONTROL_CHARACTER = /\p{Cc}/u;

/**
 * Checks a parsed request body. `roomFromPath`, when given, wins over any `room` in the body.
 * Absent identity defaults to `guest-` + 8 hex characters; absent or blank name to the identity.
 */
export function validateJoinRequest(input: unknown, roomFromPath?: string): JoinRequestResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'request body must be a JSON object', field: 'body' };
  }
  const body = input as Record<string, unknown>;

  const room = roomFromPath ?? body.room;
  if (room === undefined) return { ok: false, error: 'room is required', field: 'room' };
  if (typeof room !== 'string' || !ROOM_PATTERN.test(room)) {
    return {
      ok: false,
      error: 'room must be 1–64 characters of letters, digits, "_", "." or "-"',
      field: 'room',
    };
  }

  const identity =
    body.identity === undefined ? `guest-${randomBytes(4).toString('hex')}` : body.identity;
  if (typeof identity !== 'string' || !IDENTITY_PATTERN.test(identity)) {
    return {
      ok: false,
      error: 'identity must be 1–64 characters of letters, digits, "_", ".", "@" or "-"',
      field: 'identity',
    };
  }

  const name = body.name === undefined ? '' : body.name;
  if (typeof name !== 'string') {
    return { ok: false, error: 'name must be a string', field: 'name' };
  }
  const trimmed = name.trim();
  // Count code points, not UTF-16 units, so emoji count as one character each.
  if ([...trimmed].length > MAX_NAME_LENGTH) {
    return {
      ok: false,
      error: `name must be at most ${MAX_NAME_LENGTH} characters`,
      field: 'name',
    };
  }
  if (CONTROL_CHARACTER.test(trimmed)) {
    return { ok: false, error: 'name must not contain control characters', field: 'name' };
  }

  return { ok: true, value: { room, identity, name: trimmed || identity } };
}
