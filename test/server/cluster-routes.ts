import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Cluster } from '../../dev/cluster.js';
import { createMediaRooms, createRequestHandler } from '../../src/server/index.js';

type Next = () => Promise<unknown>;
interface KoaContext {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  respond?: boolean;
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  res.end(JSON.stringify(body));
}

const SIGNALS = new Set(['SIGKILL', 'SIGTERM']);

/**
 * Test-server routes for the cluster suite (test/integration/cluster.test.ts), under
 * `/cluster-api/`:
 * - `POST /cluster-api/node/:n/api/rooms/:room/join`: the server helper's join route, whose
 *   resolver names node `n` while it serves (running, not draining), else another serving node
 *   (what a real resolver does: a fresh token after a node loss names a live node);
 * - `GET /cluster-api/state`: the nodes' URLs, which run and which serve;
 * - `GET /cluster-api/host/:room`: the index of the node hosting the room (or -1);
 * - `POST /cluster-api/kill/:n/:signal`: SIGKILL crashes node `n`, SIGTERM drains it (a second
 *   SIGTERM stops it);
 * - `POST /cluster-api/stop/:n`: stops node `n` as an operator would (SIGTERM, then a second one);
 * - `POST /cluster-api/restore`: starts every node that is not running again and waits until all
 *   serve (each test leaves the cluster whole).
 */
export function clusterRoutes(cluster: Cluster) {
  const handlers = cluster.nodes.map((_, preferred) =>
    createRequestHandler(
      createMediaRooms({
        apiKey: cluster.apiKey,
        apiSecret: cluster.apiSecret,
        livekitUrls: cluster.urls(),
        resolveLivekitUrl: cluster.preferring(preferred),
      }),
    ),
  );

  const routes: Record<string, (res: ServerResponse, args: string[]) => Promise<void>> = {
    async state(res) {
      const serving = await cluster.servingUrls();
      json(res, 200, {
        urls: cluster.urls(),
        running: cluster.nodes.map((node) => node.running),
        serving: cluster.urls().map((url) => serving.includes(url)),
      });
    },
    async host(res, [room]) {
      json(res, 200, { host: (await cluster.hostOf(room ?? ''))?.index ?? -1 });
    },
    async kill(res, [n, signal]) {
      const node = cluster.nodes[Number(n)];
      if (!node || !signal || !SIGNALS.has(signal)) return json(res, 400, { error: 'bad node' });
      node.signal(signal as NodeJS.Signals);
      json(res, 200, { ok: true });
    },
    async stop(res, [n]) {
      const node = cluster.nodes[Number(n)];
      if (!node) return json(res, 400, { error: 'bad node' });
      await node.stop();
      json(res, 200, { ok: true });
    },
    async restore(res) {
      for (const node of cluster.nodes) {
        if (node.running && !(await cluster.servingUrls()).includes(node.url)) await node.stop();
        if (!node.running) await cluster.restart(node.index);
      }
      const deadline = Date.now() + 20_000;
      while ((await cluster.servingUrls()).length < cluster.nodes.length) {
        if (Date.now() > deadline) return json(res, 500, { error: 'nodes do not serve' });
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      json(res, 200, { ok: true });
    },
  };

  return async (ctx: KoaContext, next: Next) => {
    const join = /^\/cluster-api\/node\/(\d+)(\/api\/.*)$/.exec(ctx.path);
    if (join) {
      const handler = handlers[Number(join[1])];
      if (!handler) return next();
      ctx.respond = false;
      ctx.req.url = join[2];
      if (!(await handler(ctx.req, ctx.res))) json(ctx.res, 404, { error: 'no such route' });
      return;
    }
    const match = /^\/cluster-api\/([a-z]+)((?:\/[\w.-]+)*)$/.exec(ctx.path);
    const route = match && routes[match[1]!];
    if (!route) return next();
    ctx.respond = false;
    await route(ctx.res, match[2]!.split('/').filter(Boolean));
  };
}
