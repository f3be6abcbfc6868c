/**
 * Recovery after a node loss, on a LiveKit cluster (dev/cluster.ts: Redis and two livekit-server
 * nodes on loopback). Each run: a viewer page (`<media-room>`, default UI, camera on) joins a new
 * room through node 0 and a peer page through node 1; once the viewer shows the peer's video, node
 * 0 is killed with SIGKILL. Measured: from the kill to the viewer being back in the call with
 * video (phase `connected` again and a new frame of the peer's camera presented). The token route
 * is the server helper with a resolver that names a node that serves (Redis), preferring the
 * page's own, as a deployment's resolver or load balancer would. Node 0 hosts the room in the odd
 * runs (then both pages rejoin) and only forwards the viewer's signalling in the even ones.
 *
 * `npx tsx bench/recovery.ts [--runs N]` runs it on its own (after the pages are built).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright';
import { startCluster, type Cluster } from '../dev/cluster.js';
import { REJOIN_AFTER_MS } from '../src/session/rejoin.js';
import { createMediaRooms, createRequestHandler, type MediaRooms } from '../src/server/index.js';
import { buildPages, launchBrowser, median } from './harness.js';

const outDir = resolve(import.meta.dirname, '..', '.cache', 'bench-pages');
const RECOVERY_TIMEOUT_MS = 90_000;

export interface RecoveryRow {
  run: number;
  /** ms from the SIGKILL to back in the call with video */
  recoveryMs: number;
  /** ms from the SIGKILL to the page leaving `connected` (noticing the loss) */
  noticedMs: number;
  /** whether the killed node hosted the room (else it only forwarded the viewer's signalling) */
  killedHost: boolean;
  /** the peer's phases and peer-connection states after the kill (ms after it) */
  peerPhases?: string;
  /**
   * Each page's whole way back (ms after the kill): phases, peer connections, token requests,
   * node probes and signalling sockets (`ws:<port>:…`).
   */
  timelines?: { viewer: string; peer: string };
}

export interface RecoverySummary {
  rows: RecoveryRow[];
  medianMs: number;
  /** the median over the runs that killed the hosting node */
  hostMedianMs: number;
  rejoinAfterMs: number;
}

