import type { Participant, RemoteParticipant } from 'livekit-client';
import { shallowEqual } from '../equality.js';
import type { ParticipantState, TrackSourceName, TrackState } from '../types.js';

/**
 * How long a remote participant who vanished without leaving is kept (as `reconnecting`) before
 * being shown as gone, in milliseconds: long enough for a participant to come back after a
 * server-side move or a lost connection, short enough that someone who really went is not shown
 * for long.
 */
export const PARTICIPANT_GRACE_MS = 20_000;

/**
 * Reasons (kebab case) for a remote participant's departure that are nobody's decision: they are
 * kept for the grace period. Any other reason (they left, were removed, the room was closed) shows
 * them gone at once; so does no reason, unless the local connection is being recovered then
 * (livekit-client lets go of everyone when it reconnects fully, and tells no reason).
 */
export const GRACE_REASONS: ReadonlySet<string> = new Set([
  'server-shutdown',
  'state-mismatch',
  'join-failure',
  'migration',
  'signal-close',
  'connection-timeout',
  'media-failure',
]);

/**
 * The local sources that were on when the connection was lost, shown as on (pending) while they
 * are published again, by livekit-client after its full reconnect or by the session after a
 * rejoin. Settled once that is over: what is not published again by then failed, and is kept
 * (with its media track, which livekit-client may leave running unpublished) until it is
 * published after all (late, or by the notice's button) or the notice is dismissed.
 */
export class LocalHold {
  readonly #held = new Map<TrackSourceName, TrackState>();
  readonly #failed = new Map<TrackSourceName, TrackState>();

  get size(): number {
    return this.#held.size;
  }

  /** The held sources, or undefined when nothing is held. */
  sources(): readonly TrackSourceName[] | undefined {
    return this.#held.size > 0 ? [...this.#held.keys()] : undefined;
  }

  /** The sources that failed to be published again and are not yet. */
  failed(): TrackSourceName[] {
    return [...this.#failed.keys()];
  }

  /** Hold the sources `local` shows on (published and unmuted). Nothing held is replaced. */
  capture(local: ParticipantState | undefined): void {
    if (!local || this.#held.size > 0) return;
    this.drop();
    for (const [source, state] of Object.entries(local.tracks) as Array<
      [TrackSourceName, TrackState]
    >) {
      if (!state || state.muted) continue;
      const track = state.track ?? state.publication.track;
      const live = track?.mediaStreamTrack?.readyState === 'live';
      this.#held.set(
        source,
        Object.freeze({ ...state, republishing: true, track: live ? track : undefined }),
      );
    }
  }

  /**
   * `state` with each held source it lacks shown as held (on, `republishing`); `before` kept when
   * that is what it shows.
   */
  overlay(
    state: ParticipantState | undefined,
    before: ParticipantState | undefined,
  ): ParticipantState | undefined {
    if (!state || this.#held.size === 0) return state;
    const tracks: Partial<Record<TrackSourceName, TrackState>> = { ...state.tracks };
    let changed = false;
    for (const [source, held] of this.#held) {
      if (tracks[source]) continue;
      tracks[source] = held;
      changed = true;
    }
    if (!changed) return state;
    const next = {
      ...state,
      tracks: before && shallowEqual(before.tracks, tracks) ? before.tracks : Object.freeze(tracks),
    };
    return before && shallowEqual(before, next) ? before : Object.freeze(next);
  }

  /**
   * Stop holding: the held sources `participant` has not published again failed (returned, and
   * kept until `published` or `drop`).
   */
  settle(participant: Participant | undefined): TrackSourceName[] {
    const publications = [...(participant?.trackPublications.values() ?? [])];
    for (const [source, held] of this.#held) {
      if (publications.some((pub) => pub.source === held.publication.source)) continue;
      this.#failed.set(source, held);
    }
    this.#held.clear();
    return this.failed();
  }

  /**
   * A local track of `source` was published: if that source had failed, it is no longer (its
   * left-over media track, if another one was published, is stopped). Returns whether it had.
   */
  published(source: TrackSourceName, track: unknown): boolean {
    const failed = this.#failed.get(source);
    if (!failed) return false;
    this.#failed.delete(source);
    if (failed.track && failed.track !== track) failed.track.stop();
    return true;
  }

  /**
   * Forget the failed sources (the notice was dismissed, or the user left), stopping their
   * left-over media tracks, so no camera light stays on while the control says off.
   */
  drop(): void {
    for (const failed of this.#failed.values()) failed.track?.stop();
    this.#failed.clear();
  }

  /** Stop holding without a verdict, and forget any failure (the user left). */
  clear(): void {
    this.#held.clear();
    this.drop();
  }
}

/** A remote participant kept through a grace period. */
interface Ghost {
  readonly state: ParticipantState;
  readonly participant: RemoteParticipant;
  readonly timer: ReturnType<typeof setTimeout>;
}

/**
 * Remote participants who vanished without leaving, kept as `reconnecting` (without tracks) until
 * they come back or the grace period passes; then `expired` is called with the participant.
 */
export class RemoteGrace {
  readonly #ghosts = new Map<string, Ghost>();
  readonly #ms: number;
  readonly #expired: (participant: RemoteParticipant) => void;

  constructor(ms: number, expired: (participant: RemoteParticipant) => void) {
    this.#ms = ms;
    this.#expired = expired;
  }

  get enabled(): boolean {
    return this.#ms > 0;
  }

  has(identity: string): boolean {
    return this.#ghosts.has(identity);
  }

  /** The state shown for a kept participant. */
  get(identity: string): ParticipantState | undefined {
    return this.#ghosts.get(identity)?.state;
  }

  /** Keep `participant`, last shown as `last`, for the grace period. */
  keep(participant: RemoteParticipant, last: ParticipantState): void {
    this.forget(participant.identity);
    const state = Object.freeze({
      ...last,
      reconnecting: true,
      isSpeaking: false,
      tracks: Object.freeze({}),
    });
    const timer = setTimeout(() => {
      this.#ghosts.delete(participant.identity);
      this.#expired(participant);
    }, this.#ms);
    this.#ghosts.set(participant.identity, { state, participant, timer });
  }

  /** Stop keeping `identity` (it came back). Returns whether it was kept. */
  forget(identity: string): boolean {
    const ghost = this.#ghosts.get(identity);
    if (!ghost) return false;
    clearTimeout(ghost.timer);
    this.#ghosts.delete(identity);
    return true;
  }

  /** Stop keeping anyone, telling nothing (the local participant is out of the room). */
  clear(): void {
    for (const ghost of this.#ghosts.values()) clearTimeout(ghost.timer);
    this.#ghosts.clear();
  }
}
