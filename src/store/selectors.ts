import { CAPABILITIES_ATTRIBUTE, HAND_ATTRIBUTE } from './attributes.js';
import { derived, ParticipantMap } from './participant-map.js';
import type {
  ConnectionQualityName,
  ParticipantState,
  Reaction,
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
export const selectSpeakerRecency = (s: RoomSnapshot) => s.speakerRecency;
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

/**
 * Whether what the participant's attributes say could only have been set by the server: the
 * SFU tells everyone each participant's permissions, which only the server sets, and a
 * participant that may not update its own metadata cannot write its own attributes, name or
 * metadata. Unknown permissions do not count.
 */
export const isServerSet = (p: ParticipantState | undefined): boolean =>
  p?.permissions?.canUpdateMetadata === false;

/**
 * When the participant raised its hand, for ordering the queue: the server's stamp in `mr.hand`
 * when only the server can have written it, otherwise when this store first saw the hand up (a
 * participant writing its own attributes could claim any time). An unreadable stamp counts as
 * when it was seen.
 */
function handTime(p: ParticipantState): number {
  if (!isServerSet(p)) return p.handRaisedAt;
  const stamped = Date.parse(p.attributes[HAND_ATTRIBUTE] ?? '');
  return Number.isFinite(stamped) ? stamped : p.handRaisedAt;
}

/**
 * Identities with a raised hand, in the order they were raised (`handTime`); equal times keep
 * the participants' order (local first, then join order). Memoised: after an event only the
 * participants it changed are looked at, and the same array comes back when no hand changed.
 */
export const selectRaisedHands = (s: RoomSnapshot): readonly string[] =>
  derived(
    selectRaisedHands,
    s.participants,
    () => raisedIn(s.participants, [...s.participants.values()].filter(hasHand)),
    (previous, changed) => {
      let touched = false;
      for (const identity of changed) {
        if (previous.includes(identity) || hasHand(s.participants.get(identity))) touched = true;
      }
      if (!touched) return previous;
      const hands: ParticipantState[] = [];
      for (const identity of previous) {
        const p = changed.has(identity) ? undefined : s.participants.get(identity);
        if (p) hands.push(p);
      }
      for (const identity of changed) {
        const p = s.participants.get(identity);
        if (p && hasHand(p)) hands.push(p);
      }
      const next = raisedIn(s.participants, hands);
      return next.length === previous.length && next.every((id, i) => id === previous[i])
        ? previous
        : next;
    },
  );

const hasHand = (p: ParticipantState | undefined): p is ParticipantState =>
  !!p?.attributes[HAND_ATTRIBUTE];

/** `hands` in the order raised, ties in the participants' order. */
function raisedIn(
  participants: ReadonlyMap<string, ParticipantState>,
  hands: readonly ParticipantState[],
): readonly string[] {
  const place = (p: ParticipantState) =>
    p.isLocal ? -1 : participants instanceof ParticipantMap ? participants.indexOf(p.identity) : 0;
  return Object.freeze(
    hands
      .map((p) => ({ identity: p.identity, at: handTime(p), place: place(p) }))
      .sort((a, b) => a.at - b.at || a.place - b.place)
      .map((p) => p.identity),
  );
}

/**
 * The capabilities the participant's token lists in `mr.capabilities` (set by the server helper),
 * or undefined when it lists none (a token from elsewhere) or when the participant may write its
 * own attributes (then the list could be its own invention: it counts for nothing). For the UI
 * only: the server trusts nothing but the token.
 */
export function capabilitiesOf(p: ParticipantState | undefined): readonly string[] | undefined {
  if (!isServerSet(p)) return undefined;
  const listed = p?.attributes[CAPABILITIES_ATTRIBUTE];
  if (listed === undefined) return undefined;
  return listed.split(',').filter(Boolean);
}

/** Whether the participant's token lists `moderate:participants` (and only the server set it). */
export const isModerator = (p: ParticipantState | undefined): boolean =>
  capabilitiesOf(p)?.includes('moderate:participants') ?? false;

/**
 * Whether the participant may not publish at all (a viewer in a live or webinar room). Unknown
 * permissions count as a publisher.
 */
export const isViewer = (p: ParticipantState | undefined): boolean =>
  p?.permissions?.canPublish === false;

/** Whether the local participant can use moderation: a moderator is configured and its token allows. */
export const selectCanModerate = (s: RoomSnapshot): boolean =>
  s.moderation && !!s.local && isModerator(s.local);

/**
 * Whether the local participant can send reactions now: in the room, allowed to publish data, and
 * (when its token lists capabilities) granted `reactions:send`.
 */
export const selectCanReact = (s: RoomSnapshot): boolean => {
  if (!s.local || s.local.permissions?.canPublishData === false) return false;
  const caps = capabilitiesOf(s.local);
  return caps === undefined || caps.includes('reactions:send');
};

/**
 * Whether the local participant can raise its hand: in the room, its token (when it lists
 * capabilities) grants `hand:raise`, and there is a way to do it: the server's hand endpoint, or
 * (without one) a grant to write its own attributes. Unknown permissions allow.
 */
export const selectCanRaiseHand = (s: RoomSnapshot): boolean => {
  if (!s.local) return false;
  const caps = capabilitiesOf(s.local);
  if (caps !== undefined && !caps.includes('hand:raise')) return false;
  return s.handServer || s.local.permissions?.canUpdateMetadata !== false;
};

export const selectReactions = (s: RoomSnapshot): readonly Reaction[] => s.reactions;

/** The reactions of one participant now showing (a new array only when they change). */
export const selectReactionsOf =
  (identity: string) =>
  (s: RoomSnapshot): readonly Reaction[] =>
    s.reactions.filter((r) => r.from === identity);

export const selectLocalAudio = (s: RoomSnapshot) => s.audio;

/** The kinds of room `<media-room>` knows; each picks a layout and the controls. */
export type RoomType = 'meeting' | 'live' | 'webinar' | '1to1';

export const ROOM_TYPES: readonly RoomType[] = ['meeting', 'live', 'webinar', '1to1'];

const typeCache = new Map<string, RoomType | undefined>();

/**
 * The room type from the room's metadata, when it is JSON with a known `type`
 * (`{"type":"webinar"}`); undefined otherwise.
 */
export function roomTypeFromMetadata(metadata: string): RoomType | undefined {
  if (!metadata) return undefined;
  if (typeCache.has(metadata)) return typeCache.get(metadata);
  let type: RoomType | undefined;
  try {
    const parsed: unknown = JSON.parse(metadata);
    const value = (parsed as { type?: unknown } | null)?.type;
    type = ROOM_TYPES.includes(value as RoomType) ? (value as RoomType) : undefined;
  } catch {
    type = undefined;
  }
  if (typeCache.size > 100) typeCache.clear();
  typeCache.set(metadata, type);
  return type;
}

export const selectRoomType = (s: RoomSnapshot): RoomType | undefined =>
  roomTypeFromMetadata(s.room.metadata);
