import { HAND_ATTRIBUTE } from './attributes.js';
import type {
  ConnectionQualityName,
  ParticipantState,
  RoomSnapshot,
  TrackSourceName,
} from './types.js';

/**
 * Selectors for `RoomStore.select`. Each returns a part of the snapshot that keeps its identity
 * while unchanged, or a small array or record of such parts (compared shallowly), so a subscriber
 * hears only of changes to what it reads.
 */

export const selectConnection = (s: RoomSnapshot) => s.connection;
export const selectError = (s: RoomSnapshot) => s.error;
export const selectRoomInfo = (s: RoomSnapshot) => s.room;
export const selectLocal = (s: RoomSnapshot) => s.local;
export const selectRemotes = (s: RoomSnapshot) => s.remotes;
export const selectActiveSpeakers = (s: RoomSnapshot) => s.activeSpeakers;
export const selectDevices = (s: RoomSnapshot) => s.devices;
export const selectActiveDevices = (s: RoomSnapshot) => s.activeDevices;
export const selectCanPlaybackAudio = (s: RoomSnapshot) => s.canPlaybackAudio;
export const selectChat = (s: RoomSnapshot) => s.chat;

/**
 * Whether the local participant can send chat now: in the room, and not denied publishing data
 * (unknown permissions allow).
 */
export const selectCanChat = (s: RoomSnapshot): boolean =>
  !!s.local && s.local.permissions?.canPublishData !== false;

/** Identities of everyone, local first then remotes in join order. */
export const selectIdentities = (s: RoomSnapshot): readonly string[] => [
  ...(s.local ? [s.local.identity] : []),
  ...s.remotes.map((p) => p.identity),
];

export const selectParticipant =
  (identity: string) =>
  (s: RoomSnapshot): ParticipantState | undefined =>
    s.participants.get(identity);

export const selectTrack = (identity: string, source: TrackSourceName) => (s: RoomSnapshot) =>
  s.participants.get(identity)?.tracks[source];

export const selectIsSpeaking = (identity: string) => (s: RoomSnapshot) =>
  s.participants.get(identity)?.isSpeaking ?? false;

export const selectCounts = (s: RoomSnapshot) => ({
  participants: s.numParticipants,
  publishers: s.numPublishers,
});

export const selectConnectionQuality =
  (identity: string) =>
  (s: RoomSnapshot): ConnectionQualityName =>
    s.participants.get(identity)?.connectionQuality ?? 'unknown';

/** Whether the local participant's grant lets it publish `source`. Unknown permissions allow. */
export function canPublishSource(s: RoomSnapshot, source: TrackSourceName): boolean {
  const perm = s.local?.permissions;
  if (!perm) return true;
  if (!perm.canPublish) return false;
  return perm.canPublishSources.length === 0 || perm.canPublishSources.includes(source);
}

/** Identities with a raised hand, in the order they raised it (the attribute holds the time). */
export const selectRaisedHands = (s: RoomSnapshot): readonly string[] =>
  [...s.participants.values()]
    .filter((p) => p.attributes[HAND_ATTRIBUTE])
    .sort((a, b) => a.attributes[HAND_ATTRIBUTE]!.localeCompare(b.attributes[HAND_ATTRIBUTE]!))
    .map((p) => p.identity);
