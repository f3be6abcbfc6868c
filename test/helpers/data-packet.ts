import { DataPacket, DataPacket_Kind, Encryption_Type, UserPacket } from '@livekit/protocol';
import type { Room } from 'livekit-client';

/**
 * The SFU forwards a data message (`publishData`) from `identity` on `topic` through the Room's own
 * data-packet handler, as a remote livekit-client's `publishData` produces it. A string payload is
 * sent as UTF-8.
 */
export function receiveData(
  room: Room,
  identity: string,
  topic: string,
  payload: Uint8Array | string,
): void {
  const bytes = typeof payload === 'string' ? new TextEncoder().encode(payload) : payload;
  const handle = (room as unknown as { handleDataPacket(p: DataPacket, e: Encryption_Type): void })
    .handleDataPacket;
  handle(
    new DataPacket({
      kind: DataPacket_Kind.RELIABLE,
      participantIdentity: identity,
      value: {
        case: 'user',
        value: new UserPacket({ participantIdentity: identity, payload: bytes, topic }),
      },
    }),
    Encryption_Type.NONE,
  );
}
