/**
 * The server helper against a real LiveKit cluster (dev/cluster.ts: Debian's redis-server and two
 * livekit-server nodes sharing it): several node URLs, health checks, a resolver, and what a
 * draining node answers. A participant here is a bare signal connection (a WebSocket with its
 * token, no WebRTC), enough for the nodes to place and forward it.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { RoomServiceClient } from 'livekit-server-sdk';
import { startCluster, type Cluster } from '../../dev/cluster.js';
import {
  createMediaRooms,
  createRequestHandler,
  isNodeHealthy,
  type MediaRooms,
} from '../../src/server/index.js';
import { joinSignalOnly } from './signal-participant.js';

let cluster: Cluster;
let counter = 0;
const uniqueRoom = (): string => `cluster-${process.pid}-${++counter}`;

before(async () => {
  cluster = await startCluster({ nodes: 2, log: () => undefined });
});

after(async () => {
  await cluster?.stop();
});

/** Joins through the node at `wsUrl` as a signal-only participant until `leave()`. */
const connect = (wsUrl: string, token: string) => joinSignalOnly(wsUrl, token);

async function waitFor(what: string, probe: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function rooms(extra: Partial<Parameters<typeof createMediaRooms>[0]> = {}): MediaRooms {
  return createMediaRooms({
    apiKey: cluster.apiKey,
    apiSecret: cluster.apiSecret,
    livekitUrls: cluster.urls(),
    ...extra,
  });
}

/** Start every node that is not running (each test leaves the cluster whole). */
async function restore(): Promise<void> {
  for (const node of cluster.nodes) {
    if (node.running && !(await cluster.servingUrls()).includes(node.url)) await node.stop();
    if (!node.running) await cluster.restart(node.index);
  }
  await waitFor('every node serves', async () => (await cluster.servingUrls()).length === 2);
}

describe('createMediaRooms with several node URLs', () => {
  it('hands out the nodes in turn; participants on either node meet in one room', async () => {
    const helper = rooms();
    const room = uniqueRoom();
    const first = await helper.generateToken(room, { identity: 'ann' });
    const second = await helper.generateToken(room, { identity: 'ben' });
    assert.deepEqual([first.url, second.url].sort(), [...cluster.urls()].sort());
    assert.equal(helper.mediaUrl(), cluster.urls()[0]);

    const ann = await connect(first.url, first.token);
    const ben = await connect(second.url, second.token);
    try {
      // Each node lists both: the room lives on one, the other forwards its participant.
      for (const url of cluster.urls()) {
        const service = new RoomServiceClient(url.replace(/^ws/, 'http'), 'devkey', 'secret');
        await waitFor(`both participants listed via ${url}`, async () => {
          const list = await service.listParticipants(room).catch(() => []);
          return list.length === 2;
        });
      }
      assert.ok(await cluster.hostOf(room), 'a node hosts the room');
      // The server API goes through the helper too (any node that answers).
      assert.ok((await helper.listRooms()).some((summary) => summary.roomId === room));
    } finally {
      ann.leave();
      ben.leave();
    }
  });

  it('skips a node that is down, for tokens and for the server API', async () => {
    const helper = rooms();
    const dead = cluster.nodes[0]!;
    dead.signal('SIGKILL');
    await dead.exited();
    try {
      assert.equal(await isNodeHealthy(dead.url), false);
      for (let i = 0; i < 4; i++) {
        const { url } = await helper.generateToken(uniqueRoom(), { identity: `p${i}` });
        assert.equal(url, cluster.nodes[1]!.url);
      }
      const room = uniqueRoom();
      await helper.createRoom(room);
      assert.ok((await helper.listRooms()).some((summary) => summary.roomId === room));
    } finally {
      await restore();
    }
  });

  it('answers 503 on the join route when no node answers', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const handler = createRequestHandler(rooms({ livekitUrls: [`ws://127.0.0.1:${port}`] }));
    const server: Server = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const address = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${address.port}/api/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ room: 'r1', identity: 'x' }),
      });
      assert.equal(response.status, 503);
      assert.deepEqual(await response.json(), { error: 'no media server node answers' });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('a draining node still answers its health check: a resolver that reads Redis skips it', async () => {
    const room = uniqueRoom();
    const helper = rooms();
    const { token, url } = await helper.generateToken(room, { identity: 'stay' });
    const stay = await connect(url, token);
    try {
      await waitFor('a node hosts the room', async () => !!(await cluster.hostOf(room)));
      const host = (await cluster.hostOf(room))!;
      host.signal('SIGTERM'); // drain: it keeps its room while someone is in it
      await waitFor('Redis says it drains', async () => {
        return !(await cluster.servingUrls()).includes(host.url);
      });
      assert.equal(host.running, true, 'a draining node keeps running');
      assert.equal(await isNodeHealthy(host.url), true, 'and still answers GET / with 200');
      // So the URL list alone may name it; a resolver that knows better does not.
      const resolved = rooms({
        resolveLivekitUrl: async () => (await cluster.servingUrls())[0]!,
      });
      for (let i = 0; i < 3; i++) {
        const fresh = await resolved.generateToken(room, { identity: `r${i}` });
        assert.notEqual(fresh.url, host.url);
      }
      host.signal('SIGTERM'); // the second one stops it, rooms and all
      await host.exited();
    } finally {
      stay.leave();
      await restore();
    }
  });

  it('keeps the single-URL form, with no health check', async () => {
    const helper = createMediaRooms({
      apiKey: cluster.apiKey,
      apiSecret: cluster.apiSecret,
      livekitUrl: 'wss://media.invalid',
    });
    assert.equal((await helper.generateToken('r1', { identity: 'x' })).url, 'wss://media.invalid');
    assert.throws(
      () => createMediaRooms({ apiKey: 'k', apiSecret: 's' }),
      /livekitUrl, livekitUrls or resolveLivekitUrl is required/,
    );
    assert.throws(
      () => createMediaRooms({ apiKey: 'k', apiSecret: 's', resolveLivekitUrl: () => 'ws://x' }),
      /apiUrl \(or roomService\) is required/,
    );
  });
});
