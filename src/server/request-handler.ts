/**
 * The HTTP side of `createMediaRooms`, mountable in any Node framework.
 *
 * Routes (query strings are ignored):
 * - `POST /api/token` with body `{ room, identity?, name? }`
 * - `POST /api/rooms/:room/join` with body `{ identity?, name? }` (a room in the body is ignored)
 * - `POST /api/rooms/:room/moderate` with body `{ action, identity, trackSid? }` and the caller's
 *   own LiveKit token in `Authorization: Bearer <token>`; a host's actions on the whole room
 *   (`spotlight`, `positions`, `end`) take the bodies `host-actions.ts` describes
 * - `POST /api/rooms/:room/hand` with body `{ raised }` and the caller's own LiveKit token as
 *   above: raises (stamped with this server's time) or lowers the caller's own hand
 */
import type { IncomingMessage } from 'node:http';
import type { ClaimGrants } from 'livekit-server-sdk';
import {
  decodeSegment,
  HttpError,
  readJsonBody,
  sendError,
  sendJson,
  type NodeHandler,
} from './http.js';
import {
  NotFoundError,
  type MediaRooms,
  type ModerationAction,
  type TokenOptions,
} from './media-rooms.js';
import { NoNodeError } from './nodes.js';
import { WAITING_ACTIONS, waitingDecision, waitingModeration } from './waiting-hooks.js';
import { hostAction, isHostAction } from './host-actions.js';
import { validateJoinRequest, type JoinRequest } from './validate.js';
import { withE2eeKey, type E2eeKeyResolver } from './e2ee-keys.js';

/**
 * What `resolveJoin` decides for a validated join request: token options (identity and name
 * replace the requested ones and are validated again), `undefined` for the default grant, or
 * `false` to refuse with 403.
 */
export type JoinDecision = Partial<TokenOptions> | undefined | false | void;

export interface RequestHandlerOptions {
  /**
   * Decides who may join and with what, e.g. from your session cookie on `req`. Without it every
   * valid request gets a token that may publish, subscribe and send data.
   */
  resolveJoin?: (join: JoinRequest, req: IncomingMessage) => JoinDecision | Promise<JoinDecision>;
  /** token lifetime for the join routes, default '10m' (a decision's ttl wins) */
  ttl?: string | number;
  /** serve `POST /api/rooms/:room/moderate`; default true */
  moderation?: boolean;
  /** serve `POST /api/rooms/:room/hand`; default true */
  hands?: boolean;
  /**
   * Waiting room: a join to a room whose metadata has `"waitingRoom": true` gets a waiting token
   * (unless it may moderate, or `resolveJoin` decided `waiting` itself); default: served with the
   * moderation route (`moderation`), through which hosts let newcomers in. False
   * saves the lookup of the room's metadata on every join.
   */
  waitingRooms?: boolean;
  /** End-to-end encryption: the key a join reply carries as `e2eeKey` (see `roomKeysFromSecret`). */
  e2eeKey?: E2eeKeyResolver;
}

const TOKEN_PATH = '/api/token';
const ROOM_PATH = /^\/api\/rooms\/([^/]+)\/(join|moderate|hand)$/;
const ACTIONS: readonly ModerationAction[] = [
  'mute',
  'remove',
  'promote',
  'lower-hand',
  ...WAITING_ACTIONS,
];
const TRACK_SID = /^TR_[A-Za-z0-9]{1,64}$/;

type Route =
  { kind: 'join'; roomFromPath: string | undefined } | { kind: 'moderate' | 'hand'; room: string };

/** Matches one of our routes (ignoring the query string); undefined for any other path. */
function matchRoute(url = '/', served: { moderate: boolean; hand: boolean }): Route | undefined {
  const [path] = url.split('?', 1);
  if (path === TOKEN_PATH) return { kind: 'join', roomFromPath: undefined };
  const match = path === undefined ? null : ROOM_PATH.exec(path);
  if (!match) return undefined;
  const room = decodeSegment(match[1]!);
  const kind = match[2] as 'join' | 'moderate' | 'hand';
  if (kind === 'join') return { kind, roomFromPath: room };
  return served[kind] ? { kind, room } : undefined;
}

/** The request body as an object; 400 for anything else. */
async function readObject(req: IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readJsonBody(req);
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'request body must be a JSON object', 'body');
  }
  return body as Record<string, unknown>;
}

