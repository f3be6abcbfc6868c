/**
 * What a host decided for everyone, read from the room's metadata (a JSON object the server
 * helper writes; see `src/server/host-actions.ts`): the participant in the spotlight, the layout
 * positions, and whether a host ended the meeting. The one place these keys are parsed. Plain
 * data: imported by the server helper too (no DOM, no livekit-client).
 */

/** Metadata key: the identity in the spotlight for everyone. */
export const SPOTLIGHT_KEY = 'spotlight';
/** Metadata key: identity → layout position (0 first) for everyone. */
export const POSITIONS_KEY = 'positions';
/** Metadata key: a host ended the meeting for everyone, `{ by, identity }`. */
export const HOST_ENDED_KEY = 'ended';
/** Most identities `positions` may place. */
export const MAX_POSITIONS = 100;
/** Highest position index. */
export const MAX_POSITION = 999;

/** Who ended the meeting for everyone. */
export interface HostEnded {
  /** The host's display name ('' when unknown). */
  readonly by: string;
  /** The host's identity ('' when unknown). */
  readonly identity: string;
}

export interface HostLayout {
  /** The identity a host spotlighted for everyone, if any. */
  readonly spotlight: string | undefined;
  /** identity → position (0 first) a host placed for everyone; empty when none. */
  readonly positions: ReadonlyMap<string, number>;
  /** Set once a host ended the meeting for everyone (just before the room is deleted). */
  readonly ended: HostEnded | undefined;
}

const NO_POSITIONS: ReadonlyMap<string, number> = new Map();

export const NO_HOST_LAYOUT: HostLayout = Object.freeze({
  spotlight: undefined,
  positions: NO_POSITIONS,
  ended: undefined,
});

/** Short strings only: a name or identity longer than this is not one the helper wrote. */
const MAX_TEXT = 256;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_TEXT ? value : undefined;

const cache = new Map<string, HostLayout>();

/**
 * The host's decisions in `metadata`; what is missing or malformed is left out (never throws):
 * `spotlight` a non-empty identity, `positions` at most MAX_POSITIONS identities each to a whole
 * number from 0 to MAX_POSITION, `ended` an object with `by` (and `identity`). The same object
 * for the same metadata, so selectors may compare it by identity.
 */
export function hostLayoutFromMetadata(metadata: string): HostLayout {
  if (!metadata) return NO_HOST_LAYOUT;
  const known = cache.get(metadata);
  if (known) return known;
  let layout = NO_HOST_LAYOUT;
  try {
    const parsed: unknown = JSON.parse(metadata);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
      layout = readLayout(parsed as Record<string, unknown>);
    }
  } catch {
    layout = NO_HOST_LAYOUT;
  }
  if (cache.size > 100) cache.clear();
  cache.set(metadata, layout);
  return layout;
}

function readLayout(object: Record<string, unknown>): HostLayout {
  const spotlight = text(object[SPOTLIGHT_KEY]);
  const positions = new Map<string, number>();
  const raw = object[POSITIONS_KEY];
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    for (const [identity, index] of Object.entries(raw).slice(0, MAX_POSITIONS)) {
      if (!text(identity) || !Number.isInteger(index)) continue;
      if ((index as number) < 0 || (index as number) > MAX_POSITION) continue;
      positions.set(identity, index as number);
    }
  }
  const endedRaw = object[HOST_ENDED_KEY];
  let ended: HostEnded | undefined;
  if (typeof endedRaw === 'object' && endedRaw !== null && !Array.isArray(endedRaw)) {
    const { by, identity } = endedRaw as { by?: unknown; identity?: unknown };
    ended = Object.freeze({ by: text(by) ?? '', identity: text(identity) ?? '' });
  }
  if (!spotlight && positions.size === 0 && !ended) return NO_HOST_LAYOUT;
  return Object.freeze({
    spotlight,
    positions: positions.size > 0 ? positions : NO_POSITIONS,
    ended,
  });
}

/**
 * `positions` with `identity` placed at `index` (or taken out, with `null`), as the object the
 * server helper's `positions` action takes; `null` when nobody is left placed.
 */
export function withPosition(
  positions: ReadonlyMap<string, number>,
  identity: string,
  index: number | null,
): Record<string, number> | null {
  const next = new Map(positions);
  if (index === null) next.delete(identity);
  else next.set(identity, index);
  return next.size > 0 ? Object.fromEntries(next) : null;
}

/** The host's decisions in the room now (see `hostLayoutFromMetadata`). */
export const selectHostLayout = (s: { readonly room: { readonly metadata: string } }): HostLayout =>
  hostLayoutFromMetadata(s.room.metadata);

/**
 * The disconnect reason for a deleted room whose metadata says a host ended the meeting:
 * `ended-for-everyone` for the host who ended it, `host-ended` for everyone else; undefined when
 * the metadata says nothing of it (another closure: `room-deleted` stays).
 */
export function endedReason(
  metadata: string,
  localIdentity: string,
): 'host-ended' | 'ended-for-everyone' | undefined {
  const { ended } = hostLayoutFromMetadata(metadata);
  if (!ended) return undefined;
  return ended.identity && ended.identity === localIdentity ? 'ended-for-everyone' : 'host-ended';
}

/**
 * A host's request on the whole room, sent through the session's moderator like a
 * `ModerationRequest`: spotlight someone (`identity: null` clears), place participants
 * (`positions: null` clears), or end the meeting for everyone.
 */
export type HostRequest =
  | { readonly action: 'spotlight'; readonly identity: string | null }
  | { readonly action: 'positions'; readonly positions: Readonly<Record<string, number>> | null }
  | { readonly action: 'end' };
