import type { Participant, RemoteParticipant, TrackPublication } from 'livekit-client';
import type {
  ConnectionQualityName,
  Reaction,
  RoomError,
  TrackSourceName,
} from '../store/types.js';
import type { RoomStoreEvent } from '../store/room-store.js';

/**
 * The events of `<media-room>`: one class per event name, named after it (`participant-joined` →
 * `ParticipantJoinedEvent`). They tell what already happened in the room, so none is cancelable.
 * All bubble and cross shadow roots, except `error`, which, like an `<img>`'s, is fired on the
 * element only, so page-wide `error` handlers (test runners, error monitors) never take it for an
 * uncaught script error.
 *
 * The one exception to the naming is `error`: its class is `RoomErrorEvent`, not `ErrorEvent`,
 * which is the DOM's own class (and `GlobalEventHandlersEventMap` already maps `error` to it, a
 * type TypeScript does not let us redeclare). So that the map stays truthful, `RoomErrorEvent`
 * extends `ErrorEvent`; narrow with `event instanceof RoomErrorEvent` to read `code` and `fatal`.
 */
const init = { bubbles: true, composed: true } as const;

/** `connected`: the room is joined. */
export class ConnectedEvent extends Event {
  /** Always `connected`. */
  declare readonly type: 'connected';
  constructor() {
    super('connected', init);
  }
}

/**
 * `reconnecting`: the connection dropped and is being recovered; fired as the banner starts saying
 * "Reconnecting…" (livekit-client resuming the signal connection, or reconnecting fully).
 */
export class ReconnectingEvent extends Event {
  /** Always `reconnecting`. */
  declare readonly type: 'reconnecting';
  constructor() {
    super('reconnecting', init);
  }
}

/** `reconnected`: the connection is back; only ever after a `reconnecting`. */
export class ReconnectedEvent extends Event {
  /** Always `reconnected`. */
  declare readonly type: 'reconnected';
  constructor() {
    super('reconnected', init);
  }
}

/** `disconnected`: the room was left or lost; `reason` always says why. */
export class DisconnectedEvent extends Event {
  /** Always `disconnected`. */
  declare readonly type: 'disconnected';
  /**
   * Why, in kebab case: livekit-client's reason (`client-initiated`, `server-shutdown`,
   * `participant-removed`, `signal-close`, …), `reconnect-failed` when livekit-client gave up
   * reconnecting, or `unknown-reason` when nothing says. When a host ended the meeting for
   * everyone (`RoomSession.endForEveryone`), `host-ended` for the others and `ended-for-everyone`
   * for that host, instead of `room-deleted`; neither is rejoined by itself.
   */
  readonly reason: string;
  constructor(reason: string) {
    super('disconnected', init);
    this.reason = reason;
  }
}

/** `participant-joined`: a remote participant joined. */
export class ParticipantJoinedEvent extends Event {
  /** Always `participant-joined`. */
  declare readonly type: 'participant-joined';
  readonly participant: RemoteParticipant;
  constructor(participant: RemoteParticipant) {
    super('participant-joined', init);
    this.participant = participant;
  }
}

/** `participant-left`: a remote participant left. */
export class ParticipantLeftEvent extends Event {
  /** Always `participant-left`. */
  declare readonly type: 'participant-left';
  readonly participant: RemoteParticipant;
  constructor(participant: RemoteParticipant) {
    super('participant-left', init);
    this.participant = participant;
  }
}

/** `track-subscribed`: a remote track is being received. */
export class TrackSubscribedEvent extends Event {
  /** Always `track-subscribed`. */
  declare readonly type: 'track-subscribed';
  readonly publication: TrackPublication;
  readonly participant: Participant;
  constructor(publication: TrackPublication, participant: Participant) {
    super('track-subscribed', init);
    this.publication = publication;
    this.participant = participant;
  }
}

/** `track-unsubscribed`: a remote track is no longer received. */
export class TrackUnsubscribedEvent extends Event {
  /** Always `track-unsubscribed`. */
  declare readonly type: 'track-unsubscribed';
  readonly publication: TrackPublication;
  readonly participant: Participant;
  constructor(publication: TrackPublication, participant: Participant) {
    super('track-unsubscribed', init);
    this.publication = publication;
    this.participant = participant;
  }
}

