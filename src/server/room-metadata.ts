/**
 * Read-modify-write of a room's metadata, a JSON object whose keys belong to several features
 * (`type`, `waitingRoom`, `spotlight`, `positions`, `ended`, a page's own): each change reads the
 * metadata, changes its own keys and writes the whole object back.
 */
import type { RoomServiceClient } from 'livekit-server-sdk';

/** The room's metadata is not a JSON object, so a key cannot be added without losing it (409). */
export class MetadataConflictError extends Error {}

/** The metadata as an object ('' is an empty one); throws MetadataConflictError otherwise. */
export function metadataObject(metadata: string): Record<string, unknown> {
  if (!metadata) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(metadata);
  } catch {
    throw new MetadataConflictError('the room metadata is not a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new MetadataConflictError('the room metadata is not a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** Changes under way per service and room (this process): the next reads what the last wrote. */
const queues = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * `change` gets the room's current metadata object (a copy) and returns the next one, which is
 * written unless equal. Changes to one room through one `service` run one after another (across
 * processes the last write wins). Resolves with the metadata now, or `undefined` when there is no
 * such room.
 */
export function changeRoomMetadata(
  service: Pick<RoomServiceClient, 'listRooms' | 'updateRoomMetadata'>,
  roomId: string,
  change: (current: Record<string, unknown>) => Record<string, unknown>,
): Promise<string | undefined> {
  let perRoom = queues.get(service);
  if (!perRoom) queues.set(service, (perRoom = new Map()));
  const before = perRoom.get(roomId) ?? Promise.resolve();
  const run = before
    .catch(() => undefined)
    .then(async () => {
      const [room] = await service.listRooms([roomId]);
      if (!room) return undefined;
      const next = JSON.stringify(change({ ...metadataObject(room.metadata) }));
      if (next !== room.metadata) await service.updateRoomMetadata(roomId, next);
      return next;
    });
  perRoom.set(roomId, run);
  const done = (): void => {
    if (perRoom.get(roomId) === run) perRoom.delete(roomId);
  };
  run.then(done, done);
  return run;
}
