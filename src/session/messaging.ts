import { compareVersions, type Room } from 'livekit-client';
import { encodeLegacyChat, LEGACY_CHAT_TOPIC } from '../store/legacy-chat.js';
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

/**
 * Whether the server forwards text streams (LiveKit Cloud, or livekit-server after 1.8.2): then
 * the legacy copy of a chat message says `ignoreLegacy`, as components-core 0.12 decides it.
 */
export function serverForwardsStreams(room: Room): boolean {
  const info = room.serverInfo;
  return info?.edition === 1 || (!!info?.version && compareVersions(info.version, '1.8.2') > 0);
}

/**
 * After a chat message went out as its `lk.chat` stream, send its legacy copy (`lk-chat-topic`,
 * the same id) for LiveKit clients that read only those: components-core before 0.12 (the stray
 * components-react 3.0.0 is on 0.9), the Python SDK's ChatManager. Like components-core 0.12, the copy
 * says `ignoreLegacy` when the server forwards streams, so that clients reading the stream (ours,
 * components-core 0.12) show the message once. Never rejects: the stream is the message, and an old
 * kit missing a copy (too long for one packet, or the send failed) is all that is lost.
 */
export async function sendLegacyChat(
  room: Room,
  message: { id: string; text: string; timestamp: number },
  destinationIdentities?: string[],
): Promise<void> {
  const payload = encodeLegacyChat({ ...message, ignoreLegacy: serverForwardsStreams(room) });
  if (!payload) return;
  try {
    await room.localParticipant.publishData(payload, {
      reliable: true,
      topic: LEGACY_CHAT_TOPIC,
      destinationIdentities,
    });
  } catch {
    // See above: only the copy for old kits is lost.
  }
}
