import type { HostRequest } from '../store/host-layout.js';
import type { HandRaiser, ModerationRequest, Moderator } from '../store/types.js';
import { isRecord, messageOf, resolveUrl } from './token.js';

/** The server helper's routes that act on a room with the caller's own token. */
export type ServerRoute = 'moderate' | 'hand';

/**
 * Where requests for `route` go, worked out from the token URL: beside a `…/join` token URL
 * (`/api/rooms/standup/join` → `/api/rooms/standup/moderate`), or, for the server helper's
 * `/api/token`, `/api/rooms/<room>/<route>` next to it. Undefined for any other token URL.
 */
export function serverUrlFor(
  tokenUrl: string,
  roomName: string,
  route: ServerRoute,
): string | undefined {
  if (!tokenUrl) return undefined;
  const url = resolveUrl(tokenUrl);
  url.search = '';
  url.hash = '';
  if (/\/join\/?$/.test(url.pathname)) {
    url.pathname = url.pathname.replace(/\/join\/?$/, `/${route}`);
    return url.href;
  }
  if (/\/api\/token\/?$/.test(url.pathname) && roomName) {
    url.pathname = url.pathname.replace(
      /\/api\/token\/?$/,
      `/api/rooms/${encodeURIComponent(roomName)}/${route}`,
    );
    return url.href;
  }
  return undefined;
}

/** `serverUrlFor(tokenUrl, roomName, 'moderate')`. */
export function moderationUrlFor(tokenUrl: string, roomName: string): string | undefined {
  return serverUrlFor(tokenUrl, roomName, 'moderate');
}

/**
 * POST a JSON request with the caller's own LiveKit token as a Bearer token (the server helper
 * checks it; nothing else the browser says counts). Rejects with the server's message.
 */
export async function postToServer(
  url: string,
  token: string,
  body: object,
  { what = 'the server endpoint', timeoutMs = 10_000 } = {},
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Error(`${what} could not be reached: ${messageOf(error)}`);
  }
  if (response.ok) return;
  const json: unknown = await response.json().catch(() => undefined);
  const serverSays = isRecord(json) && typeof json.error === 'string' ? json.error : '';
  throw new Error([`HTTP ${response.status}`, serverSays].filter(Boolean).join(': '));
}

/** POST a moderation request to the server helper's moderation endpoint (`postToServer`). */
export function postModeration(
  url: string,
  token: string,
  request: ModerationRequest | HostRequest,
  timeoutMs?: number,
): Promise<void> {
  return postToServer(url, token, request, { what: 'the moderation endpoint', timeoutMs });
}

/**
 * The moderator and the hand raiser that call the server helper's endpoints with the token the
 * room is joined with (`token()`, read at each request: the server refreshes it). The endpoints
 * are the configured moderation URL (the hand endpoint beside it: `…/moderate` → `…/hand`), else
 * worked out from the token URL; undefined where none is known.
 */
export function serverTransports(
  config: { moderationUrl: string; tokenUrl: string },
  roomName: string,
  token: () => string,
): { moderator: Moderator | undefined; handRaiser: HandRaiser | undefined } {
  const configured = config.moderationUrl ? resolveUrl(config.moderationUrl) : undefined;
  const moderate = configured?.href ?? serverUrlFor(config.tokenUrl, roomName, 'moderate');
  let hand: string | undefined;
  if (configured) {
    if (/\/moderate\/?$/.test(configured.pathname)) {
      configured.pathname = configured.pathname.replace(/\/moderate\/?$/, '/hand');
      hand = configured.href;
    }
  } else {
    hand = serverUrlFor(config.tokenUrl, roomName, 'hand');
  }
  return {
    moderator: moderate ? (request) => postModeration(moderate, token(), request) : undefined,
    handRaiser: hand
      ? (raised) => postToServer(hand, token(), { raised }, { what: 'the hand endpoint' })
      : undefined,
  };
}
