import { atom, type ReadableAtom } from 'nanostores';
import { createLocalVideoTrack, type LocalVideoTrack, type Room } from 'livekit-client';
import type { RoomStore } from '../store/room-store.js';
import { isAdmitted, isWaiting } from '../store/waiting-room.js';

/**
 * The waiting room on the newcomer's side. Joined with a waiting token (the server set
 * `mr.waiting`: nothing may be published or received), the session holds what the user chose
 * instead of publishing it, shows their own camera in a local preview (never published) and
 * publishes it all once a host admits them (the mark cleared, the grant given), without a reload.
 */
export class WaitingGate {
  readonly #preview = atom<LocalVideoTrack | undefined>(undefined);
  #stop: (() => void) | undefined;

  /** The camera preview shown while waiting (a local track, not published). */
  get $preview(): ReadableAtom<LocalVideoTrack | undefined> {
    return this.#preview;
  }

  /**
   * Resolves at once with true when the local participant does not wait; otherwise keeps a
   * camera preview (the pre-join's track, or one opened now when the camera was chosen: `open`
   * hands it to the session, which publishes it or stops it) and resolves once admitted (true),
   * or false when the room is left or lost first, or `signal` aborts.
   */
  async untilAdmitted(
    room: Room,
    store: RoomStore,
    wanted: {
      video: LocalVideoTrack | undefined;
      camera: boolean;
      deviceId: string | undefined;
      open: (track: LocalVideoTrack) => void;
    },
    signal: AbortSignal,
  ): Promise<boolean> {
    await store.settled();
    if (!isWaiting(store.get().local)) return true;
    let video = wanted.video;
    if (!video && wanted.camera) {
      // A preview of one's own camera while waiting; refused, the wait goes on without one.
      video = await createLocalVideoTrack(
        wanted.deviceId ? { deviceId: wanted.deviceId } : undefined,
      ).catch(() => undefined);
      if (video) wanted.open(video);
    }
    this.#preview.set(video);
    try {
      return await new Promise<boolean>((resolve) => {
        let settled = false;
        const finish = (admitted: boolean): void => {
          if (settled) return;
          settled = true;
          off();
          signal.removeEventListener('abort', onAbort);
          this.#stop = undefined;
          resolve(admitted);
        };
        const check = (s: ReturnType<RoomStore['get']>): void => {
          if (signal.aborted || s.connection.phase === 'disconnected') finish(false);
          else if (isAdmitted(s.local)) finish(true);
        };
        const off = store.listen(check);
        const onAbort = (): void => finish(false);
        signal.addEventListener('abort', onAbort);
        this.#stop = () => finish(false);
        check(store.get());
      });
    } finally {
      this.#preview.set(undefined);
    }
  }

  /** Stop waiting (a leave): nothing is published; the session stops the held tracks. */
  cancel(): void {
    this.#stop?.();
    this.#preview.set(undefined);
  }
}
