import { RoomEvent, type Participant, type Room, type TextStreamReader } from 'livekit-client';
import { displayName, isVisiblyEmpty, sanitizeMessage } from '../../internal/text.js';
import { isLegacyChatTopic, parseLegacyChat } from '../legacy-chat.js';
import type { Slice, SliceHost } from '../slice.js';
import type { ChatMessage, RoomSnapshot } from '../types.js';

/** The text-stream topic of LiveKit's chat (components-js, the Meet app, the agents). */
export const CHAT_TOPIC = 'lk.chat';
/** The most chat messages a snapshot keeps (the oldest go first). */
export const CHAT_LIMIT = 500;

const EMPTY_CHAT: readonly ChatMessage[] = Object.freeze([]);

type ChatListener = (message: ChatMessage) => void;

/**
 * A Room takes one text-stream handler per topic, so the `lk.chat` handler belongs to the Room, not
 * to a store: the first store on a Room registers it, the last one to be destroyed unregisters it,
 * and every store on the Room hears each message.
 */
interface ChatHub {
  readonly listeners: Set<ChatListener>;
  /** False when someone else registered `lk.chat` first (then this library does not receive). */
  readonly registered: boolean;
}

const chatHubs = new WeakMap<Room, ChatHub>();

/** Whether this library reads the Room's `lk.chat` streams (it joined, and the topic was free). */
function readsStreams(room: Room): boolean {
  return chatHubs.get(room)?.registered ?? false;
}

function joinChat(room: Room, listener: ChatListener): () => void {
  let hub = chatHubs.get(room);
  if (!hub) {
    let registered = true;
    const listeners = new Set<ChatListener>();
    try {
      room.registerTextStreamHandler(CHAT_TOPIC, (reader, { identity }) => {
        void readChat(room, reader, identity).then((message) => {
          if (message) for (const fn of [...listeners]) fn(message);
        });
      });
    } catch (error) {
      registered = false;
      console.warn(`media-room-elements: chat is not received, "${CHAT_TOPIC}" is taken`, error);
    }
    hub = { listeners, registered };
    chatHubs.set(room, hub);
  }
  const joined = hub;
  joined.listeners.add(listener);
  return () => {
    joined.listeners.delete(listener);
    if (joined.listeners.size > 0 || chatHubs.get(room) !== joined) return;
    chatHubs.delete(room);
    if (joined.registered) room.unregisterTextStreamHandler(CHAT_TOPIC);
  };
}

async function readChat(
  room: Room,
  reader: TextStreamReader,
  identity: string,
): Promise<ChatMessage | undefined> {
  let text: string;
  try {
    text = await reader.readAll();
  } catch {
    // The stream ended abnormally (the sender left or cancelled): there is no message.
    return undefined;
  }
  const sender = room.getParticipantByIdentity(identity);
  return Object.freeze({
    id: reader.info.id,
    from: identity,
    fromName: displayName(sender?.name, identity),
    text,
    timestamp: reader.info.timestamp || Date.now(),
    isLocal: false,
  });
}

/**
 * Chat on LiveKit's `lk.chat` text streams, and legacy chat data packets (`lk-chat-topic`,
 * `../legacy-chat.ts`) from LiveKit clients that still send them: received, sent, and recorded
 * ones. A message is one per sender and id, whichever way it came and in whatever order.
 */
export class ChatSlice implements Slice<'chat'> {
  readonly keys: readonly 'chat'[] = ['chat'];
  readonly initial: Pick<RoomSnapshot, 'chat'> = Object.freeze({ chat: EMPTY_CHAT });

  readonly #host: SliceHost;
  /** Chat messages, oldest first; a new frozen array on every change. */
  #chat: readonly ChatMessage[] = EMPTY_CHAT;
  readonly #leave: () => void;
  /** Legacy messages received without an id, each given one of its own. */
  #unnamed = 0;

  constructor(host: SliceHost) {
    this.#host = host;
    this.#leave = joinChat(host.room, (message) => this.add(message));
    host.events.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
      if (participant && isLegacyChatTopic(topic)) this.#legacy(payload, participant);
    });
    host.events.on(RoomEvent.ParticipantConnected, (p) => this.#nameKnown(p));
    host.events.on(RoomEvent.ParticipantNameChanged, (_name, p) => p && this.#nameKnown(p));
  }

  /**
   * A legacy chat packet: shown unless it is not one (`parseLegacyChat`), or its sender marked it
   * `ignoreLegacy` (the same message came as an `lk.chat` stream, which is read instead) while
   * this library reads those streams. Without an id (the oldest senders) it is a message of its
   * own; with one, it is the message of that id from that sender (again: nothing changes; new
   * text: an edit; deleted: taken away), like a stream with that id.
   */
  #legacy(payload: Uint8Array, sender: Participant): void {
    const legacy = parseLegacyChat(payload);
    if (!legacy || (legacy.ignoreLegacy && readsStreams(this.#host.room))) return;
    this.add({
      id: legacy.id ?? `legacy:${(this.#unnamed += 1)}`,
      from: sender.identity,
      fromName: displayName(sender.name, sender.identity),
      text: legacy.text,
      timestamp: legacy.timestamp ?? Date.now(),
      isLocal: false,
    });
  }

  /**
   * A message can arrive before its sender's name does (the text stream outruns the participant
   * update); its sender then reads as the identity until the name is known, and then as the name.
   */
  #nameKnown(p: Participant): void {
    if (this.#host.destroyed || p.isLocal) return;
    const unnamed = displayName(undefined, p.identity);
    const named = displayName(p.name, p.identity);
    if (named === unnamed) return;
    const stale = (m: ChatMessage) => m.from === p.identity && !m.isLocal && m.fromName === unnamed;
    if (!this.#chat.some(stale)) return;
    this.#chat = Object.freeze(
      this.#chat.map((m) => (stale(m) ? Object.freeze({ ...m, fromName: named }) : m)),
    );
    this.#host.invalidate(this);
  }

  /**
   * Append a message, or replace an earlier one with its id from the same sender (an edit); its
   * text and sender name are made fit to show first. A message that shows nothing is not
   * recorded (an edit to nothing takes the earlier one away). The same message again (sent again
   * after a rejoin: same sender, id and text) changes nothing: it is recorded once.
   */
  add(received: ChatMessage): void {
    if (this.#host.destroyed) return;
    const text = sanitizeMessage(received.text);
    const fromName = displayName(received.fromName, received.from);
    const message: ChatMessage = Object.freeze({ ...received, text, fromName });
    const chat = this.#chat;
    const at = chat.findIndex((m) => m.id === message.id && m.from === message.from);
    let next: ChatMessage[];
    if (isVisiblyEmpty(text)) {
      if (at < 0) return;
      next = chat.filter((_, i) => i !== at);
    } else if (at >= 0) {
      const earlier = chat[at]!;
      const same =
        earlier.text === text &&
        earlier.fromName === fromName &&
        earlier.delivery === message.delivery;
      if (same) return;
      next = [...chat];
      next[at] = Object.freeze({ ...message, timestamp: chat[at]!.timestamp });
    } else {
      next = [...chat, message];
      if (next.length > CHAT_LIMIT) next = next.slice(next.length - CHAT_LIMIT);
    }
    this.#chat = Object.freeze(next);
    this.#host.invalidate(this);
  }

  build(): Pick<RoomSnapshot, 'chat'> {
    return { chat: this.#chat };
  }

  destroy(): void {
    this.#leave();
  }
}
