/**
 * The waiting room as the UI sees it: the room setting (`{"waitingRoom": true}` in the room's
 * metadata) and who is waiting (the server-set `mr.waiting` attribute). Shared by the browser code
 * and the Node server helper: no DOM here.
 */
import { DENIED_ATTRIBUTE, WAITING_ATTRIBUTE } from './attributes.js';
import { derived } from './participant-map.js';
import { capabilitiesOf, isModerator, isServerSet } from './selectors.js';
import type { ParticipantState, RoomSnapshot } from './types.js';

const cache = new Map<string, boolean>();

/**
 * Whether the room's metadata (a JSON object) has `"waitingRoom": true`; false for anything else,
 * unreadable metadata included.
 */
export function waitingRoomFromMetadata(metadata: string): boolean {
  if (!metadata) return false;
  const known = cache.get(metadata);
  if (known !== undefined) return known;
  let on = false;
  try {
    const parsed: unknown = JSON.parse(metadata);
    on = (parsed as { waitingRoom?: unknown } | null)?.waitingRoom === true;
  } catch {
    on = false;
  }
  if (cache.size > 100) cache.clear();
  cache.set(metadata, on);
  return on;
}

/**
 * Whether the participant waits to be let in: the server set `mr.waiting` (a participant that may
 * write its own attributes could claim anything: it counts for nothing).
 */
export const isWaiting = (p: ParticipantState | undefined): boolean =>
  isServerSet(p) && !!p?.attributes[WAITING_ATTRIBUTE];

/**
 * Whether the participant has been let in: not waiting, and its grant is the admitted one. The SFU
 * may tell the cleared mark and the new permissions in two updates, in either order: until the
 * permissions allow something (or the server-set capabilities say nothing was to be granted), the
 * waiting grant is still in force.
 */
export function isAdmitted(p: ParticipantState | undefined): boolean {
  if (!p || isWaiting(p)) return false;
  const perm = p.permissions;
  if (!perm || perm.canPublish || perm.canSubscribe || perm.canPublishData) return true;
  return capabilitiesOf(p)?.length === 0;
}

/** The room's metadata makes newcomers knock. */
export const selectWaitingRoom = (s: RoomSnapshot): boolean =>
  waitingRoomFromMetadata(s.room.metadata);

/** The local participant waits to be let in. */
export const selectLocalWaiting = (s: RoomSnapshot): boolean => isWaiting(s.local);

/**
 * The identities of those waiting to be let in, in no particular order. Memoised: after an event
 * only the participants it changed are looked at (counts on every event stay cheap at 1000).
 */
export const selectWaitingIdentities = (s: RoomSnapshot): readonly string[] =>
  derived(
    selectWaitingIdentities,
    s.participants,
    () => [...s.participants.values()].filter(isWaiting).map((p) => p.identity),
    (previous, changed) => {
      let next: string[] | undefined;
      for (const identity of changed) {
        const was = previous.includes(identity);
        if (was === isWaiting(s.participants.get(identity))) continue;
        next ??= [...previous];
        if (was) next.splice(next.indexOf(identity), 1);
        else next.push(identity);
      }
      return next ?? previous;
    },
  );

/** The waiting participants, in the order they knocked (ties in join order). */
export const selectWaiting = (s: RoomSnapshot): readonly ParticipantState[] =>
  s.remotes
    .filter(isWaiting)
    .map((p, i) => ({ p, i, at: Date.parse(p.attributes[WAITING_ATTRIBUTE] ?? '') || 0 }))
    .sort((a, b) => a.at - b.at || a.i - b.i)
    .map(({ p }) => p);

/** Whether a host (a remote participant whose token may moderate) is in the room. */
export const selectHostPresent = (s: RoomSnapshot): boolean =>
  s.remotes.some((p) => !p.reconnecting && isModerator(p));

/**
 * The disconnect reason to tell: `waiting-denied` ("The host did not let you in") when a waiting
 * participant was removed (a host's Deny, which also sets `mr.denied` first), else `reason`.
 * Reads the local participant as it was when removed (livekit-client keeps its attributes).
 */
export function deniedEntry(
  room: {
    localParticipant?: {
      attributes: Record<string, string>;
      permissions?: { canUpdateMetadata: boolean };
    };
  },
  reason: string | undefined,
): string | undefined {
  if (reason !== 'participant-removed') return reason;
  const lp = room.localParticipant;
  if (!lp || lp.permissions?.canUpdateMetadata !== false) return reason;
  return lp.attributes[WAITING_ATTRIBUTE] || lp.attributes[DENIED_ATTRIBUTE]
    ? 'waiting-denied'
    : reason;
}
