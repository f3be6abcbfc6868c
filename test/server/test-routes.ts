import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import type { Sfu } from '../../dev/sfu.js';
import { devJoinPolicy } from '../../dev/roles.js';
import {
  createMediaRooms,
  createRequestHandler,
  roomKeysFromSecret,
} from '../../src/server/index.js';
import { startSignalProxy, type SignalProxy } from './signal-proxy.js';

type Next = () => Promise<unknown>;
interface KoaContext {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  respond?: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function mint(sfu: Sfu, secret: string, ttl: string): Promise<string> {
  const at = new AccessToken(sfu.apiKey, secret, { identity: `edge-${Date.now()}`, ttl });
  at.addGrant({ roomJoin: true, room: 'edge-cases', canPublish: true, canSubscribe: true });
  return at.toJwt();
}

/** A loopback port with nothing listening on it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  res.end(body);
}

/**
 * Test-server middleware: the real token endpoint (`/api/token`, `/api/rooms/:room/join`) and
 * `/test-api/*`, endpoints that misbehave on purpose for the bad-input tests. Each is a real HTTP
 * answer from a real server; only what they answer is unusual.
 */
export function testRoutes(sfu: Sfu) {
  // The full server helper: token routes and the moderation endpoint; the join URL may pick a
  // role and the room type (`?role=host&type=webinar`, dev/roles.ts).
  const rooms = createMediaRooms({
    apiKey: sfu.apiKey,
    apiSecret: sfu.apiSecret,
    livekitUrl: sfu.url,
  });
  const tokens = createRequestHandler(rooms, {
    resolveJoin: devJoinPolicy(rooms),
    // End-to-end encryption: rooms named `e2ee-key-…` get a key in the join reply.
    e2eeKey: roomKeysFromSecret('test-e2ee-secret', (room) => room.startsWith('e2ee-key-')),
  });
  const service = new RoomServiceClient(sfu.httpUrl, sfu.apiKey, sfu.apiSecret);
  const json = (res: ServerResponse, status: number, body: unknown) =>
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));

  let proxy: Promise<SignalProxy> | undefined;
  const faults: Record<
    string,
    (res: ServerResponse, arg: string, query: URLSearchParams) => Promise<void> | void
  > = {
    status: (res, code, query) =>
      json(res, Number(code), { error: query.get('message') ?? `status ${code} on purpose` }),
    slow: async (res) => {
      await sleep(3_000);
      json(res, 503, { error: 'too late' });
    },
    html: (res) => send(res, 200, 'text/html', '<!doctype html><h1>Sign in</h1>'),
    'missing-fields': (res) => json(res, 200, { token: 'only-a-token' }),
    'alt-shape': async (res) =>
      json(res, 200, {
        serverUrl: sfu.url,
        participantToken: await mint(sfu, sfu.apiSecret, '5m'),
      }),
    expired: async (res) =>
      json(res, 200, { url: sfu.url, token: await mint(sfu, sfu.apiSecret, '-10m') }),
    'bad-signature': async (res) =>
      json(res, 200, { url: sfu.url, token: await mint(sfu, 'not-the-secret-at-all', '5m') }),
    // Not a fault: what a server would do to change a room's metadata while people are in it.
    'room-metadata': async (res, room, query) => {
      await service.updateRoomMetadata(room, query.get('metadata') ?? '');
      json(res, 200, { ok: true });
    },
    // A join through the signal proxy (test/server/signal-proxy.ts), and cutting it.
    'proxy-join': async (res, room, query) => {
      proxy ??= startSignalProxy(sfu.url);
      const { token } = await rooms.generateToken(room, {
        identity: query.get('identity') ?? 'proxied',
      });
      json(res, 200, { token, url: (await proxy).url });
    },
    'proxy-cut': async (res, ms) => {
      (await (proxy ??= startSignalProxy(sfu.url))).cut(Number(ms) || 10_000);
      json(res, 200, { ok: true });
    },
    // A token signed with the SFU's key for any room, identity and name (no validation), so the
    // hostile-input tests can bring names the join endpoint refuses to the UI anyway.
    'raw-token': async (res, _arg, query) => {
      const name = query.get('name');
      const at = new AccessToken(sfu.apiKey, sfu.apiSecret, {
        identity: query.get('identity') ?? `raw-${Date.now()}`,
        ...(name === null ? {} : { name }),
        ttl: '5m',
      });
      at.addGrant({
        roomJoin: true,
        room: query.get('room') ?? '',
        canPublish: true,
        canSubscribe: true,
        canPublishData: true,
        canUpdateOwnMetadata: true,
      });
      json(res, 200, { url: sfu.url, token: await at.toJwt() });
    },
    // A page under a strict Content-Security-Policy: the probe records violations before the CDN
    // bundle loads; the <media-room> joins `room` through the real join route.
    'csp-page': (res, room, query) => {
      // With `?e2ee=<passphrase>`, a same-origin module script (no inline script is allowed) makes
      // the element and gives it the passphrase as a property (end-to-end encryption).
      const e2ee = query.get('e2ee');
      res.writeHead(200, {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-store',
        'content-security-policy': [
          "default-src 'self'",
          // Background effects (MediaPipe) and voice processing (RNNoise in an AudioWorklet):
          // WebAssembly compiled from our own origin.
          "script-src 'self' 'wasm-unsafe-eval'",
          "style-src 'self'",
          "worker-src 'self'",
          "connect-src 'self' ws://127.0.0.1:* http://127.0.0.1:*",
          "img-src 'self' data: blob:",
          "media-src 'self' blob: mediastream:",
        ].join('; '),
      });
      // ?video: the camera on (background effects).
      const video = query.has('video') ? ' video' : '';
      const element = `<media-room skip-prejoin identity="csp-local" token-url="/api/rooms/${room}/join"${video}></media-room>`;
      const setup = `<script type="module" src="/test-api/csp-setup/${room}?e2ee=${encodeURIComponent(e2ee ?? '')}"></script>`;
      res.end(`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>media-room under a strict CSP</title>
    <script src="/test-api/csp-probe"></script>
    <script type="module" src="/dist/cdn/index.js"></script>
    ${e2ee === null ? '' : setup}
  </head>
  <body>
    ${e2ee === null ? element : ''}
  </body>
</html>`);
    },
    'csp-setup': (res, room, query) =>
      send(
        res,
        200,
        'text/javascript; charset=utf-8',
        `const el = document.createElement('media-room');
el.setAttribute('skip-prejoin', '');
el.setAttribute('identity', 'csp-local');
el.setAttribute('token-url', '/api/rooms/${room}/join');
el.e2eePassphrase = ${JSON.stringify(query.get('e2ee') ?? '')};
document.body.append(el);`,
      ),
    'csp-probe': (res) =>
      send(
        res,
        200,
        'text/javascript; charset=utf-8',
        `window.__violations = [];
function describe(node) {
  if (!node || !node.tagName) return String(node);
  var root = node.getRootNode();
  var host = root && root.host ? root.host.tagName.toLowerCase() + ' > ' : '';
  return host + node.outerHTML.slice(0, 160);
}
document.addEventListener('securitypolicyviolation', function (e) {
  window.__violations.push({
    directive: e.violatedDirective,
    blocked: e.blockedURI,
    sample: e.sample,
    source: e.sourceFile + ':' + e.lineNumber,
    element: describe(e.composedPath()[0]),
  });
}, true);`,
      ),
    // The media server goes away for `ms` and comes back on the same port (answered at once).
    'sfu-restart': (res, ms) => {
      void sfu.restart(Number(ms) || 0);
      json(res, 200, { ok: true });
    },
    unreachable: async (res) =>
      json(res, 200, {
        url: `ws://127.0.0.1:${await closedPort()}`,
        token: await mint(sfu, sfu.apiSecret, '5m'),
      }),
  };

  return async (ctx: KoaContext, next: Next) => {
    if (ctx.path.startsWith('/api/')) {
      ctx.respond = false;
      if (await tokens(ctx.req, ctx.res)) return;
      ctx.respond = true;
      return next();
    }
    const match = /^\/test-api\/([a-z-]+)(?:\/([\w.-]+))?$/.exec(ctx.path);
    const fault = match && faults[match[1]!];
    if (!fault) return next();
    ctx.respond = false;
    await fault(ctx.res, match[2] ?? '', new URL(ctx.req.url ?? '/', 'http://test').searchParams);
  };
}