export function createRequestHandler(
  rooms: MediaRooms,
  options: RequestHandlerOptions = {},
): NodeHandler {
  const { resolveJoin, ttl = '10m', moderation = true, hands = true } = options;
  // Without the moderation route nobody could let a newcomer in: no waiting room either.
  const { waitingRooms = moderation } = options;

  async function join(req: IncomingMessage, roomFromPath: string | undefined): Promise<object> {
    const body = await readJsonBody(req);
    const result = validateJoinRequest(body, roomFromPath);
    if (!result.ok) throw new HttpError(400, result.error, result.field);

    const decision = resolveJoin ? await resolveJoin(result.value, req) : undefined;
    if (decision === false) throw new HttpError(403, 'not allowed to join this room');
    const { room } = result.value;
    let { identity, name } = result.value;
    if (decision && (decision.identity !== undefined || decision.name !== undefined)) {
      // A name the request left out (or left blank) follows the decided identity.
      const requestedName = (body as { name?: unknown }).name;
      const again = validateJoinRequest(
        { identity: decision.identity ?? identity, name: decision.name ?? requestedName },
        room,
      );
      if (!again.ok) throw new Error(`resolveJoin gave an invalid ${again.field}`);
      ({ identity, name } = again.value);
    }
    try {
      const waiting = await waitingDecision(rooms, room, decision || {}, waitingRooms);
      const reply = await rooms.generateToken(room, {
        ttl,
        ...(decision || {}),
        ...waiting,
        identity,
        name,
      });
      return await withE2eeKey(reply, options.e2eeKey, { room, identity, name }, req);
    } catch (error) {
      if (error instanceof NoNodeError) throw new HttpError(503, 'no media server node answers');
      throw error;
    }
  }

  /**
   * The verified claims of the caller's own token (`Authorization: Bearer …`) for `room`: who is
   * asking comes from their signed token only; nothing else the browser says counts.
   */
  async function authenticate(req: IncomingMessage, room: string): Promise<ClaimGrants> {
    const roomCheck = validateJoinRequest({}, room);
    if (!roomCheck.ok) throw new HttpError(400, roomCheck.error, roomCheck.field);
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '')?.[1];
    const challenge = { 'WWW-Authenticate': 'Bearer' };
    if (!bearer) throw new HttpError(401, 'a Bearer token is required', undefined, challenge);
    try {
      return await rooms.verifyToken(bearer);
    } catch {
      throw new HttpError(401, 'the token is invalid or expired', undefined, challenge);
    }
  }

  async function moderate(req: IncomingMessage, room: string): Promise<object> {
    const claims = await authenticate(req, room);
    if (!rooms.isModerator(claims, room)) {
      throw new HttpError(403, 'the token does not allow moderating this room');
    }

    const body = await readObject(req);
    if (isHostAction(body.action)) return hostAction(rooms, room, claims, body);
    const { action, identity, trackSid } = body;
    if (!ACTIONS.includes(action as ModerationAction)) {
      throw new HttpError(400, `action must be one of: ${ACTIONS.join(', ')}`, 'action');
    }
    if (identity === undefined) throw new HttpError(400, 'identity is required', 'identity');
    const target = validateJoinRequest({ identity }, room);
    if (!target.ok) throw new HttpError(400, target.error, target.field);
    if (trackSid !== undefined && (typeof trackSid !== 'string' || !TRACK_SID.test(trackSid))) {
      throw new HttpError(400, 'trackSid must be a track sid such as "TR_…"', 'trackSid');
    }

    try {
      switch (action as ModerationAction) {
        case 'mute':
          await rooms.muteParticipant(room, target.value.identity, trackSid);
          break;
        case 'remove':
          await rooms.removeParticipant(room, target.value.identity);
          break;
        case 'promote':
          await rooms.promoteParticipant(room, target.value.identity);
          break;
        case 'lower-hand':
          await rooms.lowerHand(room, target.value.identity);
          break;
        default:
          await waitingModeration(rooms, room, target.value.identity, action as ModerationAction);
      }
    } catch (error) {
      if (error instanceof HttpError) throw error;
      if (error instanceof NotFoundError) throw new HttpError(404, error.message);
      throw new HttpError(502, 'the media server refused the request');
    }
    return { ok: true };
  }

  /** Raises or lowers the caller's own hand; the time comes from this server's clock. */
  async function hand(req: IncomingMessage, room: string): Promise<object> {
    const claims = await authenticate(req, room);
    if (!rooms.mayRaiseHand(claims, room)) {
      throw new HttpError(403, 'the token does not allow raising a hand in this room');
    }
    // Only the token's own identity: a hand is never raised or lowered for someone else here.
    const self = validateJoinRequest({ identity: claims.sub }, room);
    if (claims.sub === undefined || !self.ok) {
      throw new HttpError(403, 'the token names no valid identity');
    }
    const { raised } = await readObject(req);
    if (typeof raised !== 'boolean') {
      throw new HttpError(400, 'raised must be true or false', 'raised');
    }
    try {
      const value = await rooms.setHand(room, self.value.identity, raised);
      return { ok: true, hand: value };
    } catch (error) {
      if (error instanceof NotFoundError) throw new HttpError(404, error.message);
      throw new HttpError(502, 'the media server refused the request');
    }
  }

  return async (req, res) => {
    const route = matchRoute(req.url, { moderate: moderation, hand: hands });
    if (!route) return false;

    try {
      if (req.method !== 'POST') {
        throw new HttpError(405, 'method not allowed', undefined, { Allow: 'POST' });
      }
      const reply =
        route.kind === 'join'
          ? await join(req, route.roomFromPath)
          : route.kind === 'moderate'
            ? await moderate(req, route.room)
            : await hand(req, route.room);
      sendJson(res, 200, reply);
    } catch (error) {
      sendError(req, res, error);
    }
    return true;
  };
}
