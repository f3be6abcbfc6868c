import type { ModerationRequest } from '../store/types.js';
import { isRecord, messageOf, resolveUrl } from './token.js';

/**
 * Where moderation requests go when `moderation-url` is not set: beside a `…/join` token URL
 * (`/api/rooms/standup/join` → `/api/rooms/standup/moderate`), or, for the server helper's
 * `/api/token`, `/api/rooms/<room>/moderate` next to it. Undefined for any other token URL.
 */
export function moderationUrlFor(tokenUrl: string, roomName: string): string | undefined {
  if (!tokenUrl) return undefined;
  const url = resolveUrl(tokenUrl);
  url.search = '';
  url.hash = '';
  if (/\/join\/?$/.test(url.pathname)) {
    url.pathname = url.pathname.replace(/\/join\/?$/, '/moderate');
    return url.href;
  }
  if (/\/api\/token\/?$/.test(url.pathname) && roomName) {
    url.pathname = url.pathname.replace(
      /\/api\/token\/?$/,
      `/api/rooms/${encodeURIComponent(roomName)}/moderate`,
    );
    return url.href;
  }
  return undefined;
}

/**
 * POST a moderation request with the caller's own LiveKit token as a Bearer token (the server
 * helper checks it; nothing else the browser says counts). Rejects with the server's message.
 */
export async function postModeration(
  url: string,
  token: string,
  request: ModerationRequest,
  timeoutMs = 10_000,
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
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new Error(`the moderation endpoint could not be reached: ${messageOf(error)}`);
  }
  if (response.ok) return;
  const json: unknown = await response.json().catch(() => undefined);
  const serverSays = isRecord(json) && typeof json.error === 'string' ? json.error : '';
  throw new Error([`HTTP ${response.status}`, serverSays].filter(Boolean).join(': '));
}
