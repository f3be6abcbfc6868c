import {
  ConnectionQuality,
  Track,
  type Participant,
  type RemoteTrackPublication,
  type TrackPublication,
} from 'livekit-client';
import { sourceFromProto } from '../../session/livekit-adapter.js';
import { displayName } from '../../internal/text.js';
import { HAND_ATTRIBUTE } from '../attributes.js';
import { shallowEqual } from '../equality.js';
import type {
  ConnectionQualityName,
  ParticipantState,
  PermissionState,
  TrackSourceName,
  TrackState,
} from '../types.js';

/**
 * A participant as the snapshot shows it; `before` when nothing changed. Every field is one that
 * a room event refreshes (see the participants slice), so the state never goes stale.
 */
export function participantState(
  p: Participant,
  before: ParticipantState | undefined,
): ParticipantState {
  const tracks: Partial<Record<TrackSourceName, TrackState>> = {};
  for (const pub of p.trackPublications.values()) {
    const source = sourceName(pub.source);
    if (!source || tracks[source]) continue;
    tracks[source] = trackState(pub, source, p.isLocal, before?.tracks[source]);
  }
  const name = p.name ?? '';
  const next: ParticipantState = {
    identity: p.identity,
    sid: p.sid ?? '',
    name,
    displayName:
      before && before.name === name && before.identity === p.identity
        ? before.displayName
        : displayName(name, p.identity),
    metadata: p.metadata ?? '',
    attributes: keepIfEqual(before?.attributes, { ...p.attributes }),
    permissions: keepIfEqual(before?.permissions, permissionState(p)),
    isLocal: p.isLocal,
    isSpeaking: p.isSpeaking,
    connectionQuality: qualityName(p.connectionQuality),
    joinedAt: joinedAt(p),
    handRaisedAt: handRaisedAt(p, before),
    tracks: keepIfEqual(before?.tracks, tracks),
    reconnecting: false,
    participant: p,
  };
  if (before && shallowEqual(before, next)) return before;
  return Object.freeze(next);
}

function trackState(
  pub: TrackPublication,
  source: TrackSourceName,
  isLocal: boolean,
  before: TrackState | undefined,
): TrackState {
  const remote = pub as RemoteTrackPublication;
  const next: TrackState = {
    sid: pub.trackSid,
    source,
    kind: pub.kind === Track.Kind.Audio ? 'audio' : 'video',
    muted: pub.isMuted,
    subscribed: isLocal ? true : remote.isSubscribed,
    streamActive: isLocal ? true : pub.track?.streamState !== Track.StreamState.Paused,
    publication: pub,
  };
  return keepIfEqual(before, next);
}

function permissionState(p: Participant): PermissionState | undefined {
  const perm = p.permissions;
  if (!perm) return undefined;
  return {
    canPublish: perm.canPublish,
    canSubscribe: perm.canSubscribe,
    canPublishData: perm.canPublishData,
    canUpdateMetadata: perm.canUpdateMetadata,
    canPublishSources: Object.freeze(
      perm.canPublishSources
        .map((s) => sourceName(sourceFromProto(s)))
        .filter((s): s is TrackSourceName => !!s),
    ),
    hidden: perm.hidden,
  };
}

/** Keep `before` when `next` has the same own values (shallow), else freeze and return `next`. */
function keepIfEqual<T extends object>(before: T | undefined, next: T): T;
function keepIfEqual<T extends object>(before: T | undefined, next: T | undefined): T | undefined;
function keepIfEqual<T extends object>(before: T | undefined, next: T | undefined) {
  if (next === undefined) return undefined;
  if (before !== undefined && deepValuesEqual(before, next)) return before;
  return Object.freeze(next);
}

/** Shallow equality that also looks one level into arrays (for permission source lists). */
function deepValuesEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const va = (a as Record<string, unknown>)[k];
    const vb = (b as Record<string, unknown>)[k];
    if (Object.is(va, vb)) continue;
    if (Array.isArray(va) && Array.isArray(vb) && shallowEqual(va, vb)) continue;
    return false;
  }
  return true;
}

export function sourceName(source: Track.Source): TrackSourceName | undefined {
  switch (source) {
    case Track.Source.Camera:
      return 'camera';
    case Track.Source.Microphone:
      return 'microphone';
    case Track.Source.ScreenShare:
      return 'screen_share';
    case Track.Source.ScreenShareAudio:
      return 'screen_share_audio';
    default:
      return undefined;
  }
}

export function qualityName(q: ConnectionQuality): ConnectionQualityName {
  switch (q) {
    case ConnectionQuality.Excellent:
      return 'excellent';
    case ConnectionQuality.Good:
      return 'good';
    case ConnectionQuality.Poor:
      return 'poor';
    case ConnectionQuality.Lost:
      return 'lost';
    default:
      return 'unknown';
  }
}

/** When the hand was first seen raised: kept while it stays up, now when it just went up. */
function handRaisedAt(p: Participant, before: ParticipantState | undefined): number {
  if (!p.attributes[HAND_ATTRIBUTE]) return 0;
  return before?.handRaisedAt || Date.now();
}

export function joinedAt(p: Participant): number {
  return p.joinedAt?.getTime() ?? 0;
}

export function hasPublished(p: ParticipantState): boolean {
  for (const t of Object.values(p.tracks)) if (t) return true;
  return false;
}
