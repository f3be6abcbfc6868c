import type { Slice, SliceHost } from '../slice.js';
import type { ModerationRequest, Moderator, RoomSnapshot } from '../types.js';

/** The moderation hook: who carries out moderation requests, if anyone. */
export class ModerationSlice implements Slice<'moderation'> {
  readonly keys: readonly 'moderation'[] = ['moderation'];
  readonly initial: Pick<RoomSnapshot, 'moderation'> = Object.freeze({ moderation: false });

  readonly #host: SliceHost;
  #moderator: Moderator | undefined;

  constructor(host: SliceHost) {
    this.#host = host;
  }

  setModerator(moderator: Moderator | undefined): void {
    if (moderator === this.#moderator) return;
    this.#moderator = moderator;
    this.#host.invalidate(this);
  }

  /** Carry out `request`; a failure is reported as `moderation-failed` and rejects. */
  async moderate(request: ModerationRequest): Promise<void> {
    try {
      if (!this.#moderator) throw new Error('no moderator is configured');
      await this.#moderator(request);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.#host.reportError({ code: 'moderation-failed', detail, fatal: false });
      throw error;
    }
  }

  build(): Pick<RoomSnapshot, 'moderation'> {
    return { moderation: !!this.#moderator };
  }
}
