/**
 * The server helper's waiting room against a real livekit-server: the room setting in the room's
 * metadata (kept beside its other keys), waiting tokens from the join routes, and the moderation
 * actions `admit` and `deny` on participants connected over a bare signal connection (a
 * WebSocket with their token, no WebRTC).
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { RoomServiceClient, TrackSource, type ParticipantInfo } from 'livekit-server-sdk';
import { startSfu, type Sfu } from '../../dev/sfu.js';
import {
  ADMIT_ATTRIBUTE,
  DENIED_ATTRIBUTE,
  WAITING_ATTRIBUTE,
  createMediaRooms,
  createRequestHandler,
  waitingRoomFromMetadata,
  type MediaRooms,
  type RequestHandlerOptions,
} from '../../src/server/index.js';
import { joinSignalOnly } from './signal-participant.js';

interface Payload {
  sub: string;
  attributes?: Record<string, string>;
  video: Record<string, unknown>;
}

const decode = (token: string): Payload =>
  JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Payload;

let counter = 0;
const uniqueRoom = (): string => `waiting-${process.pid}-${++counter}`;

let sfu: Sfu;
let service: RoomServiceClient;
let rooms: MediaRooms;
const servers: Server[] = [];

/** Joins as a signal-only participant (WebSocket, no media) until `leave()`. */
const connect = (token: string) => joinSignalOnly(sfu.httpUrl, token);

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function participantIn(room: string, identity: string): Promise<ParticipantInfo | undefined> {
  const list = await service.listParticipants(room).catch(() => []);
  return list.find((participant) => participant.identity === identity);
}