/** `track-muted`: a track was muted. */
export class TrackMutedEvent extends Event {
  /** Always `track-muted`. */
  declare readonly type: 'track-muted';
  readonly publication: TrackPublication;
  readonly participant: Participant;
  constructor(publication: TrackPublication, participant: Participant) {
    super('track-muted', init);
    this.publication = publication;
    this.participant = participant;
  }
}

/** `track-unmuted`: a track was unmuted. */
export class TrackUnmutedEvent extends Event {
  /** Always `track-unmuted`. */
  declare readonly type: 'track-unmuted';
  readonly publication: TrackPublication;
  readonly participant: Participant;
  constructor(publication: TrackPublication, participant: Participant) {
    super('track-unmuted', init);
    this.publication = publication;
    this.participant = participant;
  }
}

/** `active-speakers-changed`: who is speaking changed. */
export class ActiveSpeakersChangedEvent extends Event {
  /** Always `active-speakers-changed`. */
  declare readonly type: 'active-speakers-changed';
  /** Identities of the speakers, loudest first. */
  readonly speakers: readonly string[];
  constructor(speakers: readonly string[]) {
    super('active-speakers-changed', init);
    this.speakers = speakers;
  }
}

/** `data-received`: a data message arrived. */
export class DataReceivedEvent extends Event {
  /** Always `data-received`. */
  declare readonly type: 'data-received';
  readonly payload: Uint8Array;
  readonly participant: RemoteParticipant | undefined;
  readonly topic: string | undefined;
  constructor(
    payload: Uint8Array,
    participant: RemoteParticipant | undefined,
    topic: string | undefined,
  ) {
    super('data-received', init);
    this.payload = payload;
    this.participant = participant;
    this.topic = topic;
  }
}

/** `recording-status-changed`: recording started or stopped. */
export class RecordingStatusChangedEvent extends Event {
  /** Always `recording-status-changed`. */
  declare readonly type: 'recording-status-changed';
  readonly recording: boolean;
  constructor(recording: boolean) {
    super('recording-status-changed', init);
    this.recording = recording;
  }
}

/** `room-metadata-changed`: the room's metadata changed. */
export class RoomMetadataChangedEvent extends Event {
  /** Always `room-metadata-changed`. */
  declare readonly type: 'room-metadata-changed';
  /** The room's new metadata (the store's `room.metadata`). */
  readonly metadata: string;
  constructor(metadata: string) {
    super('room-metadata-changed', init);
    this.metadata = metadata;
  }
}

/** `reaction`: someone (you too) sent an emoji reaction. */
export class ReactionEvent extends Event {
  /** Always `reaction`. */
  declare readonly type: 'reaction';
  /** Who reacted with what (yours too). */
  readonly reaction: Reaction;
  constructor(reaction: Reaction) {
    super('reaction', init);
    this.reaction = reaction;
  }
}

/** `attributes-changed`: a participant's attributes changed (local ones too). */
export class AttributesChangedEvent extends Event {
  /** Always `attributes-changed`. */
  declare readonly type: 'attributes-changed';
  /** The keys that changed and their new values (an empty string: deleted). */
  readonly changed: Readonly<Record<string, string>>;
  readonly participant: Participant;
  constructor(changed: Readonly<Record<string, string>>, participant: Participant) {
    super('attributes-changed', init);
    this.changed = changed;
    this.participant = participant;
  }
}

/** `media-devices-changed`: a camera, microphone or speaker came or went. */
export class MediaDevicesChangedEvent extends Event {
  /** Always `media-devices-changed`. */
  declare readonly type: 'media-devices-changed';
  constructor() {
    super('media-devices-changed', init);
  }
}

/** `connection-quality-changed`: a participant's connection quality changed. */
export class ConnectionQualityChangedEvent extends Event {
  /** Always `connection-quality-changed`. */
  declare readonly type: 'connection-quality-changed';
  readonly quality: ConnectionQualityName;
  readonly participant: Participant;
  constructor(quality: ConnectionQualityName, participant: Participant) {
    super('connection-quality-changed', init);
    this.quality = quality;
    this.participant = participant;
  }
}

/**
 * The DOM's `ErrorEvent` where there is one; under plain Node (server-side rendering imports this
 * module but never fires the event) there is none, and `Event` stands in so importing works.
 */
