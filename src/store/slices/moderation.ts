import type { Slice, SliceHost } from '../slice.js';
import type { RoomSnapshot } from '../types.js';

type Key = 'moderation' | 'handServer';

/**
 * What the session can ask the server for: moderation (the session has a moderator: the server
 * helper's endpoint, or the page's own) and raising hands (a hand raiser). The requests
 * themselves go through the session.
 */
export class ModerationSlice implements Slice<Key> {
  readonly keys: readonly Key[] = ['moderation', 'handServer'];
  readonly initial: Pick<RoomSnapshot, Key> = Object.freeze({
    moderation: false,
    handServer: false,
  });

  readonly #host: SliceHost;
  #available = false;
  #hands = false;

  constructor(host: SliceHost) {
    this.#host = host;
  }

  setAvailable(available: boolean): void {
    if (available === this.#available) return;
    this.#available = available;
    this.#host.invalidate(this);
  }

  setHandServer(available: boolean): void {
    if (available === this.#hands) return;
    this.#hands = available;
    this.#host.invalidate(this);
  }

  build(): Pick<RoomSnapshot, Key> {
    return { moderation: this.#available, handServer: this.#hands };
  }
}
