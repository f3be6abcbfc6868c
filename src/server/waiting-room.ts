/**
 * The waiting room on the server: a room whose metadata has `"waitingRoom": true` makes every
 * newcomer who may not moderate knock. Such a newcomer gets a token that joins without permission
 * to publish, subscribe or send data, marked `mr.waiting` (the time of the knock); the
 * capabilities they would have had are kept in the server-set `mr.admit` attribute, which the
 * participant cannot write (a waiting token never has `profile:update`). A host's Admit grants
 * them and clears both; Deny sets `mr.denied` and removes the newcomer. Node only.
 */
import type { ParticipantInfo, RoomServiceClient, VideoGrant } from 'livekit-server-sdk';
import {
  CAPABILITIES_ATTRIBUTE,
  DENIED_ATTRIBUTE,
  WAITING_ATTRIBUTE,
} from '../store/attributes.js';
import { waitingRoomFromMetadata } from '../store/waiting-room.js';
import { NotFoundError } from './errors.js';
import { changeRoomMetadata } from './room-metadata.js';

export { DENIED_ATTRIBUTE, WAITING_ATTRIBUTE, waitingRoomFromMetadata };

/** The capabilities a waiting participant gets once admitted (comma list), set by the server. */
export const ADMIT_ATTRIBUTE = 'mr.admit';

/** Admit or deny asked for a participant who is not waiting (HTTP 409). */
export class NotWaitingError extends Error {}

/**
 * What a waiting newcomer's token carries instead of `granted`: no grant at all (nothing to
 * publish, subscribe or send), no listed capability, and the attributes marking the knock and
 * keeping what an Admit will grant.
 */
export function waitingToken(
  granted: readonly string[],
  now = new Date(),
): { grant: VideoGrant; attributes: Record<string, string> } {
  return {
    grant: {
      canPublish: false,
      canSubscribe: false,
      canPublishData: false,
      canUpdateOwnMetadata: false,
      roomAdmin: false,
    },
    attributes: {
      [WAITING_ATTRIBUTE]: now.toISOString(),
      [ADMIT_ATTRIBUTE]: granted.join(','),
      [CAPABILITIES_ATTRIBUTE]: '',
    },
  };
}

/** The RoomServiceClient methods the waiting room uses. */
type Service = Pick<
  RoomServiceClient,
  'listRooms' | 'updateRoomMetadata' | 'updateParticipant' | 'removeParticipant'
>;

export interface WaitingRoomDeps {
  service: Service;
  /** The participant as the server sees it (throws NotFoundError when it is not there). */
  participant(roomId: string, identity: string): Promise<ParticipantInfo>;
  /** Runs a server API call, turning its not-found answer into NotFoundError. */
  call<T>(what: string, run: () => Promise<T>): Promise<T>;
  /** The grant for a capability list read back from `mr.admit` (throws on an unknown one). */
  grantFor(capabilities: string[]): { granted: readonly string[]; grant: VideoGrant };
  /** Throws on a bad room id. */
  checkRoomId(roomId: string): void;
}

/** The waiting-room half of `createMediaRooms`. */
export function createWaitingRoom(deps: WaitingRoomDeps) {
  const { service, participant, call } = deps;

  const waiting = async (roomId: string, identity: string): Promise<ParticipantInfo> => {
    const info = await participant(roomId, identity);
    if (!info.attributes[WAITING_ATTRIBUTE]) {
      throw new NotWaitingError('participant is not waiting');
    }
    return info;
  };

  return {
    async isWaitingRoom(roomId: string): Promise<boolean> {
      deps.checkRoomId(roomId);
      const [room] = await service.listRooms([roomId]);
      return waitingRoomFromMetadata(room?.metadata ?? '');
    },

    async setWaitingRoom(roomId: string, enabled: boolean): Promise<void> {
      deps.checkRoomId(roomId);
      const written = await changeRoomMetadata(service, roomId, (current) => ({
        ...current,
        waitingRoom: enabled,
      }));
      if (written === undefined) throw new NotFoundError('room not found');
    },

    async admit(roomId: string, identity: string): Promise<void> {
      const info = await waiting(roomId, identity);
      const listed = (info.attributes[ADMIT_ATTRIBUTE] ?? '').split(',').filter(Boolean);
      const { granted, grant } = deps.grantFor(listed);
      // One update: the newcomer's permissions and the cleared mark arrive together.
      await call('participant', () =>
        service.updateParticipant(roomId, identity, {
          permission: {
            canPublish: grant.canPublish ?? false,
            canPublishSources: grant.canPublishSources ?? [],
            canSubscribe: grant.canSubscribe ?? false,
            canPublishData: grant.canPublishData ?? false,
            canUpdateMetadata: grant.canUpdateOwnMetadata ?? false,
            hidden: false,
          },
          attributes: {
            [WAITING_ATTRIBUTE]: '',
            [ADMIT_ATTRIBUTE]: '',
            [CAPABILITIES_ATTRIBUTE]: granted.join(','),
          },
        }),
      );
    },

    async deny(roomId: string, identity: string): Promise<void> {
      await waiting(roomId, identity);
      // Said first, so the newcomer knows why even before the removal reaches them.
      await call('participant', () =>
        service.updateParticipant(roomId, identity, {
          attributes: { [DENIED_ATTRIBUTE]: new Date().toISOString() },
        }),
      );
      await call('participant', () => service.removeParticipant(roomId, identity));
    },
  };
}