const ErrorEventBase: typeof ErrorEvent =
  (globalThis as { ErrorEvent?: typeof ErrorEvent }).ErrorEvent ??
  (Event as unknown as typeof ErrorEvent);

/**
 * `error`: joining failed or a device could not be used. Named `RoomErrorEvent`, not after its
 * event, because `ErrorEvent` is the DOM's; it extends that class, the type
 * `GlobalEventHandlersEventMap` gives `error` (see the top of this file). `message` is the
 * `detail`, or the `code` when there is none. Does not bubble.
 */
export class RoomErrorEvent extends ErrorEventBase {
  /** Always `error`. */
  declare readonly type: 'error';
  /** Stable code (`token-unauthorized`, `server-unreachable`, `camera-denied`, …). */
  readonly code: string;
  /** Extra, untranslated detail (a server's message, an HTTP status). */
  readonly detail: string | undefined;
  /** Whether the room is unusable until the user retries. */
  readonly fatal: boolean;
  /** For `republish-failed`: the sources that could not be published again after a reconnect. */
  readonly sources: readonly TrackSourceName[] | undefined;
  constructor(error: RoomError) {
    super('error', { message: error.detail ?? error.code });
    this.code = error.code;
    this.detail = error.detail;
    this.fatal = error.fatal;
    this.sources = error.sources;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    connected: ConnectedEvent;
    reconnecting: ReconnectingEvent;
    reconnected: ReconnectedEvent;
    disconnected: DisconnectedEvent;
    'participant-joined': ParticipantJoinedEvent;
    'participant-left': ParticipantLeftEvent;
    'track-subscribed': TrackSubscribedEvent;
    'track-unsubscribed': TrackUnsubscribedEvent;
    'track-muted': TrackMutedEvent;
    'track-unmuted': TrackUnmutedEvent;
    'active-speakers-changed': ActiveSpeakersChangedEvent;
    'data-received': DataReceivedEvent;
    'recording-status-changed': RecordingStatusChangedEvent;
    'room-metadata-changed': RoomMetadataChangedEvent;
    reaction: ReactionEvent;
    'media-devices-changed': MediaDevicesChangedEvent;
    'attributes-changed': AttributesChangedEvent;
    'connection-quality-changed': ConnectionQualityChangedEvent;
    // `error` is already `ErrorEvent` in lib.dom's map and cannot be redeclared; `RoomErrorEvent`
    // extends `ErrorEvent`, so the map's type holds (narrow with `instanceof RoomErrorEvent`).
  }
}

/** The DOM event `<media-room>` fires for a room event the store saw. */
export function toDomEvent(event: RoomStoreEvent): Event {
  switch (event.type) {
    case 'connected':
      return new ConnectedEvent();
    case 'reconnecting':
      return new ReconnectingEvent();
    case 'reconnected':
      return new ReconnectedEvent();
    case 'disconnected':
      return new DisconnectedEvent(event.reason);
    case 'participant-joined':
      return new ParticipantJoinedEvent(event.participant);
    case 'participant-left':
      return new ParticipantLeftEvent(event.participant);
    case 'track-subscribed':
      return new TrackSubscribedEvent(event.publication, event.participant);
    case 'track-unsubscribed':
      return new TrackUnsubscribedEvent(event.publication, event.participant);
    case 'track-muted':
      return new TrackMutedEvent(event.publication, event.participant);
    case 'track-unmuted':
      return new TrackUnmutedEvent(event.publication, event.participant);
    case 'active-speakers-changed':
      return new ActiveSpeakersChangedEvent(event.speakers);
    case 'data-received':
      return new DataReceivedEvent(event.payload, event.participant, event.topic);
    case 'recording-status-changed':
      return new RecordingStatusChangedEvent(event.recording);
    case 'media-devices-changed':
      return new MediaDevicesChangedEvent();
    case 'attributes-changed':
      return new AttributesChangedEvent(event.changed, event.participant);
    case 'connection-quality-changed':
      return new ConnectionQualityChangedEvent(event.quality, event.participant);
    case 'reaction':
      return new ReactionEvent(event.reaction);
    case 'room-metadata-changed':
      return new RoomMetadataChangedEvent(event.metadata);
    case 'error':
      return new RoomErrorEvent(event.error);
  }
}
