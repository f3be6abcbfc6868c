import { RoomEvent, type Participant, type RemoteParticipant } from 'livekit-client';
import { shallowEqual } from '../equality.js';
import type { Slice, SliceHost } from '../slice.js';
import type { ConnectionPhase, ParticipantState, RoomSnapshot, TrackSourceName } from '../types.js';
import { reasonName } from './connection.js';
import { hasPublished, participantState, qualityName, sourceName } from './participant-state.js';
import { republishSettled } from '../../session/livekit-adapter.js';
import { GRACE_REASONS, LocalHold, RemoteGrace } from './reconnect-hold.js';
import { JoinNumbers, ParticipantMap } from '../participant-map.js';
import { RemoteOrder } from './remote-order.js';

type Key =
  | 'local'
  | 'remotes'
  | 'participants'
  | 'activeSpeakers'
  | 'speakerRecency'
  | 'numParticipants'
  | 'numPublishers';

const EMPTY_RECENCY: ReadonlyMap<string, number> = new Map();

/**
 * Participants, their tracks and the speakers: the local participant (while in a room), the
 * remotes in join order, who speaks now and how recently everyone spoke. An event rebuilds only
 * the participants it names; the others keep their object identity.
 *
 * Through a reconnect the screen stays as it was: the local sources that were on stay on (pending)
 * while they are published again (`LocalHold`), and remote participants who vanish without leaving
 * are kept as `reconnecting` for a grace period (`RemoteGrace`); `participant-left` is told only
 * when they are shown gone, `participant-joined` only when they were not shown.
 */
export class ParticipantsSlice implements Slice<Key> {
  readonly keys: readonly Key[] = [
    'local',
    'remotes',
    'participants',
    'activeSpeakers',
    'speakerRecency',
    'numParticipants',
    'numPublishers',
  ];
  readonly initial: Pick<RoomSnapshot, Key> = Object.freeze({
    local: undefined,
    remotes: Object.freeze([]),
    participants: new ParticipantMap(
      undefined,
      Object.freeze([]),
      Object.freeze([]),
      new JoinNumbers(),
    ),
    activeSpeakers: Object.freeze([]),
    speakerRecency: EMPTY_RECENCY,
    numParticipants: 0,
    numPublishers: 0,
  });
  /** The local participant is shown only while the connection phase says we are in a room. */
  readonly reads = ['connection'] as const;

  readonly #host: SliceHost;
  /** Rebuild everyone (a (re)connect or disconnect). */
  #all = true;
  /** Identities whose state an event may have changed. */
  readonly #dirty = new Set<string>();
  #speakersDirty = false;
  /** Remote identities in join order, numbered (see `ParticipantMap`). */
  readonly #order: RemoteOrder;
  /** Identities of the speakers as of the last speaker event. */
  #speakers: string[] = [];
  /** The last speaker-recency sequence number given out. */
  #sequence = 0;
  /** The connection phase this slice last built with. */
  #phase: ConnectionPhase | undefined;
  /** Remote participants who went since the last build, and livekit-client's reason. */
  readonly #departed = new Map<string, { p: RemoteParticipant; reason: string | undefined }>();
  readonly #hold = new LocalHold();
  readonly #grace: RemoteGrace;
  /** The hold changed: rebuild the local participant. */
  #localDirty = false;
  /** Counts verdicts asked for, so that only the latest is given. */
  #settling = 0;
  /** The session is rejoining: the held sources wait for it to publish (`releaseHeld`). */
  #awaitRelease = false;

