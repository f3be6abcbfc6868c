/**
 * A standalone token, moderation and hand endpoint on 127.0.0.1, for setups where the page is not
 * served by `npm start`. Run `tsx dev/token-server.ts`; configure with LIVEKIT_URL,
 * LIVEKIT_API_KEY, LIVEKIT_API_SECRET and PORT (LIVEKIT_API_URL when the server API is not at
 * LIVEKIT_URL with ws→http).
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMediaRooms,
  createRequestHandler,
  type MediaRoomsOptions,
  type RequestHandlerOptions,
} from '../src/server/index.js';

export async function startTokenServer(
  options: MediaRoomsOptions &
    RequestHandlerOptions & { /** 0 (the default) picks a free port */ port?: number },
): Promise<{ url: string; close(): Promise<void> }> {
  const { port = 0, resolveJoin, ttl, moderation, ...roomOptions } = options;
  const handle = createRequestHandler(createMediaRooms(roomOptions), {
    resolveJoin,
    ttl,
    moderation,
  });

  const server = createServer((req, res) => {
    // One line per request; never bodies, query strings or tokens.
    const [path] = (req.url ?? '/').split('?', 1);
    res.once('finish', () => console.log(`${req.method} ${path} ${res.statusCode}`));
    handle(req, res).then(
      (handled) => handled || notFound(res),
      () => res.destroy(),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail).listen(port, '127.0.0.1', done);
  });

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections(); // don't wait for idle keep-alive sockets
      }),
  };
}

function notFound(res: ServerResponse): void {
  const body = JSON.stringify({ error: 'not found' });
  res.writeHead(404, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
  });
  res.end(body);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const livekitUrl = process.env.LIVEKIT_URL ?? 'ws://127.0.0.1:7880';
  const { url } = await startTokenServer({
    livekitUrl,
    apiUrl: process.env.LIVEKIT_API_URL || undefined,
    apiKey: process.env.LIVEKIT_API_KEY ?? 'devkey',
    apiSecret: process.env.LIVEKIT_API_SECRET ?? 'secret',
    port: Number(process.env.PORT ?? 3001),
  });
  console.log(
    `token endpoint on ${url} (POST /api/token, POST /api/rooms/:room/join, ` +
      `POST /api/rooms/:room/moderate, POST /api/rooms/:room/hand) for ${livekitUrl}`,
  );
}
