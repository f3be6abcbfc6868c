/**
 * Node-only token endpoint: validates a join request and answers with a LiveKit access token.
 *
 * Routes (query strings are ignored):
 * - `POST /api/token` with body `{ room, identity?, name? }`
 * - `POST /api/rooms/:room/join` with body `{ identity?, name? }` (a room in the body is ignored)
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AccessToken } from 'livekit-server-sdk';

export interface TokenHandlerOptions {
  apiKey: string;
  apiSecret: string;
  /** the ws(s) URL clients connect to */
  livekitUrl: string;
  /** token lifetime, default '10m' */
  ttl?: string | number;
}

/**
 * Resolves false when the path is not ours (so it can sit in a middleware chain), true when it
 * answered.
 */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export interface JoinRequest {
  room: string;
  identity: string;
  name: string;
}

export type JoinRequestResult =
  { ok: true; value: JoinRequest } | { ok: false; error: string; field: string };

const MAX_BODY_BYTES = 16 * 1024;
const MAX_NAME_LENGTH = 64;
const ROOM_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const IDENTITY_PATTERN = /^[A-Za-z0-9_.@-]{1,64}$/;
const CONTROL_CHARACTER = /\p{Cc}/u;
const TOKEN_PATH = '/api/token';
const JOIN_PATH = /^\/api\/rooms\/([^/]+)\/join$/;

/** An error that maps directly to an HTTP answer. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Checks a parsed request body. `roomFromPath`, when given, wins over any `room` in the body.
 * Absent identity defaults to `guest-` + 8 hex characters; absent or blank name to the identity.
 */
export function validateJoinRequest(input: unknown, roomFromPath?: string): JoinRequestResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: 'request body must be a JSON object', field: 'body' };
  }
  const body = input as Record<string, unknown>;

  const room = roomFromPath ?? body.room;
  if (room === undefined) return { ok: false, error: 'room is required', field: 'room' };
  if (typeof room !== 'string' || !ROOM_PATTERN.test(room)) {
    return {
      ok: false,
      error: 'room must be 1–64 characters of letters, digits, "_", "." or "-"',
      field: 'room',
    };
  }

  const identity =
    body.identity === undefined ? `guest-${randomBytes(4).toString('hex')}` : body.identity;
  if (typeof identity !== 'string' || !IDENTITY_PATTERN.test(identity)) {
    return {
      ok: false,
      error: 'identity must be 1–64 characters of letters, digits, "_", ".", "@" or "-"',
      field: 'identity',
    };
  }

  const name = body.name === undefined ? '' : body.name;
  if (typeof name !== 'string') {
    return { ok: false, error: 'name must be a string', field: 'name' };
  }
  const trimmed = name.trim();
  // Count code points, not UTF-16 units, so emoji count as one character each.
  if ([...trimmed].length > MAX_NAME_LENGTH) {
    return {
      ok: false,
      error: `name must be at most ${MAX_NAME_LENGTH} characters`,
      field: 'name',
    };
  }
  if (CONTROL_CHARACTER.test(trimmed)) {
    return { ok: false, error: 'name must not contain control characters', field: 'name' };
  }

  return { ok: true, value: { room, identity, name: trimmed || identity } };
}

export function createTokenHandler(options: TokenHandlerOptions): NodeHandler {
  const { apiKey, apiSecret, livekitUrl, ttl = '10m' } = options;

  return async (req, res) => {
    const route = matchRoute(req.url);
    if (!route) return false;

    try {
      if (req.method !== 'POST') {
        sendJson(res, 405, { error: 'method not allowed' }, { Allow: 'POST' });
        return true;
      }
      const result = validateJoinRequest(await readJsonBody(req), route.roomFromPath);
      if (!result.ok) {
        sendJson(res, 400, { error: result.error, field: result.field });
        return true;
      }

      const { room, identity, name } = result.value;
      const token = new AccessToken(apiKey, apiSecret, { identity, name, ttl });
      token.addGrant({
        roomJoin: true,
        room,
        canPublish: true,
        canSubscribe: true,
        canPublishData: true,
      });
      sendJson(res, 200, { token: await token.toJwt(), url: livekitUrl });
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
      } else if (error instanceof HttpError) {
        // After a 413 the rest of the body is discarded and the connection closed.
        const headers: Record<string, string> = error.status === 413 ? { Connection: 'close' } : {};
        sendJson(res, error.status, { error: error.message }, headers);
        req.resume();
      } else {
        sendJson(res, 500, { error: 'internal error' });
      }
    }
    return true;
  };
}

/** Matches one of our routes (ignoring the query string); undefined for any other path. */
function matchRoute(url = '/'): { roomFromPath: string | undefined } | undefined {
  const [path] = url.split('?', 1);
  if (path === TOKEN_PATH) return { roomFromPath: undefined };
  const segment = path === undefined ? undefined : JOIN_PATH.exec(path)?.[1];
  return segment === undefined ? undefined : { roomFromPath: decodeSegment(segment) };
}

/** URL-decodes a path segment; malformed escapes are kept as-is and then fail validation. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Reads at most MAX_BODY_BYTES of JSON; an empty body counts as `{}`. */
async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const body = await readBody(req);
  if (body.length === 0) return {};

  const mediaType = req.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HttpError(415, 'request body must be application/json');
  }
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'request body is not valid JSON');
  }
}

/**
 * Collects the raw body, rejecting with 413 as soon as it is known to be too large. Uses 'data'
 * events rather than async iteration, which would destroy the socket before we can answer.
 */
function readBody(req: IncomingMessage): Promise<Buffer> {
  const tooLarge = new HttpError(413, `request body must be at most ${MAX_BODY_BYTES} bytes`);
  if (Number(req.headers['content-length']) > MAX_BODY_BYTES) return Promise.reject(tooLarge);

  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      reject(tooLarge);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: object,
  headers: Record<string, string> = {},
): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
  });
  res.end(json);
}
