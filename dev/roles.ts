/**
 * DEV AND TESTS ONLY: lets the browser pick its role and the room's type in the join URL
 * (`/api/rooms/standup/join?role=host&type=webinar`), so one page can play every part. A real
 * app decides the role from its own session in `resolveJoin`; never let the browser choose.
 *
 * - `role=host`: every capability, moderation included, except `profile:update`: a participant
 *   that may write its own attributes is never shown with a role, so a host must not.
 * - `role=viewer`: watches, chats, reacts and raises a hand; publishes nothing.
 * - `role=speaker` (and no role): the default meeting grant.
 * - `type=meeting|webinar|live|1to1`: creates the room with `{"type": …}` metadata when it does
 *   not exist yet (an existing room keeps its type).
 * - `waiting=1`: creates the room with `{"waitingRoom": true}` (beside `type`) when it does not
 *   exist yet: newcomers who are not hosts knock (src/server/waiting-room.ts).
 */
import type { IncomingMessage } from 'node:http';
import {
  CAPABILITIES,
  type Capability,
  type JoinDecision,
  type JoinRequest,
  type MediaRooms,
} from '../src/server/index.js';

const ROLES: Record<string, readonly Capability[] | undefined> = {
  host: CAPABILITIES.filter((capability) => capability !== 'profile:update'),
  viewer: ['subscribe:all', 'chat:send', 'reactions:send', 'hand:raise'],
  speaker: undefined,
};

const TYPES = new Set(['meeting', 'webinar', 'live', '1to1']);

export function devJoinPolicy(rooms: MediaRooms) {
  return async (join: JoinRequest, req: IncomingMessage): Promise<JoinDecision> => {
    const query = new URL(req.url ?? '/', 'http://dev').searchParams;
    const type = query.get('type');
    const known = type && TYPES.has(type) ? { type } : {};
    const waiting = query.get('waiting') === '1' ? { waitingRoom: true } : {};
    if (Object.keys({ ...known, ...waiting }).length > 0) {
      await rooms.createRoom(join.room, { metadata: JSON.stringify({ ...known, ...waiting }) });
    }
    const capabilities = ROLES[query.get('role') ?? ''];
    return capabilities ? { capabilities } : undefined;
  };
}
