/**
 * A host's actions on the whole room (spotlight, positions, end for everyone) through the request
 * handler's moderation endpoint, against a real livekit-server: who may, what is written into the
 * room metadata (other keys kept), strict input, and the room deleted on `end`. Participants are
 * bare signal connections (a WebSocket with a token, no WebRTC).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { RoomServiceClient } from 'livekit-server-sdk';
import { startSfu, type Sfu } from '../../dev/sfu.js';
import { createMediaRooms, createRequestHandler, type MediaRooms } from '../../src/server/index.js';
import { parsePositions } from '../../src/server/host-actions.js';
import { metadataObject } from '../../src/server/room-metadata.js';
import {
  endedReason,
  hostLayoutFromMetadata,
  NO_HOST_LAYOUT,
  withPosition,
} from '../../src/store/host-layout.js';
import { joinSignalOnly, type SignalParticipant } from './signal-participant.js';

let sfu: Sfu;
let service: RoomServiceClient;
let rooms: MediaRooms;
let server: Server;
let url: string;
let counter = 0;
const uniqueRoom = (): string => `host-${process.pid}-${++counter}`;
const peers: SignalParticipant[] = [];

/** Joins `room` as a signal-only participant until the test ends. */
async function join(room: string, identity: string): Promise<void> {
  const { token } = await rooms.generateToken(room, { identity });
  peers.push(await joinSignalOnly(sfu.httpUrl, token));
  const deadline = Date.now() + 10_000;
  for (;;) {
    const list = await service.listParticipants(room).catch(() => []);
    if (list.some((p) => p.identity === identity)) return;
    if (Date.now() > deadline) throw new Error(`${identity} did not join`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const hostToken = async (room: string, name = 'Grace'): Promise<string> =>
  (
    await rooms.generateToken(room, {
      identity: 'host',
      name,
      capabilities: ['moderate:participants', 'subscribe:all'],
    })
  ).token;

async function moderate(
  room: string,
  body: unknown,
  token: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${url}/api/rooms/${encodeURIComponent(room)}/moderate`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function metadataOf(room: string): Promise<Record<string, unknown> | undefined> {
  const [info] = await service.listRooms([room]);
  return info ? metadataObject(info.metadata) : undefined;
}

before(async () => {
  sfu = await startSfu({ log: (line) => console.error(`[sfu] ${line}`) });
  service = new RoomServiceClient(sfu.httpUrl, sfu.apiKey, sfu.apiSecret);
  rooms = createMediaRooms({ apiKey: sfu.apiKey, apiSecret: sfu.apiSecret, livekitUrl: sfu.url });
  const handler = createRequestHandler(rooms);
  server = createServer((req, res) => {
    void handler(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  for (const peer of peers) peer.leave();
  await new Promise((resolve) => {
    server.close(resolve);
    server.closeAllConnections();
  });
  await sfu?.stop();
});

describe('host actions: spotlight and positions', () => {
  it('spotlights a participant in the room metadata, keeping other keys, and clears it', async () => {
    const room = uniqueRoom();
    await rooms.createRoom(room, { metadata: JSON.stringify({ type: 'webinar', page: { a: 1 } }) });
    await join(room, 'ada');
    const token = await hostToken(room);

    const set = await moderate(room, { action: 'spotlight', identity: 'ada' }, token);
    assert.equal(set.status, 200, JSON.stringify(set.body));
    assert.deepEqual(await metadataOf(room), { type: 'webinar', page: { a: 1 }, spotlight: 'ada' });

    const cleared = await moderate(room, { action: 'spotlight', identity: null }, token);
    assert.equal(cleared.status, 200);
    assert.deepEqual(await metadataOf(room), { type: 'webinar', page: { a: 1 } });
  });

  it('refuses a spotlight on someone not in the room (404) or a bad identity (400)', async () => {
    const room = uniqueRoom();
    await rooms.createRoom(room);
    await join(room, 'ada');
    const token = await hostToken(room);
    assert.equal(
      (await moderate(room, { action: 'spotlight', identity: 'ghost' }, token)).status,
      404,
    );
    for (const identity of [undefined, 42, '', 'x'.repeat(500)]) {
      const answer = await moderate(room, { action: 'spotlight', identity }, token);
      assert.equal(answer.status, 400, String(identity));
      assert.equal(answer.body.field, 'identity');
    }
    assert.equal((await metadataOf(room))?.spotlight, undefined);
  });

  it('places participants, then clears the places, keeping the spotlight', async () => {
    const room = uniqueRoom();
    await rooms.createRoom(room, { metadata: '{"type":"meeting"}' });
    await join(room, 'ada');
    const token = await hostToken(room);
    await moderate(room, { action: 'spotlight', identity: 'ada' }, token);
    const placed = await moderate(
      room,
      { action: 'positions', positions: { bob: 0, ada: 2 } },
      token,
    );
    assert.equal(placed.status, 200, JSON.stringify(placed.body));
    assert.deepEqual(await metadataOf(room), {
      type: 'meeting',
      spotlight: 'ada',
      positions: { bob: 0, ada: 2 },
    });
    assert.equal(
      (await moderate(room, { action: 'positions', positions: null }, token)).status,
      200,
    );
    assert.deepEqual(await metadataOf(room), { type: 'meeting', spotlight: 'ada' });
  });

  it('validates positions strictly', async () => {
    const room = uniqueRoom();
    await rooms.createRoom(room);
    const token = await hostToken(room);
    const bad: unknown[] = [
      undefined,
      'ada',
      [0, 1],
      { ada: -1 },
      { ada: 1.5 },
      { ada: '1' },
      { ada: 1000 },
      { '': 0 },
      Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`p${i}`, i])),
    ];
    for (const positions of bad) {
      const body =
        positions === undefined ? { action: 'positions' } : { action: 'positions', positions };
      const answer = await moderate(room, body, token);
      assert.equal(answer.status, 400, JSON.stringify(positions));
      assert.equal(answer.body.field, 'positions');
    }
    assert.deepEqual(await metadataOf(room), {});
    assert.deepEqual(parsePositions({ a: 0, b: 999 }, room), { a: 0, b: 999 });
    assert.equal(parsePositions({}, room), null);
  });

  it('answers 409 when the metadata is not a JSON object, and leaves it as it was', async () => {
    const room = uniqueRoom();
    await rooms.createRoom(room, { metadata: 'plain words' });
    await join(room, 'ada');
    const token = await hostToken(room);
    const answer = await moderate(room, { action: 'spotlight', identity: 'ada' }, token);
    assert.equal(answer.status, 409);
    const [info] = await service.listRooms([room]);
    assert.equal(info?.metadata, 'plain words');
  });

  it('keeps every change when several come at once (one after another per room)', async () => {
    const room = uniqueRoom();
    await rooms.createRoom(room, { metadata: '{"type":"meeting"}' });
    const changes = Array.from({ length: 8 }, (_, i) =>
      rooms.changeRoomMetadata(room, (current) => ({ ...current, [`k${i}`]: i })),
    );
    await Promise.all(changes);
    const metadata = await metadataOf(room);
    for (let i = 0; i < 8; i++) assert.equal(metadata?.[`k${i}`], i);
    assert.equal(metadata?.type, 'meeting');
  });
});

describe('host actions: who may', () => {
  it('refuses a participant who is not a host (403) and changes nothing', async () => {
    const room = uniqueRoom();
    await rooms.createRoom(room, { metadata: '{"type":"meeting"}' });
    await join(room, 'ada');
    const { token } = await rooms.generateToken(room, { identity: 'viewer' });
    for (const body of [
      { action: 'spotlight', identity: 'ada' },
      { action: 'positions', positions: { ada: 0 } },
      { action: 'end' },
    ]) {
      const answer = await moderate(room, body, token);
      assert.equal(answer.status, 403, JSON.stringify(body));
    }
    assert.deepEqual(await metadataOf(room), { type: 'meeting' });
    const other = await hostToken(`${room}-elsewhere`);
    assert.equal((await moderate(room, { action: 'end' }, other)).status, 403);
    assert.equal((await service.listRooms([room])).length, 1);
  });
});

describe('host actions: end for everyone', () => {
  it('marks the metadata with the host, then deletes the room', async () => {
    const room = uniqueRoom();
    await rooms.createRoom(room, { metadata: '{"type":"meeting"}' });
    await join(room, 'ada');
    const updates: string[] = [];
    const watching = createMediaRooms({
      apiKey: sfu.apiKey,
      apiSecret: sfu.apiSecret,
      livekitUrl: sfu.url,
      roomService: new Proxy(service, {
        get(target, property, receiver) {
          const value: unknown = Reflect.get(target, property, receiver);
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            if (property === 'updateRoomMetadata') updates.push(String(args[1]));
            if (property === 'deleteRoom') updates.push('deleted');
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      }),
    });
    const handler = createRequestHandler(watching);
    const local = createServer((req, res) => void handler(req, res));
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    try {
      const at = `http://127.0.0.1:${(local.address() as AddressInfo).port}`;
      const response = await fetch(`${at}/api/rooms/${room}/moderate`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${await hostToken(room, 'Grace Hopper')}`,
        },
        body: JSON.stringify({ action: 'end' }),
      });
      assert.equal(response.status, 200);
    } finally {
      await new Promise((resolve) => {
        local.close(resolve);
        local.closeAllConnections();
      });
    }
    assert.deepEqual(updates, [
      JSON.stringify({ type: 'meeting', ended: { by: 'Grace Hopper', identity: 'host' } }),
      'deleted',
    ]);
    assert.equal(endedReason(updates[0]!, 'ada'), 'host-ended');
    assert.equal(endedReason(updates[0]!, 'host'), 'ended-for-everyone');
    assert.equal((await service.listRooms([room])).length, 0);
  });

  it('answers 404 for a room that does not exist', async () => {
    const room = uniqueRoom();
    assert.equal((await moderate(room, { action: 'end' }, await hostToken(room))).status, 404);
  });
});

describe('hostLayoutFromMetadata', () => {
  it('reads spotlight, positions and ended, and leaves out what is malformed', () => {
    assert.equal(hostLayoutFromMetadata(''), NO_HOST_LAYOUT);
    assert.equal(hostLayoutFromMetadata('not json'), NO_HOST_LAYOUT);
    assert.equal(hostLayoutFromMetadata('{"type":"meeting"}'), NO_HOST_LAYOUT);
    const layout = hostLayoutFromMetadata(
      JSON.stringify({
        spotlight: 'ada',
        positions: { bob: 1, eve: -1, mal: 1.5, sam: '2', ok: 0 },
        ended: { by: 'Grace' },
      }),
    );
    assert.equal(layout.spotlight, 'ada');
    assert.deepEqual(
      [...layout.positions],
      [
        ['bob', 1],
        ['ok', 0],
      ],
    );
    assert.deepEqual(layout.ended, { by: 'Grace', identity: '' });
    assert.equal(hostLayoutFromMetadata(JSON.stringify({ spotlight: 7 })).spotlight, undefined);
    assert.equal(endedReason('{"type":"meeting"}', 'ada'), undefined);
    assert.deepEqual(withPosition(new Map([['a', 0]]), 'b', 3), { a: 0, b: 3 });
    assert.equal(withPosition(new Map([['a', 0]]), 'a', null), null);
  });
});