/** Serves the built bench pages and, at /node/:n/api/…, the server helper preferring node n. */
async function serve(
  cluster: Cluster,
): Promise<{ url: string; server: Server; rooms: MediaRooms }> {
  const rooms = cluster.nodes.map((_, node) =>
    createMediaRooms({
      apiKey: cluster.apiKey,
      apiSecret: cluster.apiSecret,
      livekitUrls: cluster.urls(),
      resolveLivekitUrl: cluster.preferring(node),
    }),
  );
  const handlers = rooms.map((room) => createRequestHandler(room));
  const server = createServer((req, res) => {
    const match = /^\/node\/(\d+)(\/api\/.*)$/.exec(req.url ?? '');
    const handler = match && handlers[Number(match[1])];
    if (handler) {
      req.url = match[2];
      void handler(req, res).then((handled) => handled || res.writeHead(404).end());
      return;
    }
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!));
    const file = join(outDir, path);
    if (!file.startsWith(outDir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = extname(file) === '.html' ? 'text/html' : 'text/javascript';
    res.writeHead(200, { 'Content-Type': `${type}; charset=utf-8` }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, server, rooms: rooms[0]! };
}

/** Starts node `n` again and waits until every node serves. */
async function restartNode(cluster: Cluster, n: number): Promise<void> {
  await cluster.restart(n);
  for (const deadline = Date.now() + 20_000; ;) {
    if ((await cluster.servingUrls()).length === cluster.nodes.length) return;
    if (Date.now() > deadline) throw new Error(`node ${n} does not serve again`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

async function until(page: Page, what: string, check: string, timeout: number): Promise<void> {
  await page.waitForFunction(check, undefined, { timeout, polling: 50 }).catch((error: unknown) => {
    throw new Error(`${what}: ${error instanceof Error ? error.message : error}`);
  });
}

/**
 * A new room that lives on node `host` (the cluster places a room on a random node: rooms are made
 * until one lands there, a few at most).
 */
async function placedRoom(
  cluster: Cluster,
  rooms: MediaRooms,
  run: number,
  host: number,
): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const room = `recovery-${Date.now().toString(36)}-${run}-${attempt}`;
    await rooms.createRoom(room);
    if ((await cluster.hostOf(room))?.index === host) return room;
  }
  throw new Error(`no room was placed on node ${host}`);
}

/**
 * `runs` SIGKILLs of the viewer's node, each in a fresh room with fresh pages: odd runs kill the
 * node that hosts the room (both pages rejoin), even ones the node that only forwards the viewer.
 */
export async function recovery(options: {
  browser: Browser;
  runs: number;
  log?: (line: string) => void;
}): Promise<RecoverySummary> {
  const cluster = await startCluster({ nodes: 2, log: () => undefined });
  const { url, server, rooms } = await serve(cluster);
  const rows: RecoveryRow[] = [];
  try {
    for (let run = 1; run <= options.runs; run++) {
      const room = await placedRoom(cluster, rooms, run, run % 2 === 1 ? 0 : 1);
      const open = async (node: number, identity: string, peer: string): Promise<Page> => {
        const context = await options.browser.newContext({
          viewport: { width: 960, height: 540 },
          permissions: ['camera', 'microphone'],
        });
        const page = await context.newPage();
        const query = new URLSearchParams({
          'token-url': `/node/${node}/api/rooms/${room}/join`,
          identity,
          peer,
        });
        await page.goto(`${url}/recovery.html?${query}`);
        return page;
      };
      const viewer = await open(0, 'viewer', 'peer');
      const peer = await open(1, 'peer', 'viewer');
      try {
        await until(viewer, 'the viewer shows the peer', 'window.recovery?.connected()', 30_000);
        await until(peer, 'the peer shows the viewer', 'window.recovery?.connected()', 30_000);
        const killedHost = (await cluster.hostOf(room))?.index === 0;
        await viewer.evaluate('window.recovery.arm()');
        const killedAt = Date.now();
        cluster.kill(0, 'SIGKILL');
        await until(
          viewer,
          'the viewer back in the call with video',
          'window.recovery.result().backAt !== undefined',
          RECOVERY_TIMEOUT_MS,
        );
        const result = (await viewer.evaluate('window.recovery.result()')) as {
          lostAt: number;
          backAt: number;
        };
        const row: RecoveryRow = {
          run,
          recoveryMs: result.backAt - killedAt,
          noticedMs: result.lostAt - killedAt,
          killedHost,
        };
        rows.push(row);
        const timeline = async (page: Page, only?: RegExp): Promise<string> =>
          ((await page.evaluate('window.recovery.phases()')) as Array<[string, number]>)
            .filter(([name, at]) => at >= killedAt && (!only || only.test(name)))
            .map(([name, at]) => `${name} +${at - killedAt}`)
            .join(', ');
        row.peerPhases = await timeline(peer, /^(?!token|probe|ws)/);
        row.timelines = { viewer: await timeline(viewer), peer: await timeline(peer) };
        options.log?.(
          `run ${run}: back in ${row.recoveryMs} ms (loss noticed after ${row.noticedMs} ms; ` +
            `the killed node ${killedHost ? 'hosted the room' : 'forwarded the viewer'}; ` +
            `the peer: ${row.peerPhases || 'stayed connected'})\n` +
            `    viewer: ${row.timelines.viewer}\n    peer: ${row.timelines.peer || '-'}`,
        );
      } finally {
        await viewer.context().close();
        await peer.context().close();
        await restartNode(cluster, 0);
      }
    }
  } finally {
    server.closeAllConnections();
    await new Promise((done) => server.close(done));
    await cluster.stop();
  }
  return {
    rows,
    medianMs: median(rows.map((row) => row.recoveryMs)),
    hostMedianMs: median(rows.filter((row) => row.killedHost).map((row) => row.recoveryMs)),
    rejoinAfterMs: REJOIN_AFTER_MS,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const runsAt = process.argv.indexOf('--runs');
  const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 5;
  await buildPages();
  const browser = await launchBrowser();
  try {
    const summary = await recovery({ browser, runs, log: console.log });
    console.log(
      `median ${summary.medianMs} ms over ${summary.rows.length} kills ` +
        `(${summary.hostMedianMs} ms over those of the hosting node)`,
    );
  } finally {
    await browser.close();
  }
}
