import {
  DataPacket,
  DataStream_Chunk,
  DataStream_Header,
  DataStream_TextHeader,
  DataStream_Trailer,
  Encryption_Type,
  ParticipantInfo,
  ParticipantInfo_Kind,
  ParticipantInfo_State,
} from '@livekit/protocol';
import type { Room } from 'livekit-client';

export interface SegmentOptions {
  /** `lk.segment_id` (none: the attribute is left out). */
  segment?: string;
  /** `lk.transcription_final` of the header: 'true' or 'false' (none: left out). */
  final?: boolean;
  /** `lk.transcribed_track_id`. */
  track?: string;
  /** Attributes the trailer adds (an agent's delta stream settles its segment there). */
  trailer?: Record<string, string>;
}

function attributesOf(o: SegmentOptions): Record<string, string> {
  const a: Record<string, string> = {};
  if (o.segment !== undefined) a['lk.segment_id'] = o.segment;
  if (o.final !== undefined) a['lk.transcription_final'] = String(o.final);
  if (o.track !== undefined) a['lk.transcribed_track_id'] = o.track;
  return a;
}

/**
 * The SFU forwards an `lk.transcription` text stream from `identity` through the Room's own
 * data-packet handler, as a remote LiveKit agent produces it: the header (with the transcription
 * attributes), then each `push` is a chunk (a delta), and `end` the trailer.
 */
export function openTranscription(room: Room, identity: string, options: SegmentOptions = {}) {
  const id = crypto.randomUUID() as string;
  const handle = (room as unknown as { handleDataPacket(p: DataPacket, e: Encryption_Type): void })
    .handleDataPacket;
  const send = (value: DataPacket['value']) =>
    handle(new DataPacket({ participantIdentity: identity, value }), Encryption_Type.NONE);
  send({
    case: 'streamHeader',
    value: new DataStream_Header({
      streamId: id,
      timestamp: BigInt(Date.now()),
      topic: 'lk.transcription',
      mimeType: 'text/plain',
      attributes: attributesOf(options),
      contentHeader: { case: 'textHeader', value: new DataStream_TextHeader({}) },
    }),
  });
  let index = 0n;
  return {
    push(text: string) {
      const content = new TextEncoder().encode(text);
      send({
        case: 'streamChunk',
        value: new DataStream_Chunk({ streamId: id, chunkIndex: index++, content }),
      });
    },
    end() {
      send({
        case: 'streamTrailer',
        value: new DataStream_Trailer({ streamId: id, attributes: options.trailer ?? {} }),
      });
    },
  };
}

/** A whole `lk.transcription` stream (as `sendText` sends one): header, one chunk, trailer. */
export function receiveTranscription(
  room: Room,
  identity: string,
  text: string,
  options: SegmentOptions = {},
): void {
  const stream = openTranscription(room, identity, options);
  stream.push(text);
  stream.end();
}

/** The SFU says an agent participant (`ParticipantKind.AGENT`) joined. */
export function joinAgent(room: Room, identity: string): void {
  (
    room as unknown as { handleParticipantUpdates(i: ParticipantInfo[]): void }
  ).handleParticipantUpdates([
    new ParticipantInfo({
      sid: `PA_agent_${identity}`,
      identity,
      name: identity,
      kind: ParticipantInfo_Kind.AGENT,
      state: ParticipantInfo_State.ACTIVE,
      joinedAt: BigInt(Math.floor(Date.now() / 1000)),
      version: 1,
    }),
  ]);
}
