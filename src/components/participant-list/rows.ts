import { shallowEqual } from '../../store/equality.js';
import {
  isModerator,
  isViewer,
  selectCanModerate,
  selectRaisedHands,
} from '../../store/selectors.js';
import type { ModerationAction, ParticipantState, RoomSnapshot } from '../../store/types.js';
import { isWaiting } from '../../store/waiting-room.js';
import { selectHostLayout } from '../../store/host-layout.js';

/** A microphone or camera: published and live, published and muted, or not published. */
export type MediaState = 'on' | 'off' | 'none';

/** What a row shows of one participant: nothing else, so speaking and levels do not re-render. */
export interface Row {
  readonly identity: string;
  /** The display name (`ParticipantState.displayName`: the identity when the name shows nothing). */
  readonly name: string;
  readonly isLocal: boolean;
  /** The token lists `moderate:participants`. */
  readonly host: boolean;
  /** May not publish (an audience member). */
  readonly viewer: boolean;
  readonly mic: MediaState;
  /** The microphone's track sid ('' when none is published), for a moderator's mute. */
  readonly micSid: string;
  readonly camera: MediaState;
  /** Place in the raised-hands queue, from 1; 0 when the hand is down. */
  readonly hand: number;
  /** Vanished without leaving, kept for a grace period (`ParticipantState.reconnecting`). */
  readonly reconnecting: boolean;
  /** Waits to be let in (a waiting room): listed, with Admit and Deny, only for a moderator. */
  readonly waiting: boolean;
}

export interface View {
  /** Everyone: local first, then raised hands in queue order, then the rest in join order. */
  readonly rows: readonly Row[];
  readonly canModerate: boolean;
  readonly volumes: Readonly<Record<string, number>>;
  /** The identity a host spotlighted for everyone, if any. */
  readonly spotlight?: string | undefined;
}

export const EMPTY_VIEW: View = Object.freeze({
  rows: Object.freeze([]) as readonly Row[],
  canModerate: false,
  volumes: Object.freeze({}),
});

function mediaState(p: ParticipantState, source: 'microphone' | 'camera'): MediaState {
  const track = p.tracks[source];
  if (!track) return 'none';
  return track.muted ? 'off' : 'on';
}

/** The row last made of each participant state: unchanged participants keep their row. */
const made = new WeakMap<ParticipantState, Row>();

function rowOf(p: ParticipantState, hand: number): Row {
  const before = made.get(p);
  if (before?.hand === hand) return before;
  const row: Row = {
    identity: p.identity,
    name: p.displayName,
    isLocal: p.isLocal,
    host: isModerator(p),
    // Someone waiting has no grant yet: not an audience member.
    viewer: isViewer(p) && !isWaiting(p),
    mic: mediaState(p, 'microphone'),
    micSid: p.tracks.microphone?.sid ?? '',
    camera: mediaState(p, 'camera'),
    hand,
    reconnecting: p.reconnecting,
    waiting: isWaiting(p),
  };
  made.set(p, row);
  return row;
}

/**
 * The rows in display order; a new array every time, compared row by row (`sameView`), each row
 * the same object while its participant is unchanged.
 */
const selectParticipantRows = (s: RoomSnapshot): readonly Row[] => {
  const hands = selectRaisedHands(s);
  const place = new Map(hands.map((identity, i) => [identity, i + 1]));
  const rows: Row[] = [];
  if (s.local) rows.push(rowOf(s.local, place.get(s.local.identity) ?? 0));
  const raised: Row[] = [];
  const rest: Row[] = [];
  const waiting: Row[] = [];
  for (const p of s.remotes) {
    const row = rowOf(p, place.get(p.identity) ?? 0);
    (row.waiting ? waiting : row.hand ? raised : rest).push(row);
  }
  raised.sort((a, b) => a.hand - b.hand);
  return [...rows, ...raised, ...rest, ...waiting];
};

export const selectView = (s: RoomSnapshot): View => ({
  // Those waiting to be let in are a moderator's business only.
  rows: selectCanModerate(s)
    ? selectParticipantRows(s)
    : selectParticipantRows(s).filter((r) => !r.waiting),
  canModerate: selectCanModerate(s),
  volumes: s.audio?.volumes ?? EMPTY_VIEW.volumes,
  spotlight: selectHostLayout(s).spotlight,
});

/** Equal when every row shows the same: a speaker change makes an equal view. */
export function sameView(a: View, b: View): boolean {
  if (a.canModerate !== b.canModerate || !shallowEqual(a.volumes, b.volumes)) return false;
  if (a.spotlight !== b.spotlight) return false;
  if (a.rows.length !== b.rows.length) return false;
  return a.rows.every((row, i) => row === b.rows[i] || shallowEqual(row, b.rows[i]));
}

/** Lower case without accents, for a forgiving search (`é` finds `e`, `E` finds `é`). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The search text as it is compared: trimmed, folded (`''` when there is none). */
export function searchKey(query: string): string {
  return fold(query.trim());
}

/** The rows whose name or identity holds `key` (a `searchKey`); all of them when it is `''`. */
export function filterRows(rows: readonly Row[], key: string): readonly Row[] {
  return key === ''
    ? rows
    : rows.filter((r) => fold(r.name).includes(key) || fold(r.identity).includes(key));
}

/** The key of a moderation request under way: the action and whom it is for. */
export const busyKey = (action: ModerationAction | 'spotlight', identity: string) =>
  `${action}\u0000${identity}`;
