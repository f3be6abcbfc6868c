/**
 * LiveKit's legacy chat: JSON data packets `{ id, timestamp, message }` on `lk-chat-topic` (and
 * edits, the same id again, on `lk-chat-update-topic`), as every LiveKit client kit sent chat
 * before text streams. components-core 0.12 (components-react 2.x) still sends such a packet after
 * each `lk.chat` stream, with the stream's id and `ignoreLegacy: true` when the server forwards
 * streams, so that old kits see the message and new ones read it once. This module only reads and
 * writes the packets; the chat slice decides what to show, the session what to send.
 */

/** The data-packet topic of legacy chat messages. */
export const LEGACY_CHAT_TOPIC = 'lk-chat-topic';
/** The data-packet topic of legacy chat edits (components-core 0.9, the Python SDK's ChatManager). */
export const LEGACY_CHAT_UPDATE_TOPIC = 'lk-chat-update-topic';
/**
 * The largest legacy packet read (bytes): more than a data channel message carries (64 KiB), so
 * nothing real is dropped, and nothing larger is decoded or parsed.
 */
export const LEGACY_CHAT_MAX_BYTES = 65_536;
/**
 * The largest legacy packet sent (bytes): LiveKit's guidance for one reliable data packet. A longer
 * message still goes out as its `lk.chat` stream; only old kits miss it.
 */
export const LEGACY_CHAT_SEND_BYTES = 15_000;
/** The longest message id read (an `lk.chat` stream id is a 36-character UUID). */
const MAX_ID_LENGTH = 256;

/** A legacy chat packet as read. */
export interface LegacyChat {
  /** The message id; absent from the oldest senders (each such packet is then a message of its own). */
  readonly id: string | undefined;
  /** The text; empty when the sender deleted the message (`deleted: true`). */
  readonly text: string;
  /** Milliseconds since the epoch on the sender's clock; undefined when missing or not a time. */
  readonly timestamp: number | undefined;
  /** The sender sent the same message (same id) as an `lk.chat` stream too: read that one instead. */
  readonly ignoreLegacy: boolean;
}

/** A legacy chat packet's topic. */
export function isLegacyChatTopic(topic: string | undefined): boolean {
  return topic === LEGACY_CHAT_TOPIC || topic === LEGACY_CHAT_UPDATE_TOPIC;
}

/**
 * Read a legacy chat packet; undefined for anything that is not one: larger than
 * `LEGACY_CHAT_MAX_BYTES`, not UTF-8 JSON, not an object, a `message` that is not a string, an `id`
 * that is not a non-empty string (when present) or longer than 256 characters.
 */
export function parseLegacyChat(payload: Uint8Array): LegacyChat | undefined {
  if (payload.byteLength > LEGACY_CHAT_MAX_BYTES) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { id, message, timestamp, deleted, ignoreLegacy } = parsed as Record<string, unknown>;
  const removed = deleted === true;
  if (typeof message !== 'string' && !(removed && message === undefined)) return undefined;
  if (id !== undefined && (typeof id !== 'string' || id === '' || id.length > MAX_ID_LENGTH)) {
    return undefined;
  }
  const time = typeof timestamp === 'number' && Number.isFinite(timestamp) && timestamp > 0;
  return {
    id,
    text: removed ? '' : (message as string),
    timestamp: time ? timestamp : undefined,
    ignoreLegacy: ignoreLegacy === true,
  };
}

/**
 * A legacy chat packet for `message`, as components-core 0.12 writes it; undefined when it would be
 * larger than `LEGACY_CHAT_SEND_BYTES`.
 */
export function encodeLegacyChat(message: {
  id: string;
  text: string;
  timestamp: number;
  ignoreLegacy: boolean;
}): Uint8Array<ArrayBuffer> | undefined {
  const { id, text, timestamp, ignoreLegacy } = message;
  const bytes = new TextEncoder().encode(
    JSON.stringify({ id, timestamp, message: text, ignoreLegacy }),
  );
  return bytes.byteLength > LEGACY_CHAT_SEND_BYTES ? undefined : bytes;
}
