import { ConnectionState, RoomEvent, type Room } from 'livekit-client';

/** How long (ms) the host waits for the server to close the ended room before leaving anyway. */
export const END_WAIT_MS = 5_000;

/**
 * End the meeting for everyone: `end()` asks the server helper (which marks the room's metadata
 * and deletes the room); once it has, wait (bounded) for the room to close this connection too,
 * so that the host's own disconnect says `ended-for-everyone` as everyone else's says
 * `host-ended`, then `leave()` (which also stops any rejoin). When `end()` rejects (not a host,
 * no endpoint), nothing changes and the rejection is passed on.
 */
export async function endForEveryone(
  room: Room,
  end: () => Promise<void>,
  leave: () => Promise<void>,
  waitMs = END_WAIT_MS,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed: () => void = () => undefined;
  const gone = new Promise<void>((resolve) => {
    closed = resolve;
    room.once(RoomEvent.Disconnected, closed);
  });
  try {
    await end();
    if (room.state !== ConnectionState.Disconnected) {
      await Promise.race([gone, new Promise((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    }
  } finally {
    clearTimeout(timer);
    room.off(RoomEvent.Disconnected, closed);
  }
  await leave();
}
