import { computed, type ReadableAtom } from 'nanostores';
import type { Room } from 'livekit-client';
import { SnapshotComposer } from './composer.js';
import { shallowEqual } from './equality.js';
import type { RoomStoreEvent } from './slice.js';
import { AudioSlice } from './slices/audio.js';
import { ChatSlice } from './slices/chat.js';
import { ConnectionSlice } from './slices/connection.js';
import { DevicesSlice } from './slices/devices.js';
import { ModerationSlice } from './slices/moderation.js';
import { ParticipantsSlice } from './slices/participants.js';
import { ReactionsSlice } from './slices/reactions.js';
import type { ChatMessage, RoomError, RoomSnapshot } from './types.js';

export type { RoomStoreEvent } from './slice.js';
export { CHAT_LIMIT, CHAT_TOPIC } from './slices/chat.js';

export type Selector<T> = (snapshot: RoomSnapshot) => T;
export type Equality<T> = (a: T, b: T) => boolean;

/**
 * The reactive room store: turns a livekit-client `Room`'s events into immutable snapshots.
 *
 * - Each feature is a slice (`./slices/`) that subscribes to the room events it needs, through one
 *   typed room-event adapter with one listener per event, added in the constructor and removed by
 *   `destroy()`.
 * - Events only mark what they touch; one microtask later the store rebuilds just those parts and
 *   commits one snapshot, so a burst of events is one notification. Parts that did not change keep
 *   their object identity (structural sharing).
 * - `select()` gives a readable slice that notifies only when the slice changed under its equality.
 * - `subscribe(fn)` follows the Svelte store contract: it calls `fn` at once, then on every
 *   change, and returns the unsubscribe function.
 */
export class RoomStore {
  readonly room: Room;
  readonly #composer: SnapshotComposer;
  readonly #connection: ConnectionSlice;
  readonly #devices: DevicesSlice;
  readonly #chat: ChatSlice;
  readonly #reactions: ReactionsSlice;
  readonly #audio: AudioSlice;
  readonly #moderation: ModerationSlice;

  constructor(room: Room) {
    this.room = room;
    const host = (this.#composer = new SnapshotComposer(room, (error) => this.reportError(error)));
    // In this order: the participants read the connection phase.
    this.#composer.start([
      (this.#connection = new ConnectionSlice(host)),
      new ParticipantsSlice(host),
      (this.#devices = new DevicesSlice(host)),
      (this.#chat = new ChatSlice(host)),
      (this.#reactions = new ReactionsSlice(host)),
      (this.#audio = new AudioSlice(host)),
      (this.#moderation = new ModerationSlice(host)),
    ] as const);
  }

  /** The current snapshot. */
  get(): RoomSnapshot {
    return this.#composer.state.get();
  }

  /** Svelte store contract: `fn` now and on every committed change; returns unsubscribe. */
  subscribe(fn: (snapshot: RoomSnapshot) => void): () => void {
    return this.#composer.state.subscribe(fn);
  }

  /** Like `subscribe`, without the immediate call. */
  listen(fn: (snapshot: RoomSnapshot) => void): () => void {
    return this.#composer.state.listen(fn);
  }

  /**
   * A readable slice of the snapshot. Its listeners run only when `equals(previous, next)` is
   * false; while equal, the previous value (and so its identity) is kept.
   */
  select<T>(selector: Selector<T>, equals: Equality<T> = shallowEqual): ReadableAtom<T> {
    let last: { value: T } | undefined;
    return computed(this.#composer.state, (snapshot) => {
      const next = selector(snapshot);
      if (last && equals(last.value, next)) return last.value;
      last = { value: next };
      return next;
    });
  }

  /** Listen to room events as the store saw them; each arrives after its snapshot is committed. */
  onEvent(fn: (event: RoomStoreEvent) => void): () => void {
    return this.#composer.onEvent(fn);
  }

  /** How many snapshots have been committed (for tests and benchmarks). */
  get commits(): number {
    return this.#composer.commits;
  }

  /** Resolves once pending room events are reflected in the snapshot. */
  settled(): Promise<void> {
    return new Promise((resolve) => queueMicrotask(resolve));
  }

  /** The element is fetching a token and connecting. Clears a previous error and reason. */
  beginConnect(): void {
    this.#connection.beginConnect();
  }

  /** The session leaves the Room to rejoin at once: no `disconnected` for that (while on). */
  setRejoining(on: boolean): void {
    this.#connection.setRejoining(on);
  }

  /** A join was given up before the Room connected: the phase leaves `connecting`. */
  abandonConnect(): void {
    this.#connection.abandonConnect();
  }

  /** Record a problem for the user; a fatal one also ends the connection phase. */
  reportError(error: RoomError): void {
    this.#connection.reportError(error);
  }

  clearError(): void {
    this.#connection.clearError();
  }

  /** Re-read the media devices (labels appear once a permission was granted). */
  refreshDevices(): void {
    this.#devices.refresh();
  }

  /**
   * Record a chat message without sending it (one sent or received by other means): appended to
   * `chat`, or, when the same sender already has a message with its id, replacing it (an edit).
   */
  addChat(message: ChatMessage): void {
    this.#chat.add(message);
  }

  /**
   * Record a reaction without sending it (one sent or received by other means). Dropped, as a
   * received one is, when `emoji` is not one of `REACTIONS` or the sender already shows
   * `REACTIONS_PER_SENDER`.
   */
  addReaction(identity: string, emoji: string, isLocal = false): void {
    this.#reactions.add(identity, emoji, isLocal);
  }

  /** Mute every incoming track here (deafen), or play them again. Local only. */
  setDeafened(deafened: boolean): void {
    this.#audio.setDeafened(deafened);
  }

  /** The volume (0 to 1, clamped) at which a participant plays here. Local only. */
  setVolume(identity: string, volume: number): void {
    this.#audio.setVolume(identity, volume);
  }

  /** Whether moderation can be asked for (the session has a moderator). */
  setModeration(available: boolean): void {
    this.#moderation.setAvailable(available);
  }

  /** Whether hands are raised through the server (the session has a hand raiser). */
  setHandServer(available: boolean): void {
    this.#moderation.setHandServer(available);
  }

  /** Remove every room listener. The store keeps its last snapshot. */
  destroy(): void {
    this.#composer.destroy();
  }
}
