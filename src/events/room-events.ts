import type { Participant, RemoteParticipant, TrackPublication } from 'livekit-client';
import type { ConnectionQualityName, Reaction, RoomError } from '../store/types.js';
import type { RoomStoreEvent } from '../store/room-store.js';

/**
 * The events of `<media-room>`: one class each. All bubble and cross shadow roots, except `error`,
 * which, like an `<img>`'s, is fired on the element only, so page-wide `error` handlers (test
 * runners, error monitors) never take it for an uncaught script error.
 */
const init = { bubbles: true, composed: true } as const;

export class RoomConnectedEvent extends Event {
  constructor() {
    super('connected', init);
  }
}

export class RoomReconnectingEvent extends Event {
  constructor() {
    super('reconnecting', init);
  }
}

export class RoomReconnectedEvent extends Event {
  constructor() {
    super('reconnected', init);
  }
}

export class RoomDisconnectedEvent extends Event {
  /** Why, in kebab case (`client-initiated`, `server-shutdown`, `participant-removed`, …). */
  readonly reason: string | undefined;
  constructor(reason: string | undefined) {
    super('disconnected', init);
    this.reason = reason;
  }
}

export class ParticipantJoinedEvent extends Event {
  readonly participant: RemoteParticipant;
  constructor(participant: RemoteParticipant) {
    super('participant-joined', init);
    this.participant = participant;
  }
}

export class ParticipantLeftEvent extends Event {
  readonly participant: RemoteParticipant;
  constructor(participant: RemoteParticipant) {
    super('participant-left', init);
    this.participant = participant;
  }
}

/** Base of the four track events: which track, whose. */
export class TrackEvent extends Event {
  readonly publication: TrackPublication;
  readonly participant: Participant;
  constructor(
    type: 'track-subscribed' | 'track-unsubscribed' | 'track-muted' | 'track-unmuted',
    publication: TrackPublication,
    participant: Participant,
  ) {
    super(type, init);
    this.publication = publication;
    this.participant = participant;
  }
}

export class ActiveSpeakersChangedEvent extends Event {
  /** Identities of the speakers, loudest first. */
  readonly speakers: readonly string[];
  constructor(speakers: readonly string[]) {
    super('active-speakers-changed', init);
    this.speakers = speakers;
  }
}

export class DataReceivedEvent extends Event {
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

export class RecordingStatusChangedEvent extends Event {
  readonly recording: boolean;
  constructor(recording: boolean) {
    super('recording-status-changed', init);
    this.recording = recording;
  }
}

export class RoomMetadataChangedEvent extends Event {
  /** The room's new metadata (the store's `room.metadata`). */
  readonly metadata: string;
  constructor(metadata: string) {
    super('room-metadata-changed', init);
    this.metadata = metadata;
  }
}

export class ReactionEvent extends Event {
  /** Who reacted with what (yours too). */
  readonly reaction: Reaction;
  constructor(reaction: Reaction) {
    super('reaction', init);
    this.reaction = reaction;
  }
}

export class AttributesChangedEvent extends Event {
  /** The keys that changed and their new values (an empty string: deleted). */
  readonly changed: Readonly<Record<string, string>>;
  readonly participant: Participant;
  constructor(changed: Readonly<Record<string, string>>, participant: Participant) {
    super('attributes-changed', init);
    this.changed = changed;
    this.participant = participant;
  }
}

export class MediaDevicesChangedEvent extends Event {
  constructor() {
    super('media-devices-changed', init);
  }
}

export class ConnectionQualityChangedEvent extends Event {
  readonly quality: ConnectionQualityName;
  readonly participant: Participant;
  constructor(quality: ConnectionQualityName, participant: Participant) {
    super('connection-quality-changed', init);
    this.quality = quality;
    this.participant = participant;
  }
}

export class RoomErrorEvent extends Event {
  /** Stable code (`token-unauthorized`, `server-unreachable`, `camera-denied`, …). */
  readonly code: string;
  readonly detail: string | undefined;
  readonly fatal: boolean;
  constructor(error: RoomError) {
    super('error');
    this.code = error.code;
    this.detail = error.detail;
    this.fatal = error.fatal;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    connected: RoomConnectedEvent;
    reconnecting: RoomReconnectingEvent;
    reconnected: RoomReconnectedEvent;
    disconnected: RoomDisconnectedEvent;
    'participant-joined': ParticipantJoinedEvent;
    'participant-left': ParticipantLeftEvent;
    'track-subscribed': TrackEvent;
    'track-unsubscribed': TrackEvent;
    'track-muted': TrackEvent;
    'track-unmuted': TrackEvent;
    'active-speakers-changed': ActiveSpeakersChangedEvent;
    'data-received': DataReceivedEvent;
    'recording-status-changed': RecordingStatusChangedEvent;
    'media-devices-changed': MediaDevicesChangedEvent;
    'attributes-changed': AttributesChangedEvent;
    'connection-quality-changed': ConnectionQualityChangedEvent;
  }
}

/** The DOM event `<media-room>` fires for a room event the store saw. */
export function toDomEvent(event: RoomStoreEvent): Event {
  switch (event.type) {
    case 'connected':
      return new RoomConnectedEvent();
    case 'reconnecting':
      return new RoomReconnectingEvent();
    case 'reconnected':
      return new RoomReconnectedEvent();
    case 'disconnected':
      return new RoomDisconnectedEvent(event.reason);
    case 'participant-joined':
      return new ParticipantJoinedEvent(event.participant);
    case 'participant-left':
      return new ParticipantLeftEvent(event.participant);
    case 'track-subscribed':
    case 'track-unsubscribed':
    case 'track-muted':
    case 'track-unmuted':
      return new TrackEvent(event.type, event.publication, event.participant);
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