async function handlerUrl(options?: RequestHandlerOptions): Promise<string> {
  const handler = createRequestHandler(rooms, options);
  const server = createServer((req, res) => {
    void handler(req, res).then((handled) => handled || res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function post(
  url: string,
  body: unknown,
  token?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

before(async () => {
  sfu = await startSfu({ log: (line) => console.error(`[sfu] ${line}`) });
  service = new RoomServiceClient(sfu.httpUrl, sfu.apiKey, sfu.apiSecret);
  rooms = createMediaRooms({ apiKey: sfu.apiKey, apiSecret: sfu.apiSecret, livekitUrl: sfu.url });
});

after(async () => {
  await Promise.all(
    servers.map(
      (server) =>
        new Promise((resolve) => {
          server.close(resolve);
          server.closeAllConnections();
        }),
    ),
  );
  await sfu?.stop();
});

describe('waiting room: metadata', () => {
  it('reads "waitingRoom": true only', () => {
    assert.equal(waitingRoomFromMetadata('{"type":"webinar","waitingRoom":true}'), true);
    assert.equal(waitingRoomFromMetadata('{"waitingRoom":"true"}'), false);
    assert.equal(waitingRoomFromMetadata('not json'), false);
    assert.equal(waitingRoomFromMetadata(''), false);
    assert.equal(waitingRoomFromMetadata('null'), false);
  });

  it('setWaitingRoom turns it on and off on a live room, keeping the type; 404-style error for none', async () => {
    const roomId = uniqueRoom();
    await rooms.createRoom(roomId, { metadata: JSON.stringify({ type: 'webinar', x: 1 }) });
    assert.equal(await rooms.isWaitingRoom(roomId), false);
    await rooms.setWaitingRoom(roomId, true);
    assert.equal(await rooms.isWaitingRoom(roomId), true);
    const [room] = await service.listRooms([roomId]);
    assert.deepEqual(JSON.parse(room!.metadata), { type: 'webinar', x: 1, waitingRoom: true });
    await rooms.setWaitingRoom(roomId, false);
    assert.equal(await rooms.isWaitingRoom(roomId), false);
    await assert.rejects(rooms.setWaitingRoom(uniqueRoom(), true), /room not found/);
    const odd = uniqueRoom();
    await rooms.createRoom(odd, { metadata: 'plain text' });
    await assert.rejects(rooms.setWaitingRoom(odd, true), /not a JSON object/);
    assert.equal((await service.listRooms([odd]))[0]!.metadata, 'plain text', 'left as it was');
    await rooms.deleteRoom(odd);
    assert.equal(await rooms.isWaitingRoom(uniqueRoom()), false, 'no room: no waiting');
    await rooms.deleteRoom(roomId);
  });
});

describe('waiting room: tokens', () => {
  it('a waiting token grants nothing, marks the knock and keeps the capabilities for Admit', async () => {
    const { token } = await rooms.generateToken('r', {
      identity: 'ada',
      capabilities: ['publish:camera', 'subscribe:all', 'chat:send'],
      waiting: true,
    });
    const claims = decode(token);
    assert.equal(claims.video.canPublish, false);
    assert.equal(claims.video.canSubscribe, false);
    assert.equal(claims.video.canPublishData, false);
    assert.equal(claims.video.canUpdateOwnMetadata, false);
    assert.equal(claims.attributes?.['mr.capabilities'], '');
    assert.equal(claims.attributes?.[ADMIT_ATTRIBUTE], 'publish:camera,subscribe:all,chat:send');
    assert.ok(Number.isFinite(Date.parse(claims.attributes?.[WAITING_ATTRIBUTE] ?? '')));
  });

  it('a flag-based grant waits with what the flags amount to; a moderator never waits', async () => {
    const flags = decode((await rooms.generateToken('r', { identity: 'b', waiting: true })).token);
    assert.equal(
      flags.attributes?.[ADMIT_ATTRIBUTE],
      'publish:camera,publish:microphone,publish:screen,subscribe:all,chat:send,reactions:send,hand:raise',
    );
    const host = decode(
      (
        await rooms.generateToken('r', {
          identity: 'h',
          capabilities: ['moderate:participants', 'subscribe:all'],
          waiting: true,
        })
      ).token,
    );
    assert.equal(host.attributes?.[WAITING_ATTRIBUTE], undefined);
    assert.equal(host.video.canSubscribe, true);
  });

  it('the join routes hand out waiting tokens in a waiting room, not to hosts, not elsewhere', async () => {
    const roomId = uniqueRoom();
    await rooms.createRoom(roomId, { metadata: JSON.stringify({ waitingRoom: true }) });
    const url = await handlerUrl({
      resolveJoin: (join) =>
        join.identity === 'host'
          ? { capabilities: ['moderate:participants', 'subscribe:all'] }
          : join.identity === 'vip'
            ? { waiting: false }
            : undefined,
    });
    const join = async (identity: string, room = roomId) =>
      decode((await post(`${url}/api/rooms/${room}/join`, { identity })).body.token as string);
    assert.ok((await join('guest')).attributes?.[WAITING_ATTRIBUTE], 'a guest knocks');
    assert.equal((await join('host')).attributes?.[WAITING_ATTRIBUTE], undefined, 'a host not');
    assert.equal((await join('vip')).attributes?.[WAITING_ATTRIBUTE], undefined, 'decided so');
    const plain = await join('guest', uniqueRoom());
    assert.equal(plain.attributes?.[WAITING_ATTRIBUTE], undefined, 'another room: no waiting');
    assert.equal(plain.video.canPublish, true);

    const off = await handlerUrl({ waitingRooms: false });
    const answer = await post(`${off}/api/rooms/${roomId}/join`, { identity: 'guest' });
    assert.equal(decode(answer.body.token as string).attributes?.[WAITING_ATTRIBUTE], undefined);
    // Without the moderation route nobody could admit: no waiting either.
    const noModeration = await handlerUrl({ moderation: false });
    const plainJoin = await post(`${noModeration}/api/rooms/${roomId}/join`, { identity: 'guest' });
    assert.equal(decode(plainJoin.body.token as string).attributes?.[WAITING_ATTRIBUTE], undefined);
    await rooms.deleteRoom(roomId);
  });
});

describe('waiting room: admit and deny', () => {
  let url: string;
  let roomId: string;
  let host: string;

  before(async () => {
    url = await handlerUrl();
    roomId = uniqueRoom();
    await rooms.createRoom(roomId, { metadata: JSON.stringify({ waitingRoom: true }) });
    host = (
      await rooms.generateToken(roomId, {
        identity: 'host',
        capabilities: ['moderate:participants', 'subscribe:all'],
      })
    ).token;
  });

  const moderate = (body: unknown, token: string) =>
    post(`${url}/api/rooms/${roomId}/moderate`, body, token);

  /** A newcomer through the join route: a waiting token, connected. */
  async function knock(identity: string) {
    const { body } = await post(`${url}/api/rooms/${roomId}/join`, { identity });
    const token = body.token as string;
    const peer = await connect(token);
    const info = await waitFor(`${identity} joined`, () => participantIn(roomId, identity));
    return { token, peer, info };
  }

  it('a newcomer waits without permissions; Admit grants what the join decided and clears the mark', async () => {
    const { peer, info } = await knock('ada');
    try {
      assert.equal(info.permission?.canPublish, false);
      assert.equal(info.permission?.canSubscribe, false);
      assert.equal(info.permission?.canPublishData, false);
      assert.ok(info.attributes[WAITING_ATTRIBUTE]);

      const answer = await moderate({ action: 'admit', identity: 'ada' }, host);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { ok: true });
      const admitted = await participantIn(roomId, 'ada');
      assert.equal(admitted?.permission?.canPublish, true);
      assert.deepEqual(admitted?.permission?.canPublishSources, [
        TrackSource.CAMERA,
        TrackSource.MICROPHONE,
        TrackSource.SCREEN_SHARE,
        TrackSource.SCREEN_SHARE_AUDIO,
      ]);
      assert.equal(admitted?.permission?.canSubscribe, true);
      assert.equal(admitted?.permission?.canPublishData, true);
      assert.equal(admitted?.permission?.canUpdateMetadata, false);
      assert.equal(admitted?.attributes[WAITING_ATTRIBUTE], undefined);
      assert.equal(admitted?.attributes[ADMIT_ATTRIBUTE], undefined);
      assert.match(admitted?.attributes['mr.capabilities'] ?? '', /hand:raise/);

      // Admitted once: not waiting any more.
      const again = await moderate({ action: 'admit', identity: 'ada' }, host);
      assert.equal(again.status, 409);
      assert.equal((await moderate({ action: 'deny', identity: 'ada' }, host)).status, 409);
    } finally {
      peer.leave();
    }
  });

  it('Deny marks the newcomer denied, then removes them', async () => {
    const { peer } = await knock('bob');
    try {
      // The mark is set before the removal: watch for it while the removal is on its way.
      const answer = await moderate({ action: 'deny', identity: 'bob' }, host);
      assert.equal(answer.status, 200);
      await peer.closed;
      await waitFor('bob gone', async () =>
        (await participantIn(roomId, 'bob')) ? undefined : true,
      );
      assert.equal((await moderate({ action: 'deny', identity: 'bob' }, host)).status, 404);
    } finally {
      peer.leave();
    }
  });

  it('a waiting newcomer or a participant who is no host is refused with 403, and the newcomer still waits', async () => {
    const { peer, token } = await knock('eve');
    const other = await rooms.generateToken(roomId, { identity: 'pat' });
    try {
      assert.equal((await moderate({ action: 'admit', identity: 'eve' }, token)).status, 403);
      assert.equal((await moderate({ action: 'admit', identity: 'eve' }, other.token)).status, 403);
      assert.equal((await moderate({ action: 'deny', identity: 'eve' }, other.token)).status, 403);
      const still = await participantIn(roomId, 'eve');
      assert.ok(still?.attributes[WAITING_ATTRIBUTE], 'still waiting');
      assert.equal(still?.permission?.canSubscribe, false);
      assert.equal(still?.attributes[DENIED_ATTRIBUTE], undefined);
    } finally {
      peer.leave();
    }
  });

  it('404 for someone not in the room; 400 names the field', async () => {
    assert.equal((await moderate({ action: 'admit', identity: 'nobody' }, host)).status, 404);
    const bad = await moderate({ action: 'admit' }, host);
    assert.equal(bad.status, 400);
    assert.equal(bad.body.field, 'identity');
  });
});
