import { atom, type ReadableAtom, type WritableAtom } from 'nanostores';
import type { Room } from 'livekit-client';
import { RoomEvents } from './room-events.js';
import type { AnySlice, KeysOf, RoomStoreEvent, SliceHost, SnapshotKey } from './slice.js';
import type { RoomError, RoomSnapshot } from './types.js';

/** `S` when its slices build every part of the snapshot, else a type naming the missing parts. */
export type Complete<S extends readonly AnySlice[]> = [
  Exclude<SnapshotKey, KeysOf<S[number]>>,
] extends [never]
  ? S
  : { missingSnapshotParts: Exclude<SnapshotKey, KeysOf<S[number]>> };

/**
 * Composes feature slices into one snapshot atom: batches their invalidations into one commit per
 * microtask, keeps unchanged parts, freezes each snapshot, and delivers the events of a burst after
 * its snapshot is committed. Knows nothing about any feature.
 */
export class SnapshotComposer implements SliceHost {
  readonly room: Room;
  readonly events: RoomEvents;
  readonly #state: WritableAtom<RoomSnapshot>;
  readonly #reportError: (error: RoomError) => void;
  readonly #clearError: (code: string) => void;
  readonly #listeners = new Set<(event: RoomStoreEvent) => void>();
  #slices: readonly AnySlice[] = [];
  readonly #dirty = new Set<AnySlice>();
  #pending: RoomStoreEvent[] = [];
  #scheduled = false;
  #started = false;
  #destroyed = false;
  #commits = 0;

  constructor(
    room: Room,
    errors: { report: (error: RoomError) => void; clear: (code: string) => void },
  ) {
    this.room = room;
    this.events = new RoomEvents(room);
    this.#reportError = errors.report;
    this.#clearError = errors.clear;
    // Replaced by the slices' initial parts in `start`.
    this.#state = atom<RoomSnapshot>(undefined as unknown as RoomSnapshot);
  }

  /** The committed snapshots. */
  get state(): ReadableAtom<RoomSnapshot> {
    return this.#state;
  }

  get commits(): number {
    return this.#commits;
  }

  get destroyed(): boolean {
    return this.#destroyed;
  }

  /**
   * Compose `slices` (in this order: a slice may read the parts of those before it) and commit the
   * room as it is now. Type-checked to build every part of the snapshot.
   */
  start<S extends readonly AnySlice[]>(slices: Complete<S> & S): void {
    const initial: Partial<Record<SnapshotKey, unknown>> = {};
    for (const slice of slices) {
      for (const key of slice.keys) {
        if (key in initial) throw new Error(`two slices build "${key}"`);
        initial[key] = slice.initial[key];
      }
    }
    this.#slices = slices;
    this.#state.set(Object.freeze(initial as RoomSnapshot));
    this.#started = true;
    // The Room may be handed over connected: every slice reads it whole.
    for (const slice of slices) this.#dirty.add(slice);
    this.#flush();
  }

  invalidate(slice: AnySlice): void {
    this.#dirty.add(slice);
    this.#schedule();
  }

  emit(event: RoomStoreEvent): void {
    this.#pending.push(event);
    this.#schedule();
  }

  reportError(error: RoomError): void {
    this.#reportError(error);
  }

  clearError(code: string): void {
    this.#clearError(code);
  }

  onEvent(fn: (event: RoomStoreEvent) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.events.destroy();
    for (const slice of this.#slices) slice.destroy?.();
    this.#listeners.clear();
  }

  #schedule(): void {
    if (this.#scheduled || this.#destroyed || !this.#started) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (!this.#destroyed) this.#flush();
    });
  }

  /** Rebuild the invalidated slices and commit one snapshot if any part changed. */
  #flush(): void {
    const prev = this.#state.get();
    const next: Partial<Record<SnapshotKey, unknown>> = {};
    const changed = new Set<SnapshotKey>();
    const dirty = new Set(this.#dirty);
    this.#dirty.clear();
    for (const slice of this.#slices) {
      const rebuild = dirty.has(slice) || !!slice.reads?.some((key) => changed.has(key));
      const parts = rebuild ? slice.build(prev, next as Partial<RoomSnapshot>) : prev;
      for (const key of slice.keys) {
        next[key] = parts[key];
        if (parts[key] !== prev[key]) changed.add(key);
      }
    }
    const events = this.#pending;
    this.#pending = [];
    if (changed.size > 0) {
      this.#commits += 1;
      this.#state.set(Object.freeze(next as RoomSnapshot));
    }
    for (const event of events) for (const fn of this.#listeners) fn(event);
  }
}
