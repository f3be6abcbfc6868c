import { atom, type ReadableAtom } from 'nanostores';
import {
  ConnectionState,
  RoomEvent,
  Track,
  type LocalAudioTrack,
  type LocalTrack,
  type LocalVideoTrack,
  type Room,
} from 'livekit-client';
import type { RoomStoreEvent } from '../store/room-store.js';

/** Waits before each attempt to rejoin by itself (ms): bounded, about 75 s in all. */
export const REJOIN_DELAYS: readonly number[] = [
  1_000, 2_000, 4_000, 8_000, 15_000, 15_000, 15_000, 15_000,
];

/** Disconnect reasons after which the session rejoins by itself (nobody decided to end it). */
export const REJOIN_REASONS: ReadonlySet<string> = new Set([
  'unknown-reason',
  'server-shutdown',
  'state-mismatch',
  'join-failure',
  'migration',
  'signal-close',
  'connection-timeout',
  'media-failure',
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

/**
 * How long (ms) the signalling connection may stay lost before the session stops waiting for
 * livekit-client to get it back and rejoins with a fresh token instead (default of `rejoinAfter`).
 * livekit-client's own budget is about 15 s of resuming, then as long again of reconnecting, all to
 * the same URL; a fresh token may name another node, which is what a lost node needs. Loopback
 * measurements: a resume that works (a brief network cut) is back well within this.
 */
export const REJOIN_AFTER_MS = 4_000;

/**
 * Watches a Room's connection: when it has been reconnecting (signal or media) for `after()` ms
 * without coming back, calls `lost()` once. `after()` ≤ 0 turns it off.
 */
export class SignalWatch {
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #off: () => void;

  constructor(room: Room, after: () => number, lost: () => void) {
    const onState = (state: ConnectionState): void => {
      const reconnecting =
        state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting;
      if (!reconnecting) return this.stop();
      const ms = after();
      if (this.#timer !== undefined || !(ms > 0)) return;
      this.#timer = setTimeout(() => {
        this.#timer = undefined;
        const now = room.state;
        if (now === ConnectionState.Reconnecting || now === ConnectionState.SignalReconnecting) {
          lost();
        }
      }, ms);
    };
    room.on(RoomEvent.ConnectionStateChanged, onState);
    this.#off = () => void room.off(RoomEvent.ConnectionStateChanged, onState);
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Stop watching this Room. */
  dispose(): void {
    this.stop();
    this.#off();
  }
}

/** The local tracks published now, kept alive across a rejoin and published again after it. */
export interface KeptTracks {
  audio?: LocalAudioTrack;
  video?: LocalVideoTrack;
  /** screen share (and its audio): published again as they were */
  others: LocalTrack[];
}

export interface FastRejoinHost {
  /** Whether the session still wants to be in the room through this Room. */
  wanted(room: Room): boolean;
  /** Join again, publishing the kept tracks. */
  rejoin(kept: KeptTracks): Promise<void>;
  /** Camera and microphone as the user has them now (what any rejoin turns on again). */
  remember(media: { audio: boolean; video: boolean }): void;
}

/**
 * The fast rejoin: when a Room's connection stays lost for `after()` ms (`SignalWatch`), leave it
 * keeping the local tracks, and, if the session still wants the room, rejoin with them (a fresh
 * token, which may name another node). The store stays, and with it chat, panels and pins.
 */
export class FastRejoin {
  #watch: SignalWatch | undefined;
  #offMedia: (() => void) | undefined;
  #leaving = false;
  readonly #host: FastRejoinHost;

  constructor(host: FastRejoinHost) {
    this.#host = host;
  }

  /** True while leaving to rejoin: that disconnect is nobody's decision, nor news. */
  get leaving(): boolean {
    return this.#leaving;
  }

  /** Watch this Room (and no longer the one before). */
  follow(room: Room, after: () => number): void {
    this.#watch?.dispose();
    this.#offMedia?.();
    this.#watch = new SignalWatch(room, after, () => void this.#run(room));
    // Turning the camera or microphone off mutes it; unpublishing comes only with leaving, so it
    // says nothing of what the user wants.
    const lp = room.localParticipant;
    const remember = (): void =>
      this.#host.remember({ audio: lp.isMicrophoneEnabled, video: lp.isCameraEnabled });
    const events = [RoomEvent.LocalTrackPublished, RoomEvent.TrackMuted, RoomEvent.TrackUnmuted];
    events.forEach((event) => room.on(event, remember));
    this.#offMedia = () => events.forEach((event) => room.off(event, remember));
  }

  async #run(room: Room): Promise<void> {
    if (!this.#host.wanted(room)) return;
    this.#leaving = true;
    let kept: KeptTracks;
    try {
      kept = await leaveKeepingTracks(room);
    } finally {
      this.#leaving = false;
    }
    if (!this.#host.wanted(room)) {
      [kept.audio, kept.video, ...kept.others].forEach((track) => track?.stop());
      return;
    }
    await this.#host.rejoin(kept);
  }
}

/**
 * Leave the Room without stopping the local tracks (a rejoin publishes the very same tracks: no new
 * capture, no permission prompt, a muted microphone stays muted) and return them.
 */
export async function leaveKeepingTracks(room: Room): Promise<KeptTracks> {
  const lp = room.localParticipant;
  const kept: KeptTracks = { others: [] };
  for (const publication of lp.trackPublications.values()) {
    const track = publication.track;
    if (!track) continue;
    if (publication.source === Track.Source.Microphone) kept.audio = track as LocalAudioTrack;
    else if (publication.source === Track.Source.Camera) kept.video = track as LocalVideoTrack;
    else kept.others.push(track);
  }
  await room.disconnect(false);
  return kept;
}
