/**
 * A host's actions on the whole room, through the moderation endpoint: spotlight a participant
 * for everyone, place participants in chosen layout positions for everyone, and end the meeting
 * for everyone. The first two are written into the room's metadata (a JSON object: `spotlight`,
 * `positions`), the third marks it (`ended`) and deletes the room. Every other key of the
 * metadata (`type`, `waitingRoom`, a page's own) is kept: each change reads the metadata, changes
 * its own keys and writes it back, one change at a time per room in this process.
 */
import type { ClaimGrants } from 'livekit-server-sdk';
import {
  HOST_ENDED_KEY,
  MAX_POSITION,
  MAX_POSITIONS,
  POSITIONS_KEY,
  SPOTLIGHT_KEY,
} from '../store/host-layout.js';
import { HttpError } from './http.js';
import { NotFoundError, type MediaRooms } from './media-rooms.js';
import { MetadataConflictError } from './room-metadata.js';
import { validateJoinRequest } from './validate.js';

/** The moderation endpoint's actions on the whole room (hosts only). */
export const HOST_ACTIONS = ['spotlight', 'positions', 'end'] as const;

export type HostAction = (typeof HOST_ACTIONS)[number];

export function isHostAction(action: unknown): action is HostAction {
  return (HOST_ACTIONS as readonly unknown[]).includes(action);
}

/**
 * `positions` as the endpoint takes it: `null` (clear), or an object of at most MAX_POSITIONS
 * identities, each to a whole index from 0 to MAX_POSITION. Throws HttpError 400 otherwise.
 */
export function parsePositions(input: unknown, room: string): Record<string, number> | null {
  if (input === null) return null;
  if (typeof input !== 'object' || input === undefined || Array.isArray(input)) {
    throw new HttpError(
      400,
      'positions must be an object of identity → index, or null',
      'positions',
    );
  }
  const entries = Object.entries(input as Record<string, unknown>);
  if (entries.length > MAX_POSITIONS) {
    throw new HttpError(400, `positions may hold at most ${MAX_POSITIONS} identities`, 'positions');
  }
  const positions: Record<string, number> = {};
  for (const [identity, index] of entries) {
    const check = validateJoinRequest({ identity }, room);
    if (!check.ok || check.value.identity !== identity) {
      throw new HttpError(400, `positions names an invalid identity`, 'positions');
    }
    if (!Number.isInteger(index) || (index as number) < 0 || (index as number) > MAX_POSITION) {
      throw new HttpError(
        400,
        `each position must be a whole number from 0 to ${MAX_POSITION}`,
        'positions',
      );
    }
    positions[identity] = index as number;
  }
  return Object.keys(positions).length > 0 ? positions : null;
}

/**
 * Carries out a host action of the moderation endpoint for a caller already known to moderate
 * `room` (`claims` verified). Body: `{ action: 'spotlight', identity }` (`identity: null`
 * clears), `{ action: 'positions', positions }` (`positions: null` clears), `{ action: 'end' }`.
 */
export async function hostAction(
  rooms: MediaRooms,
  room: string,
  claims: ClaimGrants,
  body: Record<string, unknown>,
): Promise<object> {
  const action = body.action as HostAction;
  try {
    switch (action) {
      case 'spotlight': {
        const { identity } = body;
        if (identity === null) {
          await rooms.changeRoomMetadata(room, ({ [SPOTLIGHT_KEY]: _, ...rest }) => rest);
          return { ok: true, spotlight: null };
        }
        const target = validateJoinRequest({ identity }, room);
        if (identity === undefined || !target.ok) {
          throw new HttpError(400, target.ok ? 'identity is required' : target.error, 'identity');
        }
        // Only someone in the room: a spotlight on nobody would show nothing.
        await rooms.findParticipant(room, target.value.identity);
        await rooms.changeRoomMetadata(room, (current) => ({
          ...current,
          [SPOTLIGHT_KEY]: target.value.identity,
        }));
        return { ok: true, spotlight: target.value.identity };
      }
      case 'positions': {
        if (!('positions' in body)) throw new HttpError(400, 'positions is required', 'positions');
        const positions = parsePositions(body.positions, room);
        await rooms.changeRoomMetadata(room, ({ [POSITIONS_KEY]: _, ...rest }) =>
          positions ? { ...rest, [POSITIONS_KEY]: positions } : rest,
        );
        return { ok: true, positions };
      }
      case 'end': {
        const by =
          typeof claims.name === 'string' && claims.name ? claims.name : (claims.sub ?? '');
        // Marked first, so everyone still in the room can tell a host's ending from a closure.
        await rooms.changeRoomMetadata(room, (current) => ({
          ...current,
          [HOST_ENDED_KEY]: { by, identity: claims.sub ?? '' },
        }));
        await rooms.deleteRoom(room);
        return { ok: true };
      }
    }
  } catch (error) {
    if (error instanceof HttpError) throw error;
    if (error instanceof NotFoundError) throw new HttpError(404, error.message);
    if (error instanceof MetadataConflictError) throw new HttpError(409, error.message);
    throw new HttpError(502, 'the media server refused the request');
  }
  throw new HttpError(400, `action must be one of: ${HOST_ACTIONS.join(', ')}`, 'action');
}
