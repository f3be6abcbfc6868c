import { atom, type ReadableAtom } from 'nanostores';
import type { RoomStoreEvent } from '../store/room-store.js';
import { GRACE_REASONS } from '../store/slices/reconnect-hold.js';

/** Waits before each attempt to rejoin by itself (ms): bounded, about 75 s in all. */
export const REJOIN_DELAYS: readonly number[] = [
  1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000, 15_000,
];

/**
 * Disconnect reasons after which the session rejoins by itself (nobody decided to end it): the
 * reasons a remote participant is kept through (the store's GRACE_REASONS), no reason at all, and
 * livekit-client giving up reconnecting.
 */
export const REJOIN_REASONS: ReadonlySet<string> = new Set([
  ...GRACE_REASONS,
  'unknown-reason',
  'reconnect-failed',
]);

/**
 * The rejoin policy: after losing the room for a reason that is nobody's decision (the server
 * restarted, the connection broke for good), join again with a bounded backoff
 * (`REJOIN_DELAYS`); a failed attempt schedules the next one; being connected again, leaving,
 * being removed, a duplicate identity or a deleted room end it.
 */
export class Rejoiner {
  readonly #attempt = atom(0);
  readonly #join: () => void;
  /** Whether the session still wants to be in the room (joined and not left since). */
  readonly #wanted: () => boolean;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(join: () => void, wanted: () => boolean) {
    this.#join = join;
    this.#wanted = wanted;
  }

  /** The attempt under way (0 when not rejoining). */
  get $attempt(): ReadableAtom<number> {
    return this.#attempt;
  }

  /** Follow the room's events (each after its snapshot). */
  follow(event: RoomStoreEvent): void {
    if (event.type === 'connected') {
      this.stop();
    } else if (event.type === 'disconnected') {
      if (REJOIN_REASONS.has(event.reason ?? 'unknown-reason') && this.#wanted()) this.#schedule();
    } else if (event.type === 'error' && event.error.fatal && this.#attempt.get() > 0) {
      this.#schedule();
    }
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#attempt.set(0);
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    const attempt = this.#attempt.get();
    const delay = REJOIN_DELAYS[attempt];
    if (delay === undefined) {
      // Out of attempts: the Rejoin and Retry buttons stay.
      this.#attempt.set(0);
      return;
    }
    this.#attempt.set(attempt + 1);
    this.#timer = setTimeout(() => {
      if (this.#wanted()) this.#join();
    }, delay);
  }
}
