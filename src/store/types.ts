import type { Participant, Track, TrackPublication } from 'livekit-client';
import type { HostRequest } from './host-layout.js';

/** The track sources the UI knows about, as livekit-client names them. */
export type TrackSourceName = 'camera' | 'microphone' | 'screen_share' | 'screen_share_audio';

export const TRACK_SOURCES: readonly TrackSourceName[] = [
  'camera',
  'microphone',
  'screen_share',
  'screen_share_audio',
];

/** One published track of a participant, as the UI sees it. */
export interface TrackState {
  readonly sid: string;
  readonly source: TrackSourceName;
  readonly kind: 'audio' | 'video';
  readonly muted: boolean;
  /** Local tracks are always subscribed; remote ones once the SFU forwards them. */
  readonly subscribed: boolean;
  /** Whether a remote video is currently being received (adaptive stream may pause it). */
  readonly streamActive: boolean;
  /** The live publication, for attaching media. Compared by identity. */
  readonly publication: TrackPublication;
  /**
   * A local source that was on when the connection was lost and is being published again (a
   * reconnect or a rejoin): show it as on, pending. `publication` is the one from before.
   */
  readonly republishing?: boolean;
  /**
   * While `republishing`, the media track from before, to keep showing (absent when it was
   * stopped); otherwise absent: attach `publication.track`.
   */
  readonly track?: Track;
}

export type ConnectionQualityName = 'excellent' | 'good' | 'poor' | 'lost' | 'unknown';

export interface PermissionState {
  readonly canPublish: boolean;
  readonly canSubscribe: boolean;
  readonly canPublishData: boolean;
  readonly canUpdateMetadata: boolean;
  /** Empty means every source is allowed. */
  readonly canPublishSources: readonly TrackSourceName[];
  readonly hidden: boolean;
}

/** One participant (local or remote). Unchanged participants keep their object identity. */
export interface ParticipantState {
  readonly identity: string;
  readonly sid: string;
  /**
   * The name exactly as the participant (or the server) set it: for apps, never to be shown as
   * is. It may hold bidi controls that disguise it, control and invisible characters, or be blank.
   */
  readonly name: string;
  /**
   * The name to show: `name` without bidi controls, control characters or piles of combining
   * marks, trimmed; the identity (made fit to show the same way) when the name shows nothing.
   * Every element shows this one. Show it as text, inside a direction-isolating element.
   */
  readonly displayName: string;
  readonly metadata: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly permissions: PermissionState | undefined;
  readonly isLocal: boolean;
  readonly isSpeaking: boolean;
  readonly connectionQuality: ConnectionQualityName;
  /** Milliseconds since the epoch, from the SFU; 0 when unknown. */
  readonly joinedAt: number;
  /**
   * When this store first saw the hand (`mr.hand`) raised, in milliseconds since the epoch on this
   * side's clock (a hand already up in the first snapshot counts as seen then); 0 while it is
   * down. Orders the hands of participants that may write their own attributes
   * (`selectRaisedHands`).
   */
  readonly handRaisedAt: number;
  readonly tracks: Readonly<Partial<Record<TrackSourceName, TrackState>>>;
  /**
   * A remote participant who vanished without leaving (a server-side move, a lost connection on
   * either side) and is kept, without tracks, for a grace period (`PARTICIPANT_GRACE_MS`) until
   * they come back; `participant-left` fires only if they do not.
   */
  readonly reconnecting: boolean;
  /** The live livekit-client participant, for actions. Compared by identity. */
  readonly participant: Participant;
}

/**
 * Where the element is on its way into a room. `idle` before the first connect; `connecting`
 * covers fetching the token as well as the signal and media handshake.
 */
export type ConnectionPhase = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface DeviceState {
  readonly deviceId: string;
  readonly label: string;
  readonly groupId: string;
}

export type DeviceKind = 'audioinput' | 'videoinput' | 'audiooutput';

