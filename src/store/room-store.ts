import { computed, type ReadableAtom } from 'nanostores';
import type { Room } from 'livekit-client';
import { SnapshotComposer } from './composer.js';
import { shallowEqual } from './equality.js';
import type { RoomStoreEvent } from './slice.js';
import { AudioSlice } from './slices/audio.js';
import { ChatSlice } from './slices/chat.js';
import { ConnectionSlice } from './slices/connection.js';
import { DevicesSlice } from './slices/devices.js';
import { EncryptionSlice } from './slices/encryption.js';
import { ModerationSlice } from './slices/moderation.js';
import { ParticipantsSlice } from './slices/participants.js';
import { PARTICIPANT_GRACE_MS } from './slices/reconnect-hold.js';
import { ReactionsSlice } from './slices/reactions.js';
import { TranscriptionSlice } from './slices/transcription.js';
import type { ChatMessage, RoomError, RoomSnapshot, TrackSourceName } from './types.js';

export type { RoomStoreEvent } from './slice.js';
export { CHAT_LIMIT, CHAT_TOPIC } from './slices/chat.js';
export { PARTICIPANT_GRACE_MS } from './slices/reconnect-hold.js';

/** Options of a `RoomStore`. */
export interface RoomStoreOptions {
  /**
   * How long a remote participant who vanished without leaving is kept as `reconnecting`, in
   * milliseconds (`PARTICIPANT_GRACE_MS` by default; 0 shows them gone at once).
   */
  participantGraceMs?: number;
}

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
  readonly #participants: ParticipantsSlice;
  readonly #devices: DevicesSlice;
  readonly #chat: ChatSlice;
  readonly #reactions: ReactionsSlice;
  readonly #audio: AudioSlice;
  readonly #moderation: ModerationSlice;

  constructor(room: Room, options: RoomStoreOptions = {}) {
    this.room = room;
    const graceMs = options.participantGraceMs ?? PARTICIPANT_GRACE_MS;
    const host = (this.#composer = new SnapshotComposer(room, {
      report: (error) => this.reportError(error),
      clear: (code) => this.#connection.clearError(code),
    }));
    // In this order: the participants read the connection phase.
    this.#composer.start([
      (this.#connection = new ConnectionSlice(host)),
      (this.#participants = new ParticipantsSlice(host, graceMs)),
      (this.#devices = new DevicesSlice(host)),
      (this.#chat = new ChatSlice(host)),
      (this.#reactions = new ReactionsSlice(host)),
      (this.#audio = new AudioSlice(host)),
      (this.#moderation = new ModerationSlice(host)),
      new TranscriptionSlice(host),
      new EncryptionSlice(host),
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

  /**
   * The session replaces a lost (or failing) connection with a new one at once (a fresh token,
   * perhaps another server), letting go of the Room's connection first: until the new one is
   * connected, the phase stays `reconnecting` (the banner says "Reconnecting…"; `reconnected`
   * follows, no `disconnected` on the way), the remote participants stay (as `reconnecting`, for
   * the grace period) and your media stays shown on until the session has published it again
   * (`releaseHeld`, which `connect` does after joining). A fatal error or a leave ends it. Does
   * nothing unless `connected` or `reconnecting`.
   */
  beginRejoin(): void {
    if (this.#connection.beginRejoin()) this.#participants.expectRejoin();
  }

  /** A join was given up before the Room connected: the phase leaves `connecting`. */
  abandonConnect(): void {
    this.#connection.abandonConnect();
  }

  /** Record a problem for the user; a fatal one also ends the connection phase. */
  reportError(error: RoomError): void {
    this.#connection.reportError(error);
  }

  /** Dismiss the problem shown (media that could not be published again is then let go of). */
  clearError(): void {
    if (this.get().error?.code === 'republish-failed') this.#participants.dropFailed();
    this.#connection.clearError();
  }

  /**
   * The local sources that were on when the connection was lost and are shown as on (pending)
   * until published again; undefined when none are held. A rejoin publishes these.
   */
  heldSources(): readonly TrackSourceName[] | undefined {
    return this.#participants.heldSources();
  }

  /**
   * The session has published after a rejoin: stop holding; a held source not published again is
   * reported as the non-fatal error `republish-failed` (with its `sources`).
   */
  releaseHeld(): void {
    this.#participants.releaseHeld();
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
