import { atom, type ReadableAtom } from 'nanostores';
import {
  ConnectionState,
  RoomEvent,
  Track,
  type LocalAudioTrack,
  type LocalVideoTrack,
  type Room,
} from 'livekit-client';
import type { RoomStoreEvent } from '../store/room-store.js';
import { GRACE_REASONS } from '../store/slices/reconnect-hold.js';
import { mediaDisconnected } from './livekit-adapter.js';
import type { KeptTracks } from './publish.js';
import type { ConnectionDetails } from './token.js';

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
    // A rejoin the session makes at once ends in `reconnected` (the phase stayed `reconnecting`).
    if (event.type === 'connected' || event.type === 'reconnected') {
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

  /** Rejoin now, as a first attempt: if it fails, the next ones follow `REJOIN_DELAYS`. */
  now(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#attempt.set(this.#attempt.get() + 1);
    if (this.#wanted()) this.#join();
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
 * How long (ms) the connection may stay lost before the session looks for a way back of its own
 * (default of `rejoinAfter`; at once when the loss is for good, see `FastRejoin`). livekit-client's own budget is about 15 s of resuming, then as long
 * again of reconnecting, all to the same URL: after a node is lost, a fresh token that names
 * another node (or a load balancer that routes to a live one) is what brings the call back.
 */
export const REJOIN_AFTER_MS = 3_000;

/** How long the reachability probe of a node may take (ms). */
const PROBE_TIMEOUT_MS = 2_000;

/** How often a connected Room's media connections are looked at (ms): a cheap read of two states. */
const MEDIA_CHECK_MS = 250;

/**
 * Whether the Room's connection is lost now: livekit-client is reconnecting (signal or media), or,
 * still connected, a media connection is down (the node carrying the media died while another
 * node forwards the signalling: livekit-client notices that only after about 11 s).
 */
export function connectionLost(room: Room): boolean {
  const { state } = room;
  if (state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting) {
    return true;
  }
  return state === ConnectionState.Connected && mediaDisconnected(room);
}

/**
 * Watches a Room's connection: once it has been lost (`connectionLost`) for `after()` ms, calls
 * `lost()`; while it stays lost and `lost()` resolves false (nothing better found), asks again
 * every `after()` ms. When `certain()` says at once that the loss is for good (the node is gone),
 * `lost()` is called without waiting. Coming back (or leaving) ends it. `after()` ≤ 0 turns it off.
 */
export class SignalWatch {
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** The connection is lost and being watched (until it is back, or `stop()`). */
  #watching = false;
  /** `lost()` is under way. */
  #busy = false;
  readonly #off: () => void;

  constructor(
    room: Room,
    after: () => number,
    lost: () => Promise<boolean>,
    certain: () => Promise<boolean> = async () => false,
  ) {
    const run = (): void => {
      clearTimeout(this.#timer);
      this.#timer = undefined;
      if (!connectionLost(room)) return this.stop();
      this.#busy = true;
      void lost().then((handled) => {
        this.#busy = false;
        if (!handled && connectionLost(room) && this.#watching) arm();
      });
    };
    const arm = (): void => {
      const ms = after();
      if (ms > 0) this.#timer = setTimeout(run, ms);
    };
    const begin = (): void => {
      this.#watching = true;
      arm();
      if (this.#timer === undefined) return;
      void certain().then((sure) => {
        if (sure && this.#timer !== undefined && !this.#busy && connectionLost(room)) run();
      });
    };
    // The media connections are looked at only while the Room is in a call.
    let media: ReturnType<typeof setInterval> | undefined;
    const check = (): void => {
      if (room.state === ConnectionState.Disconnected) {
        clearInterval(media);
        media = undefined;
      } else media ??= setInterval(check, MEDIA_CHECK_MS);
      if (!connectionLost(room)) this.stop();
      else if (!this.#watching) begin();
    };
    room.on(RoomEvent.ConnectionStateChanged, check);
    check();
    this.#off = () => {
      room.off(RoomEvent.ConnectionStateChanged, check);
      clearInterval(media);
    };
  }

  stop(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#watching = false;
  }

  /** Stop watching this Room. */
  dispose(): void {
    this.stop();
    this.#off();
  }
}

/**
 * Whether the LiveKit server at `url` (ws(s)) answers at all: any HTTP answer counts, a refused
 * or silent connection does not (an opaque `no-cors` request, so no CORS setup is needed; a page's
 * CSP must allow it, as livekit-client's own connection checks need too).
 */
export async function reachable(url: string): Promise<boolean> {
  try {
    const http = new URL(url);
    http.protocol = http.protocol === 'wss:' ? 'https:' : 'http:';
    await fetch(http, {
      mode: 'no-cors',
      cache: 'no-store',
      signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return true;
  } catch {
    return false;
  }
}

export interface FastRejoinHost {
  /** Whether the session still wants to be in the room through this Room. */
  wanted(room: Room): boolean;
  /** The ws(s) URL the Room was connected to ('' when unknown). */
  url(): string;
  /** A fresh token and the URL it names (rejects when the token endpoint cannot be reached). */
  details(): Promise<ConnectionDetails>;
  /**
   * The rejoin starts, before the Room is left: the store keeps the call shown as it was
   * (`RoomStore.beginRejoin`: still `reconnecting`, no `disconnected` on the way).
   */
  begin(): void;
  /** Join again (with a backoff while it fails; the first time with `take()`), publishing `kept`. */
  rejoin(kept: KeptTracks): void;
  /** Camera and microphone as the user has them now (what any rejoin turns on again). */
  remember(media: { audio: boolean; video: boolean }): void;
}

/**
 * The fast rejoin. When a Room's connection stays lost for `after()` ms (`SignalWatch`), or at
 * once when the loss is for good (the node is gone, `#certain`), fetch a fresh token; if it names a server that answers, leave the Room keeping the local tracks and
 * join with it (which may be another node, and is never a host:port whose last WebSocket failed,
 * which Firefox makes wait). If the token endpoint or that server cannot be reached (the network
 * is down, not the node), livekit-client keeps trying and the session asks again later. The
 * store stays, and with it chat, panels and pins.
 */
export class FastRejoin {
  #watch: SignalWatch | undefined;
  #offMedia: (() => void) | undefined;
  /** The fresh token the rejoin found, for the join it starts. */
  #details: ConnectionDetails | undefined;
  readonly #host: FastRejoinHost;

  constructor(host: FastRejoinHost) {
    this.#host = host;
  }

  /** Watch this Room (and no longer the one before). */
  follow(room: Room, after: () => number): void {
    this.#watch?.dispose();
    this.#offMedia?.();
    this.#watch = new SignalWatch(
      room,
      after,
      () => this.#run(room),
      () => this.#certain(room),
    );
    // Turning the camera or microphone off mutes it; unpublishing comes only with leaving, so it
    // says nothing of what the user wants.
    const lp = room.localParticipant;
    const remember = (): void =>
      this.#host.remember({ audio: lp.isMicrophoneEnabled, video: lp.isCameraEnabled });
    const events = [RoomEvent.LocalTrackPublished, RoomEvent.TrackMuted, RoomEvent.TrackUnmuted];
    events.forEach((event) => room.on(event, remember));
    this.#offMedia = () => events.forEach((event) => room.off(event, remember));
  }

  /** Stop watching (the session let go of the Room). */
  dispose(): void {
    this.#watch?.dispose();
    this.#offMedia?.();
    this.#watch = this.#offMedia = undefined;
  }

  /** Whether a fresh token was found for the rejoin (and not taken yet). */
  get found(): boolean {
    return this.#details !== undefined;
  }

  /** The fresh token found for the rejoin, once (undefined after, or without one). */
  take(): ConnectionDetails | undefined {
    const details = this.#details;
    this.#details = undefined;
    return details;
  }

  /**
   * Whether the loss is for good, so that waiting `rejoin-after` would only add to it: the media
   * connections went down behind a signalling connection that still looks fine (ICE has then had
   * no answer for seconds: the node carrying the media is gone), or the signalling connection
   * closed and the node it went to does not answer at all (refused: the node is gone; or the
   * network is down, which the token fetch of the rejoin then tells).
   */
  async #certain(room: Room): Promise<boolean> {
    if (room.state === ConnectionState.Connected) return mediaDisconnected(room);
    const url = this.#host.url();
    return !!url && !(await reachable(url));
  }

  /** Resolves true when it rejoined (or there is nothing left to do), false to ask again later. */
  async #run(room: Room): Promise<boolean> {
    if (!this.#host.wanted(room)) return true;
    const details = await this.#host.details().catch(() => undefined);
    if (!details || !(await reachable(details.url))) return false;
    if (!this.#host.wanted(room) || !connectionLost(room)) return true;
    this.#host.begin();
    const kept = await leaveKeepingTracks(room);
    if (!this.#host.wanted(room)) {
      [kept.audio, kept.video, ...kept.others].forEach((track) => track?.stop());
      return true;
    }
    this.#details = details;
    this.#host.rejoin(kept);
    return true;
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