  constructor(host: SliceHost, graceMs: number) {
    this.#host = host;
    this.#order = new RemoteOrder(host.room, () => this.#grace);
    this.#grace = new RemoteGrace(graceMs, (p) => {
      this.#touch(p);
      host.emit({ type: 'participant-left', participant: p });
    });
    const { events } = host;
    const touchAll = () => {
      this.#all = true;
      host.invalidate(this);
    };
    events.on(RoomEvent.Connected, touchAll);
    events.on(RoomEvent.Reconnected, touchAll);
    events.on(RoomEvent.Disconnected, touchAll);

    events.on(RoomEvent.ParticipantConnected, (p) => {
      this.#touch(p);
      this.#departed.delete(p.identity);
      // Back within the grace period: the screen never showed them gone.
      if (!this.#grace.forget(p.identity)) {
        host.emit({ type: 'participant-joined', participant: p });
      }
    });
    events.on(RoomEvent.ParticipantDisconnected, (p, reason) => {
      this.#touch(p);
      this.#speakersDirty = true;
      // Kept or told as gone once the phase of this burst is known (see `#settleDepartures`).
      this.#departed.set(p.identity, { p, reason: reasonName(reason) });
    });
    events.on(RoomEvent.ParticipantActive, (p) => this.#touch(p));

    events.on(RoomEvent.TrackPublished, (_pub, p) => this.#touch(p));
    events.on(RoomEvent.TrackUnpublished, (_pub, p) => this.#touch(p));
    events.on(RoomEvent.LocalTrackPublished, (pub, p) => {
      this.#touch(p);
      // A source that failed to be published again after a reconnect is on after all.
      const source = sourceName(pub.source);
      if (source && this.#hold.published(source, pub.track)) this.#reportFailed();
    });
    events.on(RoomEvent.LocalTrackUnpublished, (_pub, p) => this.#touch(p));
    events.on(RoomEvent.TrackSubscribed, (_track, publication, participant) => {
      this.#touch(participant);
      host.emit({ type: 'track-subscribed', publication, participant });
    });
    events.on(RoomEvent.TrackUnsubscribed, (_track, publication, participant) => {
      this.#touch(participant);
      host.emit({ type: 'track-unsubscribed', publication, participant });
    });
    events.on(RoomEvent.TrackSubscriptionFailed, (_sid, p) => this.#touch(p));
    // The second argument of these two is the new state, not the participant.
    events.on(RoomEvent.TrackSubscriptionStatusChanged, (_pub, _status, p) => this.#touch(p));
    events.on(RoomEvent.TrackStreamStateChanged, (_pub, _state, p) => this.#touch(p));
    events.on(RoomEvent.TrackMuted, (publication, participant) => {
      this.#touch(participant);
      host.emit({ type: 'track-muted', publication, participant });
    });
    events.on(RoomEvent.TrackUnmuted, (publication, participant) => {
      this.#touch(participant);
      host.emit({ type: 'track-unmuted', publication, participant });
    });

    events.on(RoomEvent.ActiveSpeakersChanged, (speakers) => {
      // Those who stopped speaking and those who started both change.
      const ids = speakers.map((p) => p.identity);
      for (const identity of this.#speakers) this.#dirty.add(identity);
      for (const identity of ids) this.#dirty.add(identity);
      this.#speakers = ids;
      this.#speakersDirty = true;
      host.invalidate(this);
      host.emit({ type: 'active-speakers-changed', speakers: ids });
    });

    events.on(RoomEvent.ParticipantMetadataChanged, (_metadata, p) => this.#touch(p));
    events.on(RoomEvent.ParticipantNameChanged, (_name, p) => this.#touch(p));
    // livekit-client emits nothing when only `canUpdateMetadata` changes; the participant's next
    // change reads it again. A participant can only use a new grant through such a change, so a
    // role or hand time it writes itself is always read with the grant that let it.
    events.on(RoomEvent.ParticipantPermissionsChanged, (_previous, p) => this.#touch(p));
    events.on(RoomEvent.ParticipantAttributesChanged, (changed, participant) => {
      this.#touch(participant);
      host.emit({ type: 'attributes-changed', changed: { ...changed }, participant });
    });
    events.on(RoomEvent.ConnectionQualityChanged, (quality, participant) => {
      this.#touch(participant);
      host.emit({
        type: 'connection-quality-changed',
        quality: qualityName(quality),
        participant,
      });
    });
  }

  build(prev: RoomSnapshot, next: Readonly<Partial<RoomSnapshot>>): Pick<RoomSnapshot, Key> {
    const room = this.#host.room;
    const connection = next.connection ?? prev.connection;
    const phase = connection.phase;
    this.#followPhase(phase, connection.reason, prev);
    this.#settleDepartures(phase, prev);
    if (this.#all && phase === 'reconnecting') this.#keepVanished(prev);
    const all = this.#all;
    const dirty = this.#dirty;

    const prevMap = prev.participants as ParticipantMap;
    const { remotes, order, changedIds } = all
      ? this.#order.rebuildAll(prevMap)
      : this.#order.rebuildDirty(prevMap, dirty);

    const localBefore = prev.local;
    const lp = room.localParticipant;
    let local: ParticipantState | undefined = localBefore;
    // Outside a room (before joining, after leaving) there is no local participant to show.
    if (phase === 'idle' || phase === 'disconnected') {
      local = undefined;
    } else if (
      all ||
      this.#localDirty ||
      dirty.has(lp.identity) ||
      localBefore?.participant !== lp
    ) {
      local = lp.identity
        ? this.#hold.overlay(participantState(lp, localBefore), localBefore)
        : undefined;
    }
    this.#localDirty = false;
    if (local !== localBefore) {
      if (localBefore) changedIds.add(localBefore.identity);
      if (local) changedIds.add(local.identity);
    }

    let activeSpeakers = prev.activeSpeakers;
    if (all || this.#speakersDirty) {
      const ids = room.activeSpeakers.map((p) => p.identity);
      if (!shallowEqual(ids, activeSpeakers)) activeSpeakers = Object.freeze(ids);
    }

    this.#all = false;
    this.#speakersDirty = false;
    dirty.clear();

    let parts: Pick<RoomSnapshot, Exclude<Key, 'activeSpeakers' | 'speakerRecency'>> = prev;
    if (remotes !== prev.remotes || local !== localBefore) {
      const map = new ParticipantMap(
        local,
        remotes,
        order,
        this.#order.seqs,
        all ? undefined : { map: prevMap, changed: changedIds },
      );
      let numPublishers = prev.numPublishers;
      if (all) {
        numPublishers = 0;
        for (const p of map.values()) if (hasPublished(p)) numPublishers += 1;
      } else {
        for (const identity of changedIds) {
          const before = identity === localBefore?.identity ? localBefore : prevMap.get(identity);
          const after = map.get(identity);
          numPublishers +=
            (after && hasPublished(after) ? 1 : 0) - (before && hasPublished(before) ? 1 : 0);
        }
      }
      parts = {
        local,
        remotes,
        participants: map,
        numParticipants: map.size,
        numPublishers,
      };
    }
    const changed = parts !== prev;
    const speakersChanged = activeSpeakers !== prev.activeSpeakers;
    const speakerRecency =
      speakersChanged || changed
        ? this.#recency(
            prev.speakerRecency,
            speakersChanged ? activeSpeakers : [],
            parts.participants,
          )
        : prev.speakerRecency;
    return {
      local: parts.local,
      remotes: parts.remotes,
      participants: parts.participants,
      numParticipants: parts.numParticipants,
      numPublishers: parts.numPublishers,
      activeSpeakers,
      speakerRecency,
    };
  }

  /**
   * Speaker recency after a change of speakers (loudest first: the loudest gets the latest number)
   * or of who is present (those who left are forgotten). The same map when neither changed it.
   */
  #recency(
    before: ReadonlyMap<string, number>,
    speakers: readonly string[],
    present: ReadonlyMap<string, ParticipantState>,
  ): ReadonlyMap<string, number> {
    let map: Map<string, number> | undefined;
    if (speakers.length > 0) {
      map = new Map(before);
      for (let i = speakers.length - 1; i >= 0; i--) map.set(speakers[i]!, ++this.#sequence);
    }
    for (const identity of (map ?? before).keys()) {
      if (present.has(identity)) continue;
      map ??= new Map(before);
      map.delete(identity);
    }
    if (!map) return before;
    return map.size === 0 ? EMPTY_RECENCY : map;
  }

  /** The local sources held through a reconnect or rejoin, or undefined when none are. */
  heldSources(): readonly TrackSourceName[] | undefined {
    return this.#hold.sources();
  }

  /**
   * Stop holding the local sources (the session has published after a rejoin); those not
   * published again are reported as `republish-failed`.
   */
  releaseHeld(): void {
    this.#awaitRelease = false;
    if (this.#hold.size === 0) return;
    this.#settle();
  }

  /** The session is rejoining: the held sources wait for it to publish them (`releaseHeld`). */
  expectRejoin(): void {
    this.#awaitRelease = true;
  }

  /** Let go of the sources that failed to be published again (the notice was dismissed). */
  dropFailed(): void {
    this.#hold.drop();
  }

  destroy(): void {
    this.#grace.clear();
  }

  /** The verdict on the held sources: those not published again are reported. */
  #settle(): void {
    this.#hold.settle(this.#host.room.localParticipant);
    this.#reportFailed();
    this.#localDirty = true;
    this.#host.invalidate(this);
  }

  /** Say which sources could not be published again (and nothing once none is left). */
  #reportFailed(): void {
    const sources = this.#hold.failed();
    this.#host.clearError('republish-failed');
    if (sources.length === 0) return;
    this.#host.reportError({ code: 'republish-failed', sources, fatal: false });
  }

  /**
   * The hold follows the phase: taken when a connection is lost (what the last snapshot showed
   * on), released when livekit-client is connected again after reconnecting (it has republished by
   * then), dropped when the user left.
   */
  #followPhase(phase: ConnectionPhase, reason: string | undefined, prev: RoomSnapshot): void {
    const before = this.#phase;
    this.#phase = phase;
    if (before === phase) return;
    if (phase === 'idle' || (phase === 'disconnected' && reason === 'client-initiated')) {
      this.#awaitRelease = false;
      this.#hold.clear();
    } else if (before === 'connected' && (phase === 'reconnecting' || phase === 'disconnected')) {
      this.#hold.capture(prev.local);
    } else if (
      before === 'reconnecting' &&
      phase === 'connected' &&
      this.#hold.size > 0 &&
      !this.#awaitRelease
    ) {
      // livekit-client publishes again before saying it reconnected, but a track that fails
      // does not wait for the others: the verdict waits until all are done.
      const settling = ++this.#settling;
      void republishSettled(this.#host.room.localParticipant).then(() => {
        if (settling === this.#settling && this.#phase === 'connected' && !this.#host.destroyed) {
          this.#settle();
        }
      });
    }
    if (phase !== 'connected') this.#settling += 1;
    // Out of the room, nobody is shown (and nobody is told gone: the room is).
    if (phase === 'idle' || phase === 'disconnected') {
      this.#grace.clear();
      this.#all = true;
    }
    this.#localDirty = true;
  }

  /**
   * Those who went in this burst: kept for the grace period when they vanished without leaving
   * (a reason that is nobody's decision, or none while the local connection is recovered), else
   * told gone now.
   */
  #settleDepartures(phase: ConnectionPhase, prev: RoomSnapshot): void {
    if (this.#departed.size === 0) return;
    const present = this.#host.room.remoteParticipants;
    for (const [identity, { p, reason }] of this.#departed) {
      if (present.has(identity)) continue;
      const last = prev.participants.get(identity);
      const graced =
        this.#grace.enabled &&
        !!last &&
        phase !== 'disconnected' &&
        phase !== 'idle' &&
        (reason === undefined ? phase === 'reconnecting' : GRACE_REASONS.has(reason));
      if (graced) this.#grace.keep(p, last);
      else {
        this.#grace.forget(identity);
        this.#host.emit({ type: 'participant-left', participant: p });
      }
    }
    this.#departed.clear();
  }

  /**
   * While reconnecting, remote participants gone without a word (the session let go of the
   * connection to make a new one, and livekit-client forgets everyone then) are kept as well.
   */
  #keepVanished(prev: RoomSnapshot): void {
    if (!this.#grace.enabled) return;
    const present = this.#host.room.remoteParticipants;
    for (const last of (prev.participants as ParticipantMap).remotes) {
      const identity = last.identity;
      if (present.has(identity) || this.#grace.has(identity)) continue;
      if (last && !last.isLocal) this.#grace.keep(last.participant as RemoteParticipant, last);
    }
  }

  #touch(participant: Participant | undefined): void {
    if (!participant) return;
    this.#dirty.add(participant.identity);
    this.#host.invalidate(this);
  }
}
