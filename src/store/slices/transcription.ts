import {
  ParticipantKind,
  RoomEvent,
  type Participant,
  type Room,
  type TextStreamReader,
} from 'livekit-client';
import { displayName, isVisiblyEmpty, sanitizeName } from '../../internal/text.js';
import type { Slice, SliceHost } from '../slice.js';
import type { RoomSnapshot, TranscriptionState, TranscriptSegment } from '../types.js';

/** The text-stream topic of LiveKit's transcriptions (LiveKit Agents, the Meet app). */
export const TRANSCRIPTION_TOPIC = 'lk.transcription';
/** The stream attributes LiveKit Agents set on a transcription. */
export const TRANSCRIPTION_ATTRIBUTES = Object.freeze({
  trackId: 'lk.transcribed_track_id',
  segmentId: 'lk.segment_id',
  final: 'lk.transcription_final',
});
/** The most segments a snapshot keeps (the oldest go first). */
export const TRANSCRIPT_LIMIT = 1000;
/** The most characters kept of one segment (the start of a longer one). */
export const TRANSCRIPT_SEGMENT_MAX = 4000;

const EMPTY: readonly TranscriptSegment[] = Object.freeze([]);
const INITIAL: TranscriptionState = Object.freeze({
  segments: EMPTY,
  available: false,
  since: undefined,
});

/** What the room's transcription handler tells each store: a stream's text so far. */
interface StreamUpdate {
  readonly streamId: string;
  readonly sender: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** Everything received so far (the stream's chunks are deltas). */
  readonly text: string;
  /** The stream ended normally (its attributes are then the trailer's too). */
  readonly done: boolean;
}

type Listener = (update: StreamUpdate) => void;

interface Hub {
  readonly listeners: Set<Listener>;
  readonly registered: boolean;
}

/**
 * A Room takes one text-stream handler per topic: the first store on a Room registers the
 * `lk.transcription` handler, which reads each stream once and tells every store on the Room; the
 * last store destroyed unregisters it (as for chat).
 */
const hubs = new WeakMap<Room, Hub>();

function joinTranscription(room: Room, listener: Listener): () => void {
  let hub = hubs.get(room);
  if (!hub) {
    let registered = true;
    const listeners = new Set<Listener>();
    try {
      room.registerTextStreamHandler(TRANSCRIPTION_TOPIC, (reader, { identity }) => {
        void readStream(reader, identity, (update) => {
          for (const fn of [...listeners]) fn(update);
        });
      });
    } catch (error) {
      registered = false;
      console.warn(`media-room-elements: no captions, "${TRANSCRIPTION_TOPIC}" is taken`, error);
    }
    hub = { listeners, registered };
    hubs.set(room, hub);
  }
  const joined = hub;
  joined.listeners.add(listener);
  return () => {
    joined.listeners.delete(listener);
    if (joined.listeners.size > 0 || hubs.get(room) !== joined) return;
    hubs.delete(room);
    if (joined.registered) room.unregisterTextStreamHandler(TRANSCRIPTION_TOPIC);
  };
}

async function readStream(reader: TextStreamReader, sender: string, tell: Listener) {
  const streamId = reader.info.id;
  let text = '';
  try {
    for await (const chunk of reader) {
      // Bounded: a stream longer than a segment may be is read to its end but not kept.
      if (text.length < TRANSCRIPT_SEGMENT_MAX) text += chunk;
      tell({ streamId, sender, attributes: { ...reader.info.attributes }, text, done: false });
    }
  } catch {
    // Ended abnormally (the sender left or cancelled): what arrived stays interim.
    return;
  }
  tell({ streamId, sender, attributes: { ...reader.info.attributes }, text, done: true });
}

/**
 * Captions and the transcript from `lk.transcription` text streams, as LiveKit Agents send them:
 * each stream carries (part of) one segment, named by `lk.segment_id` (the stream's id when absent);
 * `lk.transcription_final` says whether it is settled (absent: settled once the stream ends); `lk.transcribed_track_id` names the track whose speech it is. Text
 * arriving on a stream shows at once, as interim; a later stream with the same segment id replaces
 * an interim segment; a final one settles it (only a later final one replaces it then). Segments
 * keep the place where they began. At most `TRANSCRIPT_LIMIT` segments are kept.
 */
export class TranscriptionSlice implements Slice<'transcription'> {
  readonly keys: readonly 'transcription'[] = ['transcription'];
  readonly initial: Pick<RoomSnapshot, 'transcription'> = Object.freeze({ transcription: INITIAL });

