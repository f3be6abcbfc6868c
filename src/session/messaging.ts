import type { Room } from 'livekit-client';
import { displayName, isVisiblyEmpty } from '../internal/text.js';
import { CHAT_TOPIC } from '../store/slices/chat.js';
import { isReaction, REACTION_TOPIC } from '../store/reactions.js';
import type { RoomStore } from '../store/room-store.js';
import { messageOf } from './token.js';

/**
 * Send a chat message on `lk.chat` (as LiveKit's own clients do) and record it in the store once
 * sent (LiveKit does not echo your own messages). A message that shows nothing (white space or
 * invisible characters only) is refused before sending (`RangeError`). A failure to send is
 * reported as the non-fatal error `chat-send-failed` and also rejects, so that the caller can
 * keep the draft.
 */
export async function sendChat(room: Room, store: RoomStore, text: string): Promise<void> {
  if (isVisiblyEmpty(text)) throw new RangeError('a chat message must show something');
  const local = room.localParticipant;
  try {
    const info = await local.sendText(text, { topic: CHAT_TOPIC });
    store.addChat({
      id: info.id,
      from: local.identity,
      fromName: displayName(local.name, local.identity),
      text,
      timestamp: info.timestamp || Date.now(),
      isLocal: true,
    });
  } catch (error) {
    store.reportError({ code: 'chat-send-failed', detail: messageOf(error), fatal: false });
    throw error;
  }
}

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