/** A problem the user should read about. `code` is stable and maps to a localized message. */
export interface RoomError {
  readonly code: string;
  /** Extra, untranslated detail (a server's message, an HTTP status); shown as text only. */
  readonly detail?: string;
  /** Whether the room is unusable until the user retries. */
  readonly fatal: boolean;
  /** For `republish-failed`: the sources that could not be published again. */
  readonly sources?: readonly TrackSourceName[];
}

/**
 * One chat message (LiveKit's `lk.chat` text-stream topic, as LiveKit's own clients use it).
 * `text` is made fit to show when the message is recorded (no bidi controls, control characters
 * but line breaks and tabs, or piles of combining marks; each link written as its real,
 * percent-encoded address); a message that shows nothing is not recorded. Show it as text only,
 * never as HTML, inside a direction-isolating element.
 */
export interface ChatMessage {
  /** The message id (its text stream's, or a legacy chat packet's); an edit from the same sender reuses it. */
  readonly id: string;
  /** The sender's identity. */
  readonly from: string;
  /**
   * The sender's display name when the message arrived (see `ParticipantState.displayName`: their
   * identity when their name shows nothing).
   */
  readonly fromName: string;
  readonly text: string;
  /** Milliseconds since the epoch, from the sender's clock. */
  readonly timestamp: number;
  /** Sent by the local participant. */
  readonly isLocal: boolean;
  /**
   * Only on your own messages not (yet) sent: `pending` while the connection is lost (it goes out
   * once back in the call), `failed` when it could not be sent (the session's `retryChat(id)`
   * tries again). Absent once sent, and on received messages.
   */
  readonly delivery?: 'pending' | 'failed';
}

/** An emoji reaction, shown for a few seconds over the sender's tile. */
export interface Reaction {
  /** Unique within the session (sender and a counter). */
  readonly id: string;
  /** The sender's identity. */
  readonly from: string;
  /** One of `REACTIONS`; anything else received is dropped. */
  readonly emoji: string;
  /** Milliseconds since the epoch, on this side's clock (when it arrived or was sent). */
  readonly at: number;
  readonly isLocal: boolean;
}

/** How incoming audio plays here (local only: nobody else hears of it). */
export interface LocalAudioState {
  /** Every remote track plays at volume 0; subscriptions stay. */
  readonly deafened: boolean;
  /** Volume per identity, 0 to 1; anyone not listed plays at 1. */
  readonly volumes: Readonly<Record<string, number>>;
}

/** What a moderator may ask the server helper to do to another participant. */
export type ModerationAction =
  | 'mute'
  | 'remove'
  | 'promote'
  | 'lower-hand'
  // waiting room: let a waiting participant in, or turn them away
  | 'admit'
  | 'deny';

export interface ModerationRequest {
  readonly action: ModerationAction;
  readonly identity: string;
  /** For `mute`: the track; without it, the participant's microphone. */
  readonly trackSid?: string;
}

/**
 * Carries out a moderation request, or a host's request on the whole room (`HostRequest`), e.g. a
 * POST to the server helper's endpoint; rejects on failure.
 */
export type Moderator = (request: ModerationRequest | HostRequest) => Promise<void>;

/**
 * Raises or lowers the local participant's hand through the server (e.g. a POST to the server
 * helper's hand endpoint, which stamps the server's time); rejects on failure.
 */
export type HandRaiser = (raised: boolean) => Promise<void>;