  readonly #host: SliceHost;
  #state: TranscriptionState = INITIAL;
  /** Agent participants present (a transcription source may be about to speak). */
  readonly #agents = new Set<string>();
  readonly #leave: () => void;

  constructor(host: SliceHost) {
    this.#host = host;
    this.#leave = joinTranscription(host.room, (update) => this.receive(update));
    host.events.on(RoomEvent.Connected, () => this.#scanAgents());
    host.events.on(RoomEvent.ParticipantConnected, (p) => this.#agentChanged(p, true));
    host.events.on(RoomEvent.ParticipantDisconnected, (p) => this.#agentChanged(p, false));
    this.#scanAgents();
  }

  #scanAgents(): void {
    for (const p of this.#host.room.remoteParticipants.values()) this.#agentChanged(p, true);
  }

  #agentChanged(p: Participant, present: boolean): void {
    if (p.kind !== ParticipantKind.AGENT) return;
    if (present) this.#agents.add(p.identity);
    else this.#agents.delete(p.identity);
    this.#commit(this.#state.segments);
  }

  /** Whose speech a stream is: the owner of the transcribed track when known, else the sender. */
  #speakerOf(sender: string, trackSid: string | undefined): Participant | string {
    const room = this.#host.room;
    if (trackSid) {
      if (room.localParticipant.trackPublications.has(trackSid)) return room.localParticipant;
      for (const p of room.remoteParticipants.values()) {
        if (p.trackPublications.has(trackSid)) return p;
      }
    }
    if (sender === room.localParticipant.identity) return room.localParticipant;
    return room.getParticipantByIdentity(sender) ?? sender;
  }

  /** Record a stream's text so far (see the class). */
  receive(update: StreamUpdate): void {
    if (this.#host.destroyed) return;
    const a = update.attributes;
    const id = a[TRANSCRIPTION_ATTRIBUTES.segmentId] || update.streamId;
    // A stream that ends settles its segment unless it says it is interim (a sender that sets no
    // `lk.transcription_final` at all sends whole segments).
    const final = update.done && a[TRANSCRIPTION_ATTRIBUTES.final] !== 'false';
    const text = sanitizeName(update.text.slice(0, TRANSCRIPT_SEGMENT_MAX));
    const segments = this.#state.segments;
    const at = segments.findLastIndex((s) => s.id === id && s.sender === update.sender);
    const earlier = at >= 0 ? segments[at] : undefined;
    if (earlier?.final && !final) return;
    if (earlier && earlier.text === text && earlier.final === final) return;
    if (isVisiblyEmpty(text)) {
      // Nothing to show: a final one takes back what was shown interim.
      if (earlier && final) this.#commit(Object.freeze(segments.filter((_, i) => i !== at)));
      return;
    }
    const now = Date.now();
    const who = this.#speakerOf(update.sender, a[TRANSCRIPTION_ATTRIBUTES.trackId]);
    const speaker = typeof who === 'string' ? who : who.identity;
    const segment: TranscriptSegment = Object.freeze({
      id,
      sender: update.sender,
      speaker,
      speakerName: displayName(typeof who === 'string' ? undefined : who.name, speaker),
      isLocal: typeof who !== 'string' && who.isLocal,
      text,
      final,
      startedAt: earlier?.startedAt ?? now,
      endedAt: now,
    });
    let next: TranscriptSegment[];
    if (earlier) {
      next = [...segments];
      next[at] = segment;
    } else {
      next = [...segments, segment];
      if (next.length > TRANSCRIPT_LIMIT) next = next.slice(next.length - TRANSCRIPT_LIMIT);
    }
    this.#commit(Object.freeze(next), this.#state.since ?? now);
  }

  #commit(segments: readonly TranscriptSegment[], since = this.#state.since): void {
    const available = segments.length > 0 || since !== undefined || this.#agents.size > 0;
    const prev = this.#state;
    if (prev.segments === segments && prev.available === available && prev.since === since) return;
    this.#state = Object.freeze({ segments, available, since });
    this.#host.invalidate(this);
  }

  build(): Pick<RoomSnapshot, 'transcription'> {
    return { transcription: this.#state };
  }

  destroy(): void {
    this.#leave();
  }
}
