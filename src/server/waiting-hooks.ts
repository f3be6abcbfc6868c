/** The request handler's waiting-room steps (src/server/waiting-room.ts has the room logic). */
import { HttpError } from './http.js';
import type { MediaRooms, ModerationAction, TokenOptions } from './media-rooms.js';
import { NotWaitingError } from './waiting-room.js';

/** The moderation actions of the waiting room. */
export const WAITING_ACTIONS: readonly ModerationAction[] = ['admit', 'deny'];

/**
 * Whether a join waits: what `resolveJoin` decided (`waiting`), else, with the waiting room
 * served, whether the room's metadata makes newcomers knock. A token that may moderate never
 * waits (`generateToken` sees to it).
 */
export async function waitingDecision(
  rooms: MediaRooms,
  room: string,
  decision: Partial<TokenOptions>,
  served: boolean,
): Promise<{ waiting?: boolean }> {
  if (decision.waiting !== undefined) return { waiting: decision.waiting };
  if (!served) return {};
  return (await rooms.isWaitingRoom(room)) ? { waiting: true } : {};
}

/** Admit or deny; 409 for a participant who is not waiting. */
export async function waitingModeration(
  rooms: MediaRooms,
  room: string,
  identity: string,
  action: ModerationAction,
): Promise<void> {
  try {
    if (action === 'admit') await rooms.admitParticipant(room, identity);
    else if (action === 'deny') await rooms.denyParticipant(room, identity);
  } catch (error) {
    if (error instanceof NotWaitingError) throw new HttpError(409, error.message);
    throw error;
  }
}