export interface RoomSnapshot {
  readonly connection: {
    readonly phase: ConnectionPhase;
    /**
     * On `disconnected`, why, in kebab case (`client-initiated`, `server-shutdown`, …;
     * `reconnect-failed` when livekit-client gave up reconnecting, `unknown-reason` when nothing
     * says; `host-ended` when a host ended the meeting for everyone, `ended-for-everyone` for the
     * host who did, instead of `room-deleted`).
     */
    readonly reason?: string;
  };
  readonly room: {
    readonly name: string;
    readonly sid: string;
    readonly metadata: string;
    readonly isRecording: boolean;
  };
  readonly local: ParticipantState | undefined;
  /** Remote participants in the order they joined. */
  readonly remotes: readonly ParticipantState[];
  /** Every participant (local included) by identity. */
  readonly participants: ReadonlyMap<string, ParticipantState>;
  /** Identities of the current speakers, loudest first. */
  readonly activeSpeakers: readonly string[];
  /**
   * How recently each participant present spoke: a number that grows with every change of
   * `activeSpeakers` (each speaker of the new list gets a new one, the loudest the highest), so a
   * higher number spoke more recently. Absent for anyone who has not spoken since this store
   * started (or since they joined). A new map only when speakers or participants change; the
   * participants' own states do not carry it, so a speaker change re-renders only the tiles whose
   * `isSpeaking` changed.
   */
  readonly speakerRecency: ReadonlyMap<string, number>;
  readonly numParticipants: number;
  readonly numPublishers: number;
  readonly devices: Readonly<Record<DeviceKind, readonly DeviceState[]>>;
  readonly activeDevices: Readonly<Partial<Record<DeviceKind, string>>>;
  readonly canPlaybackAudio: boolean;
  readonly error: RoomError | undefined;
  /**
   * Chat messages in the order they arrived (sent ones included), at most the last 500. Kept for
   * the whole life of the store: a disconnect does not clear them.
   */
  readonly chat: readonly ChatMessage[];
  /** Reactions of the last few seconds (`REACTION_MS`), oldest first. */
  readonly reactions: readonly Reaction[];
  readonly audio: LocalAudioState;
  /** The session has a moderator (`RoomSession.setModerator`); the grant decides who may use it. */
  readonly moderation: boolean;
  /**
   * The session raises hands through the server (`RoomSession.setHandRaiser`, the server helper's
   * hand endpoint by default) rather than by writing the local participant's attributes.
   */
  readonly handServer: boolean;
  /** Live captions and the transcript (LiveKit's `lk.transcription` text streams). */
  readonly transcription: TranscriptionState;
  /** End-to-end encryption: yours, whose media arrives encrypted, whose cannot be decrypted here. */
  readonly encryption: EncryptionState;
}

/** End-to-end encryption as this page sees it (`RoomSnapshot.encryption`). */
export interface EncryptionState {
  /** Your own media (and data, with livekit-client's `encryption` option) is sent encrypted. */
  readonly enabled: boolean;
  /** This page holds a key: its Room was made with end-to-end encryption. */
  readonly hasKey: boolean;
  /** Remote participants whose media arrives encrypted, by identity. */
  readonly encrypted: readonly string[];
  /** Remote participants whose media failed to decrypt here (another key), by identity. */
  readonly undecryptable: readonly string[];
}

// Captions and transcript (LiveKit's `lk.transcription` text streams)

/**
 * One transcribed segment of speech. An interim segment is replaced by later text with the same
 * segment id until a final one settles it. `text` is made fit to show (no bidi or control
 * characters); show it as text only, inside a direction-isolating element (`dir="auto"`).
 */
export interface TranscriptSegment {
  /** `lk.segment_id` (the stream's id when the sender gave none). */
  readonly id: string;
  /** Who sent the stream (an agent transcribing someone, or the speaker). */
  readonly sender: string;
  /**
   * Whose speech it is: the owner of the transcribed track (`lk.transcribed_track_id`) when this
   * side knows it, else the sender.
   */
  readonly speaker: string;
  /** The speaker's display name when the segment arrived (see `ParticipantState.displayName`). */
  readonly speakerName: string;
  /** The speaker is the local participant. */
  readonly isLocal: boolean;
  readonly text: string;
  /** Settled: no later interim text replaces it. */
  readonly final: boolean;
  /** When this side first received it, in milliseconds since the epoch (this side's clock). */
  readonly startedAt: number;
  /** When its text last changed (or it settled), in milliseconds since the epoch. */
  readonly endedAt: number;
}

export interface TranscriptionState {
  /** Segments in the order they began, at most the last `TRANSCRIPT_LIMIT`. */
  readonly segments: readonly TranscriptSegment[];
  /**
   * The room has a transcription source: a segment arrived, or an agent participant
   * (`ParticipantKind.AGENT`) is in the room.
   */
  readonly available: boolean;
  /** When the first segment of the session arrived (ms since the epoch); undefined before. */
  readonly since: number | undefined;
}
