/** Small HTTP helpers for the Node handlers: bounded JSON bodies and JSON answers. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Resolves false when the path is not ours (so it can sit in a middleware chain), true when it
 * answered.
 */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

export const MAX_BODY_BYTES = 16 * 1024;

/** An error that maps directly to an HTTP answer; `field` names the bad input, if any. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** URL-decodes a path segment; malformed escapes are kept as-is and then fail validation. */
export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Reads at most MAX_BODY_BYTES of JSON; an empty body counts as `{}`. When a body parser mounted
 * earlier (such as `express.json()`) has already read the stream, its `req.body` is used.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  if (req.readableEnded) return (req as IncomingMessage & { body?: unknown }).body ?? {};
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

/** Answers with JSON, never cached. */
export function sendJson(
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

/** Answers an error: a known HttpError as itself, anything else as a bare 500. */
export function sendError(req: IncomingMessage, res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.destroy();
  } else if (error instanceof HttpError) {
    // After a 413 the rest of the body is discarded and the connection closed.
    const headers =
      error.status === 413 ? { ...error.headers, Connection: 'close' } : error.headers;
    const body =
      error.field === undefined
        ? { error: error.message }
        : { error: error.message, field: error.field };
    sendJson(res, error.status, body, headers);
    req.resume();
  } else {
    sendJson(res, 500, { error: 'internal error' });
  }
}
