import {
  DataPacket,
  DataStream_Chunk,
  DataStream_Header,
  DataStream_TextHeader,
  DataStream_Trailer,
  Encryption_Type,
} from '@livekit/protocol';
import type { Room } from 'livekit-client';

/**
 * The SFU forwards a text stream from `identity` (header, one chunk, trailer) through the Room's
 * own data-packet handler, as a remote livekit-client's `sendText` produces it. Chat is the
 * `lk.chat` topic. Sending the same `id` again is an edit. Returns the stream id.
 */
export function receiveText(
  room: Room,
  identity: string,
  text: string,
  {
    topic = 'lk.chat',
    id = crypto.randomUUID() as string,
    timestamp = Date.now(),
  }: { topic?: string; id?: string; timestamp?: number } = {},
): string {
  const bytes = new TextEncoder().encode(text);
  const handle = (room as unknown as { handleDataPacket(p: DataPacket, e: Encryption_Type): void })
    .handleDataPacket;
  const send = (value: DataPacket['value']) =>
    handle(new DataPacket({ participantIdentity: identity, value }), Encryption_Type.NONE);
  send({
    case: 'streamHeader',
    value: new DataStream_Header({
      streamId: id,
      timestamp: BigInt(timestamp),
      topic,
      mimeType: 'text/plain',
      totalLength: BigInt(bytes.byteLength),
      contentHeader: { case: 'textHeader', value: new DataStream_TextHeader({}) },
    }),
  });
  send({
    case: 'streamChunk',
    value: new DataStream_Chunk({ streamId: id, chunkIndex: 0n, content: bytes }),
  });
  send({ case: 'streamTrailer', value: new DataStream_Trailer({ streamId: id }) });
  return id;
}
