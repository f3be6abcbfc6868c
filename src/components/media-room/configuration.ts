import type { SessionConfig } from '../../session/session-config.js';

/** The attributes and properties of `<media-room>` that configure its session, as named there. */
const SESSION_KEYS = [
  'tokenUrl',
  'tokenMethod',
  'tokenTimeout',
  'roomName',
  'identity',
  'name',
  'serverUrl',
  'audio',
  'video',
  'moderationUrl',
  'roomOptions',
  'rejoinAfter',
] as const satisfies ReadonlyArray<keyof SessionConfig>;

type SessionKey = (typeof SESSION_KEYS)[number];

/** The element's side of the configuration: unset (undefined) leaves the session's value. */
export type SessionSettings = { [K in SessionKey]: SessionConfig[K] | undefined };

/** The session configuration the element's attributes and properties make (read at the next join). */
export function sessionConfigOf(settings: SessionSettings): Partial<SessionConfig> {
  return Object.fromEntries(SESSION_KEYS.map((key) => [key, settings[key]]));
}

/** The configuration whose change may complete it (and so start joining). */
export const JOIN_KEYS = [
  'tokenUrl',
  'token',
  'serverUrl',
  'roomName',
  'identity',
  'name',
] as const;
