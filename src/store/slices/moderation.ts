import type { Slice, SliceHost } from '../slice.js';
import type { RoomSnapshot } from '../types.js';

/**
 * Whether moderation can be asked for here: the session has a way to carry it out (the server
 * helper's endpoint, or the page's own). The requests themselves go through the session.
 */
export class ModerationSlice implements Slice<'moderation'> {
  readonly keys: readonly 'moderation'[] = ['moderation'];
  readonly initial: Pick<RoomSnapshot, 'moderation'> = Object.freeze({ moderation: false });

  readonly #host: SliceHost;
  #available = false;

  constructor(host: SliceHost) {
    this.#host = host;
  }

  setAvailable(available: boolean): void {
    if (available === this.#available) return;
    this.#available = available;
    this.#host.invalidate(this);
  }

  build(): Pick<RoomSnapshot, 'moderation'> {
    return { moderation: this.#available };
  }
}
