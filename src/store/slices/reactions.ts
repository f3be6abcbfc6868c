import { RoomEvent } from 'livekit-client';
import { isReaction, REACTION_MS, REACTION_TOPIC, REACTIONS_PER_SENDER } from '../reactions.js';
import type { Slice, SliceHost } from '../slice.js';
import type { Reaction, RoomSnapshot } from '../types.js';

const EMPTY_REACTIONS: readonly Reaction[] = Object.freeze([]);

/**
 * Emoji reactions (data messages on `mr.reaction`), kept for `REACTION_MS`. Also tells every data
 * message received (`data-received`), since it listens to them.
 */
export class ReactionsSlice implements Slice<'reactions'> {
  readonly keys: readonly 'reactions'[] = ['reactions'];
  readonly initial: Pick<RoomSnapshot, 'reactions'> = Object.freeze({
    reactions: EMPTY_REACTIONS,
  });

  readonly #host: SliceHost;
  #reactions: readonly Reaction[] = EMPTY_REACTIONS;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #count = 0;

  constructor(host: SliceHost) {
    this.#host = host;
    host.events.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
      if (topic === REACTION_TOPIC && participant) {
        this.add(participant.identity, decodeText(payload), false);
      }
      host.emit({ type: 'data-received', payload, participant, topic });
    });
  }

  /**
   * Record a reaction of `from`. Dropped when `emoji` is not one of `REACTIONS` or the sender has
   * `REACTIONS_PER_SENDER` showing already.
   */
  add(from: string, emoji: string | undefined, isLocal: boolean): void {
    if (this.#host.destroyed || !isReaction(emoji)) return;
    const now = Date.now();
    const live = this.#reactions.filter((r) => now - r.at < REACTION_MS);
    if (live.filter((r) => r.from === from).length >= REACTIONS_PER_SENDER) return;
    this.#count += 1;
    const reaction: Reaction = Object.freeze({
      id: `${from}:${this.#count}`,
      from,
      emoji,
      at: now,
      isLocal,
    });
    this.#reactions = Object.freeze([...live, reaction]);
    this.#host.invalidate(this);
    this.#host.emit({ type: 'reaction', reaction });
    this.#expire();
  }

  build(): Pick<RoomSnapshot, 'reactions'> {
    return { reactions: this.#reactions };
  }

  destroy(): void {
    clearTimeout(this.#timer);
  }

  /** One timer, for the oldest reaction; each expiry commits and sets it for the next. */
  #expire(): void {
    if (this.#timer !== undefined || this.#reactions.length === 0) return;
    const oldest = this.#reactions[0]!;
    const wait = Math.max(0, oldest.at + REACTION_MS - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.#host.destroyed) return;
      const now = Date.now();
      const live = this.#reactions.filter((r) => now - r.at < REACTION_MS);
      if (live.length !== this.#reactions.length) {
        this.#reactions = live.length ? Object.freeze(live) : EMPTY_REACTIONS;
        this.#host.invalidate(this);
      }
      this.#expire();
    }, wait);
  }
}

/** A short UTF-8 payload as text; undefined for anything long or malformed. */
function decodeText(payload: Uint8Array): string | undefined {
  if (payload.byteLength > 32) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(payload);
  } catch {
    return undefined;
  }
}
