import { ConnectionError, ConnectionErrorReason } from 'livekit-client';
import type { RoomError } from '../store/types.js';

export interface ConnectionDetails {
  readonly token: string;
  readonly url: string;
  /** End-to-end encryption: the key the token endpoint handed out with the token (a passphrase). */
  readonly e2eeKey?: string;
}

export interface TokenRequest {
  readonly tokenUrl: string;
  readonly method: string;
  readonly body: { room?: string; identity?: string; name?: string };
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
}

/** A failure with a stable code for the user-facing message. */
export class RoomFailure extends Error {
  readonly code: string;
  readonly detail: string | undefined;
  constructor(code: string, detail?: string) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'RoomFailure';
    this.code = code;
    this.detail = detail;
  }
}

const STATUS_CODES: Record<number, string> = {
  401: 'token-unauthorized',
  403: 'token-forbidden',
  404: 'token-not-found',
};

/**
 * Ask the token endpoint for `{ token, url }` (or `{ participantToken, serverUrl }`), with an
 * optional `e2eeKey` (a non-empty string) for end-to-end encryption. POST sends
 * the room, identity and name as JSON; GET sends them as query parameters. Same-origin credentials.
 */
export async function fetchConnectionDetails(request: TokenRequest): Promise<ConnectionDetails> {
  const { tokenUrl, method, body, timeoutMs, signal } = request;
  const fields = Object.fromEntries(Object.entries(body).filter(([, v]) => v));
  const upper = method.toUpperCase();
  const url = resolveUrl(tokenUrl);
  if (upper === 'GET') for (const [k, v] of Object.entries(fields)) url.searchParams.set(k, v);
  const timeout = AbortSignal.timeout(timeoutMs);

  let response: Response;
  try {
    response = await fetch(url, {
      method: upper,
      credentials: 'same-origin',
      headers:
        upper === 'GET'
          ? { accept: 'application/json' }
          : { accept: 'application/json', 'content-type': 'application/json' },
      body: upper === 'GET' ? undefined : JSON.stringify(fields),
      signal: AbortSignal.any([signal, timeout]),
    });
  } catch (error) {
    if (timeout.aborted && !signal.aborted)
      throw new RoomFailure('token-timeout', `${timeoutMs} ms`);
    throw signal.aborted ? error : new RoomFailure('token-network', messageOf(error));
  }

  const text = await response.text().catch(() => '');
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }

  if (!response.ok) {
    const status = response.status;
    const code = STATUS_CODES[status] ?? (status >= 500 ? 'token-server-error' : 'token-rejected');
    const serverSays = isRecord(json) && typeof json.error === 'string' ? json.error : '';
    throw new RoomFailure(code, [`HTTP ${status}`, serverSays].filter(Boolean).join(': '));
  }
  if (!isRecord(json)) {
    const type = response.headers.get('content-type') ?? 'no content type';
    throw new RoomFailure('token-invalid-reply', `not JSON (${type})`);
  }
  const token = json.token ?? json.participantToken;
  const serverUrl = json.url ?? json.serverUrl;
  const key = json.e2eeKey;
  const missing = [
    typeof token === 'string' && token ? '' : 'token',
    typeof serverUrl === 'string' && serverUrl ? '' : 'url',
    key === undefined || (typeof key === 'string' && key) ? '' : 'a usable e2eeKey',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new RoomFailure('token-invalid-reply', `missing ${missing.join(', ')}`);
  }
  const details = { token: token as string, url: serverUrl as string };
  return key ? { ...details, e2eeKey: key as string } : details;
}

/** Turn anything thrown while joining into a user-readable error. */
export function toRoomError(error: unknown): RoomError {
  if (error instanceof RoomFailure) {
    return { code: error.code, detail: error.detail, fatal: true };
  }
  if (error instanceof ConnectionError) {
    switch (error.reason) {
      case ConnectionErrorReason.NotAllowed:
        return { code: 'token-invalid', detail: error.message, fatal: true };
      case ConnectionErrorReason.ServerUnreachable:
      case ConnectionErrorReason.WebSocket:
      case ConnectionErrorReason.Timeout:
        return { code: 'server-unreachable', detail: error.message, fatal: true };
      default:
        return { code: 'connection-failed', detail: error.message, fatal: true };
    }
  }
  return { code: 'connection-failed', detail: messageOf(error), fatal: true };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `url` made absolute against the page (or as it is, outside a page: Node, tests). */
export function resolveUrl(url: string): URL {
  return new URL(url, globalThis.document?.baseURI);
}
