import type { Room } from 'livekit-client';
import { isReaction, REACTION_TOPIC } from '../store/reactions.js';
import type { RoomStore } from '../store/room-store.js';
import { messageOf } from './token.js';

/**
 * Send an emoji reaction (one of `REACTIONS`) to everyone, as a data message on `mr.reaction`,
 * and show it here too. Anything else is refused before sending (`RangeError`); a failure to
 * send is reported as the non-fatal error `reaction-failed`.
 */
export async function sendReaction(room: Room, store: RoomStore, emoji: string): Promise<void> {
  if (!isReaction(emoji)) throw new RangeError(`not a reaction: ${JSON.stringify(emoji)}`);
  const local = room.localParticipant;
  try {
    await local.publishData(new TextEncoder().encode(emoji), {
      reliable: true,
      topic: REACTION_TOPIC,
    });
    store.addReaction(local.identity, emoji, true);
  } catch (error) {
    store.reportError({ code: 'reaction-failed', detail: messageOf(error), fatal: false });
  }
}
