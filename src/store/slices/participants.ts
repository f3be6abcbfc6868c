import { RoomEvent, type Participant } from 'livekit-client';
import { shallowEqual } from '../equality.js';
import type { Slice, SliceHost } from '../slice.js';
import type { ParticipantState, RoomSnapshot } from '../types.js';
import { hasPublished, joinedAt, participantState, qualityName } from './participant-state.js';

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
    participants: new Map(),
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
  /** Remote identities in join order. */
  #order: string[] = [];
  /** Identities of the speakers as of the last speaker event. */
  #speakers: string[] = [];
  /** The last speaker-recency sequence number given out. */
  #sequence = 0;

  constructor(host: SliceHost) {
    this.#host = host;
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
      host.emit({ type: 'participant-joined', participant: p });
    });
    events.on(RoomEvent.ParticipantDisconnected, (p) => {
      this.#touch(p);
      this.#speakersDirty = true;
      host.emit({ type: 'participant-left', participant: p });
    });
    events.on(RoomEvent.ParticipantActive, (p) => this.#touch(p));

    events.on(RoomEvent.TrackPublished, (_pub, p) => this.#touch(p));
    events.on(RoomEvent.TrackUnpublished, (_pub, p) => this.#touch(p));
    events.on(RoomEvent.LocalTrackPublished, (_pub, p) => this.#touch(p));
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
    const all = this.#all;
    const dirty = this.#dirty;
    const phase = (next.connection ?? prev.connection).phase;

    const present = room.remoteParticipants;
    let orderChanged = false;
    if (all || dirty.size > 0) {
      const kept = this.#order.filter((id) => present.has(id));
      const known = new Set(kept);
      const added = [...present.values()]
        .filter((p) => !known.has(p.identity))
        .sort((a, b) => joinedAt(a) - joinedAt(b))
        .map((p) => p.identity);
      if (kept.length !== this.#order.length || added.length > 0) {
        this.#order = [...kept, ...added];
        orderChanged = true;
      }
    }

    let changed = orderChanged;
    const remotes: ParticipantState[] = [];
    for (const identity of this.#order) {
      const p = present.get(identity)!;
      const before = prev.participants.get(identity);
      const state =
        all || dirty.has(identity) || !before || before.participant !== p
          ? participantState(p, before)
          : before;
      if (state !== before) changed = true;
      remotes.push(state);
    }

    const localBefore = prev.local;
    const lp = room.localParticipant;
    let local: ParticipantState | undefined = localBefore;
    // Outside a room (before joining, after leaving) there is no local participant to show.
    if (phase === 'idle' || phase === 'disconnected') {
      local = undefined;
    } else if (all || dirty.has(lp.identity) || localBefore?.participant !== lp) {
      local = lp.identity ? participantState(lp, localBefore) : undefined;
    }
    if (local !== localBefore) changed = true;

    let activeSpeakers = prev.activeSpeakers;
    if (all || this.#speakersDirty) {
      const ids = room.activeSpeakers.map((p) => p.identity);
      if (!shallowEqual(ids, activeSpeakers)) activeSpeakers = Object.freeze(ids);
    }

    this.#all = false;
    this.#speakersDirty = false;
    dirty.clear();

    let parts: Pick<RoomSnapshot, Exclude<Key, 'activeSpeakers' | 'speakerRecency'>> = prev;
    if (changed) {
      const map = new Map<string, ParticipantState>();
      if (local) map.set(local.identity, local);
      for (const p of remotes) map.set(p.identity, p);
      let numPublishers = 0;
      for (const p of map.values()) if (hasPublished(p)) numPublishers += 1;
      parts = {
        local,
        remotes: Object.freeze(remotes),
        participants: map,
        numParticipants: map.size,
        numPublishers,
      };
    }
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

  #touch(participant: Participant | undefined): void {
    if (!participant) return;
    this.#dirty.add(participant.identity);
    this.#host.invalidate(this);
  }
}
