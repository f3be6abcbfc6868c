import type { Participant, RemoteParticipant, Room, TrackPublication } from 'livekit-client';
import type { RoomEvents } from './room-events.js';
import type { ConnectionQualityName, Reaction, RoomError, RoomSnapshot } from './types.js';

/** What the store tells about room events, after the snapshot reflecting them is committed. */
export type RoomStoreEvent =
  | { type: 'connected' }
  | { type: 'reconnecting' }
  | { type: 'reconnected' }
  | { type: 'disconnected'; reason: string }
  | { type: 'participant-joined'; participant: RemoteParticipant }
  | { type: 'participant-left'; participant: RemoteParticipant }
  | { type: 'track-subscribed'; publication: TrackPublication; participant: Participant }
  | { type: 'track-unsubscribed'; publication: TrackPublication; participant: Participant }
  | { type: 'track-muted'; publication: TrackPublication; participant: Participant }
  | { type: 'track-unmuted'; publication: TrackPublication; participant: Participant }
  | { type: 'active-speakers-changed'; speakers: readonly string[] }
  | {
      type: 'data-received';
      payload: Uint8Array;
      participant: RemoteParticipant | undefined;
      topic: string | undefined;
    }
  | { type: 'recording-status-changed'; recording: boolean }
  | { type: 'room-metadata-changed'; metadata: string }
  | {
      type: 'attributes-changed';
      changed: Readonly<Record<string, string>>;
      participant: Participant;
    }
  | { type: 'media-devices-changed' }
  | { type: 'connection-quality-changed'; quality: ConnectionQualityName; participant: Participant }
  | { type: 'reaction'; reaction: Reaction }
  | { type: 'error'; error: RoomError };

/** A name of a part of the snapshot. */
export type SnapshotKey = keyof RoomSnapshot;

/**
 * One feature of the store: it owns some parts of the snapshot (`keys`), the inputs they are built
 * from (room events it subscribes to through its host, and methods the store forwards to it), and
 * how to rebuild those parts.
 *
 * A slice calls `host.invalidate(this)` when an input changed; at the end of the microtask the
 * store calls `build` of every invalidated slice (and of slices that `read` a part that changed in
 * this commit) and commits one snapshot if any part changed identity.
 */
export interface Slice<K extends SnapshotKey> {
  /** The parts of the snapshot this slice builds; no other slice builds them. */
  readonly keys: readonly K[];
  /** Its parts before anything happened (the store's first snapshot is made of these). */
  readonly initial: Pick<RoomSnapshot, K>;
  /**
   * Parts built by slices composed before this one that `build` reads from `next`; the slice is
   * rebuilt whenever one of them changes.
   */
  readonly reads?: readonly SnapshotKey[];
  /**
   * Its parts of the next snapshot. `prev` is the snapshot committed last; `next` holds the parts
   * built so far in this commit (those of the slices composed before this one). A part that did not
   * change must be `prev`'s own object (structural sharing); new parts are frozen.
   */
  build(prev: RoomSnapshot, next: Readonly<Partial<RoomSnapshot>>): Pick<RoomSnapshot, K>;
  /** Stop timers and subscriptions other than room events (the host removes those). */
  destroy?(): void;
}

/** A slice of any parts, as the store holds them. */
export interface AnySlice {
  readonly keys: readonly SnapshotKey[];
  readonly initial: Readonly<Partial<RoomSnapshot>>;
  readonly reads?: readonly SnapshotKey[];
  build(prev: RoomSnapshot, next: Readonly<Partial<RoomSnapshot>>): Readonly<Partial<RoomSnapshot>>;
  destroy?(): void;
}

/** What the store gives its slices. */
export interface SliceHost {
  readonly room: Room;
  /** Typed room-event subscriptions, removed when the store is destroyed. */
  readonly events: RoomEvents;
  /** True once the store is destroyed: late async results must be dropped. */
  readonly destroyed: boolean;
  /** An input of `slice` changed: rebuild it in this microtask's commit. */
  invalidate(slice: AnySlice): void;
  /** Tell `onEvent` listeners, after this microtask's snapshot is committed. */
  emit(event: RoomStoreEvent): void;
  /** Record a problem for the user (`RoomStore.reportError`). */
  reportError(error: RoomError): void;
  /** Take back the problem shown if it has this `code` (it is over). */
  clearError(code: string): void;
}

/** The snapshot keys built by a union of slices. */
export type KeysOf<S> = S extends Slice<infer K> ? K : never;
