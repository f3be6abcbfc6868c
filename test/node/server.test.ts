/**
 * `media-room-elements/server` against a real livekit-server: rooms, tokens and their grants, the
 * request handler over node:http, and moderation on participants connected to the SFU. A
 * participant here is a bare signal connection (a WebSocket with its token, no WebRTC): the SFU
 * lists it, applies permission and attribute changes to it and can remove it, but it publishes no
 * tracks, so muting a real track is left to a browser test.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  AccessToken,
  RoomServiceClient,
  TrackSource,
  type ParticipantInfo,
} from 'livekit-server-sdk';
import { startSfu, type Sfu } from '../../dev/sfu.js';
import { startTokenServer } from '../../dev/token-server.js';
import {
  CAPABILITIES,
  createMediaRooms,
  createRequestHandler,
  roomKeysFromSecret,
  createTokenHandler,
  type Capability,
  type MediaRooms,
  type NodeHandler,
  type RequestHandlerOptions,
  type RoomServiceApi,
} from '../../src/server/index.js';
import { joinSignalOnly } from './signal-participant.js';

interface Payload {
  sub: string;
  name?: string;
  exp: number;
  nbf: number;
  metadata?: string;
  attributes?: Record<string, string>;
  video: Record<string, unknown>;
}

/** The claims of a JWT, without checking it (the SFU and TokenVerifier check). */
function decode(token: string): Payload {
  const [, body] = token.split('.');
  return JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Payload;
}

let counter = 0;
const uniqueRoom = (): string => `node-${process.pid}-${++counter}`;

let sfu: Sfu;
let service: RoomServiceClient;
/** Every call the rooms under test made to the (real) RoomServiceClient, in order. */
const calls: Array<{ method: string; args: unknown[] }> = [];
let rooms: MediaRooms;

/** The real client, with each call noted before it is forwarded. */
function recording(client: RoomServiceClient): RoomServiceApi {
  return new Proxy(client, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push({ method: String(property), args });
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const callsTo = (method: string) => calls.filter((call) => call.method === method);

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

/** A real node:http server on 127.0.0.1 running `handler`, 404 for anything it passes on. */
async function serve(handler: NodeHandler): Promise<{ url: string; server: Server }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    void handler(req, res).then((handled) => {
      if (!handled) res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not ours');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

const servers: Server[] = [];
async function handlerUrl(options?: RequestHandlerOptions, handler?: NodeHandler): Promise<string> {
  const { url, server } = await serve(handler ?? createRequestHandler(rooms, options));
  servers.push(server);
  return url;
}

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function post(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  method = 'POST',
): Promise<Answer> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(method === 'POST' ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

before(async () => {
  sfu = await startSfu({ log: (line) => console.error(`[sfu] ${line}`) });
  service = new RoomServiceClient(sfu.httpUrl, sfu.apiKey, sfu.apiSecret);
  rooms = createMediaRooms({
    apiKey: sfu.apiKey,
    apiSecret: sfu.apiSecret,
    livekitUrl: sfu.url,
    roomService: recording(service),
  });
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

describe('createMediaRooms', () => {
  it('needs credentials and a URL, and derives the API URL from the client URL', async () => {
    assert.throws(
      () => createMediaRooms({ apiKey: '', apiSecret: 's', livekitUrl: sfu.url }),
      /apiKey and apiSecret are required/,
    );
    assert.throws(
      () => createMediaRooms({ apiKey: 'k', apiSecret: 's', livekitUrl: 'ftp://x' }),
      /ws\(s\) or http\(s\)/,
    );
    // No roomService given: the client is built from livekitUrl (ws → http) and really answers.
    const derived = createMediaRooms({
      apiKey: sfu.apiKey,
      apiSecret: sfu.apiSecret,
      livekitUrl: sfu.url,
    });
    assert.equal(derived.mediaUrl(), sfu.url);
    assert.ok(Array.isArray(await derived.listRooms()));
    const explicit = createMediaRooms({
      apiKey: sfu.apiKey,
      apiSecret: sfu.apiSecret,
      livekitUrl: 'wss://media.invalid',
      apiUrl: sfu.httpUrl,
    });
    assert.equal(explicit.mediaUrl(), 'wss://media.invalid');
    assert.ok(Array.isArray(await explicit.listRooms()));
  });

  it('createRoom creates with the defaults, then returns the existing room unchanged', async () => {
    const roomId = uniqueRoom();
    const created = await rooms.createRoom(roomId, { metadata: 'first' });
    assert.equal(created.roomId, roomId);
    assert.equal(created.numParticipants, 0);
    assert.equal(created.metadata, 'first');
    assert.ok(created.createdAt instanceof Date);
    assert.ok(Math.abs(created.createdAt.getTime() - Date.now()) < 60_000);
    const [raw] = await service.listRooms([roomId]);
    assert.equal(raw?.maxParticipants, 20);
    assert.equal(raw?.emptyTimeout, 300);

    const again = await rooms.createRoom(roomId, { metadata: 'second', maxParticipants: 2 });
    assert.deepEqual(again, created);
    const [still] = await service.listRooms([roomId]);
    assert.equal(still?.maxParticipants, 20);

    const custom = await rooms.createRoom(uniqueRoom(), { maxParticipants: 3, emptyTimeout: 30 });
    const [rawCustom] = await service.listRooms([custom.roomId]);
    assert.equal(rawCustom?.maxParticipants, 3);
    assert.equal(rawCustom?.emptyTimeout, 30);
    assert.equal(custom.metadata, '');
  });

  it('createRoom and deleteRoom refuse a bad room id before calling the server', async () => {
    const before = calls.length;
    await assert.rejects(rooms.createRoom('../etc'), /invalid room/);
    await assert.rejects(rooms.deleteRoom('a b'), /invalid room/);
    assert.equal(calls.length, before);
  });

  it('listRooms lists rooms with participant counts and Date creation times', async () => {
    const a = uniqueRoom();
    const b = uniqueRoom();
    await rooms.createRoom(a);
    await rooms.createRoom(b);
    const listed = await rooms.listRooms();
    for (const roomId of [a, b]) {
      const room = listed.find((entry) => entry.roomId === roomId);
      assert.ok(room, `${roomId} listed`);
      assert.equal(room.numParticipants, 0);
      assert.ok(room.createdAt instanceof Date && !Number.isNaN(room.createdAt.getTime()));
      assert.deepEqual(Object.keys(room).sort(), ['createdAt', 'numParticipants', 'roomId']);
    }
  });

  it('deleteRoom deletes, and is silent when the room does not exist', async () => {
    const roomId = uniqueRoom();
    await rooms.createRoom(roomId);
    await rooms.deleteRoom(roomId);
    assert.equal(
      (await rooms.listRooms()).some((room) => room.roomId === roomId),
      false,
    );
    await rooms.deleteRoom(roomId);
    await rooms.deleteRoom('never-existed');
  });

  it('generateToken without capabilities: publish, subscribe and data, not its own attributes, 10 minutes', async () => {
    const { token, url } = await rooms.generateToken('lobby', {
      identity: 'ann',
      name: '  Ann  ',
      metadata: '{"team":"a"}',
      attributes: { colour: 'teal' },
    });
    assert.equal(url, sfu.url);
    const payload = decode(token);
    assert.equal(payload.sub, 'ann');
    assert.equal(payload.name, 'Ann');
    assert.equal(payload.metadata, '{"team":"a"}');
    assert.equal(payload.exp - payload.nbf, 600);
    assert.deepEqual(payload.video, {
      roomJoin: true,
      room: 'lobby',
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
      canUpdateOwnMetadata: false,
    });
    assert.deepEqual(payload.attributes, {
      colour: 'teal',
      'mr.capabilities':
        'publish:camera,publish:microphone,publish:screen,subscribe:all,chat:send,reactions:send,hand:raise',
    });

    const viewer = decode(
      (await rooms.generateToken('lobby', { identity: 'v', canPublish: false, ttl: 60 })).token,
    );
    assert.equal(viewer.name, 'v');
    assert.equal(viewer.exp - viewer.nbf, 60);
    assert.equal(viewer.video.canPublish, false);
    assert.equal(viewer.video.canSubscribe, true);
    assert.equal(
      viewer.attributes?.['mr.capabilities'],
      'subscribe:all,chat:send,reactions:send,hand:raise',
    );
  });

  it('generateToken with capabilities: each maps onto its grant, flags ignored', async () => {
    const grantFor = async (capabilities: Capability[]) => {
      const { token } = await rooms.generateToken('stage', {
        identity: 'cap',
        capabilities,
        canPublish: true,
        canSubscribe: true,
      });
      return decode(token);
    };
    const none = {
      roomJoin: true,
      room: 'stage',
      canPublish: false,
      canSubscribe: false,
      canPublishData: false,
      canUpdateOwnMetadata: false,
      roomAdmin: false,
    };
    const expected: Array<[Capability[], Record<string, unknown>]> = [
      [[], {}],
      [['publish:camera'], { canPublish: true, canPublishSources: ['camera'] }],
      [['publish:microphone'], { canPublish: true, canPublishSources: ['microphone'] }],
      [
        ['publish:screen'],
        { canPublish: true, canPublishSources: ['screen_share', 'screen_share_audio'] },
      ],
      [['subscribe:all'], { canSubscribe: true }],
      [['chat:send'], { canPublishData: true }],
      [['reactions:send'], { canPublishData: true }],
      // A hand goes through the server (POST …/hand): no grant of its own.
      [['hand:raise'], {}],
      [['profile:update'], { canUpdateOwnMetadata: true }],
      [['moderate:participants'], { roomAdmin: true }],
      [
        ['publish:microphone', 'publish:camera', 'publish:camera', 'subscribe:all'],
        { canPublish: true, canPublishSources: ['microphone', 'camera'], canSubscribe: true },
      ],
    ];
    for (const [capabilities, grant] of expected) {
      const payload = await grantFor(capabilities);
      assert.deepEqual(payload.video, { ...none, ...grant }, capabilities.join(','));
      assert.equal(payload.attributes?.['mr.capabilities'], [...new Set(capabilities)].join(','));
    }
    const all = await grantFor([...CAPABILITIES]);
    assert.equal(all.attributes?.['mr.capabilities'], CAPABILITIES.join(','));
  });

  it('generateToken rejects unknown capabilities and bad room, identity or name', async () => {
    await assert.rejects(
      rooms.generateToken('r', {
        identity: 'x',
        capabilities: ['publish:camera', 'publish:everything' as Capability],
      }),
      (error: Error) =>
        error.message.includes('"publish:everything"') &&
        CAPABILITIES.every((capability) => error.message.includes(capability)),
    );
    await assert.rejects(
      rooms.generateToken('r', { identity: 'x', capabilities: 'chat:send' as never }),
      /capabilities must be an array/,
    );
    await assert.rejects(rooms.generateToken('../r', { identity: 'x' }), /invalid room/);
    await assert.rejects(rooms.generateToken('r', { identity: 'a b' }), /invalid identity/);
    await assert.rejects(
      rooms.generateToken('r', { identity: undefined as never }),
      /identity is required/,
    );
    await assert.rejects(
      rooms.generateToken('r', { identity: 'x', name: 'a\u0007b' }),
      /invalid name: name must not contain control characters/,
    );
    await assert.rejects(
      rooms.generateToken('r', { identity: 'x', name: 'n'.repeat(65) }),
      /invalid name/,
    );
  });

  it('a capability token joins the SFU with exactly the permissions it grants', async () => {
    const roomId = uniqueRoom();
    const { token } = await rooms.generateToken(roomId, {
      identity: 'viewer',
      capabilities: ['subscribe:all', 'chat:send', 'hand:raise'],
    });
    const peer = await connect(token);
    try {
      const joined = await waitFor('viewer joined', () => participantIn(roomId, 'viewer'));
      assert.equal(joined.permission?.canPublish, false);
      assert.equal(joined.permission?.canSubscribe, true);
      assert.equal(joined.permission?.canPublishData, true);
      assert.equal(joined.permission?.canUpdateMetadata, false);
      assert.equal(joined.attributes['mr.capabilities'], 'subscribe:all,chat:send,hand:raise');
    } finally {
      peer.leave();
    }
  });
});

describe('createRequestHandler: token routes', () => {
  it('answers tokens on both routes with no-store, and passes other paths on', async () => {
    const url = await handlerUrl();
    const byRoom = await post(`${url}/api/token?x=1`, { room: 'hall', identity: 'ann' });
    assert.equal(byRoom.status, 200);
    assert.equal(byRoom.headers.get('cache-control'), 'no-store');
    assert.match(byRoom.headers.get('content-type') ?? '', /^application\/json/);
    assert.equal(byRoom.body.url, sfu.url);
    const payload = decode(byRoom.body.token as string);
    assert.equal(payload.sub, 'ann');
    assert.deepEqual(payload.video, {
      roomJoin: true,
      room: 'hall',
      canPublish: true,
      canSubscribe: true,
      canPublishData: true,
      canUpdateOwnMetadata: false,
    });

    const byPath = await post(`${url}/api/rooms/some%20where/join`, { name: 'Bo' });
    assert.equal(byPath.status, 400);
    assert.equal(byPath.body.field, 'room');
    const guest = await post(`${url}/api/rooms/hall/join`, { room: 'ignored', name: 'Bo' });
    assert.equal(guest.status, 200);
    const guestPayload = decode(guest.body.token as string);
    assert.match(guestPayload.sub, /^guest-[0-9a-f]{8}$/);
    assert.equal(guestPayload.name, 'Bo');
    assert.equal(guestPayload.video.room, 'hall');

    const other = await post(`${url}/api/rooms/hall/leave`, {});
    assert.equal(other.status, 404);
    assert.equal(other.body.text, 'not ours');
  });

  it('refuses bad input: 400 with field, 405, 413, 415, invalid JSON', async () => {
    const url = await handlerUrl();
    const badRoom = await post(`${url}/api/token`, { room: '../../etc', identity: 'x' });
    assert.equal(badRoom.status, 400);
    assert.equal(badRoom.body.field, 'room');
    assert.equal(badRoom.headers.get('cache-control'), 'no-store');
    const badName = await post(`${url}/api/rooms/ok/join`, { name: 'a\u0000b' });
    assert.deepEqual(badName.body.field, 'name');
    const badIdentity = await post(`${url}/api/rooms/ok/join`, { identity: 'no spaces' });
    assert.equal(badIdentity.body.field, 'identity');
    const notObject = await post(`${url}/api/rooms/ok/join`, [1]);
    assert.equal(notObject.body.field, 'body');

    const get = await post(`${url}/api/token`, undefined, {}, 'GET');
    assert.equal(get.status, 405);
    assert.equal(get.headers.get('allow'), 'POST');
    const tooLarge = await post(`${url}/api/token`, { room: 'r', pad: 'x'.repeat(17_000) });
    assert.equal(tooLarge.status, 413);
    const text = await post(`${url}/api/token`, 'room=r', { 'content-type': 'text/plain' });
    assert.equal(text.status, 415);
    const broken = await post(`${url}/api/token`, '{"room":');
    assert.equal(broken.status, 400);
    assert.equal(broken.body.error, 'request body is not valid JSON');
  });

  it('resolveJoin decides the grant, can rename, and can refuse with 403', async () => {
    const seen: string[] = [];
    const url = await handlerUrl({
      ttl: 120,
      resolveJoin: (join, req) => {
        seen.push(`${join.room}/${join.identity}/${req.headers['x-user'] ?? ''}`);
        if (req.headers['x-user'] === 'banned') return false;
        if (req.headers['x-user'] === 'host') {
          return { identity: 'host-1', capabilities: ['moderate:participants', 'subscribe:all'] };
        }
        return undefined;
      },
    });
    const host = await post(`${url}/api/rooms/stage/join`, { identity: 'h' }, { 'x-user': 'host' });
    assert.equal(host.status, 200);
    const payload = decode(host.body.token as string);
    assert.equal(payload.sub, 'host-1');
    assert.equal(payload.name, 'host-1');
    assert.equal(payload.video.roomAdmin, true);
    assert.equal(payload.video.canPublish, false);
    assert.equal(payload.exp - payload.nbf, 120);

    const plain = await post(`${url}/api/rooms/stage/join`, { identity: 'p' });
    assert.equal(decode(plain.body.token as string).video.canPublish, true);

    const banned = await post(
      `${url}/api/rooms/stage/join`,
      { identity: 'b' },
      { 'x-user': 'banned' },
    );
    assert.equal(banned.status, 403);
    assert.equal(banned.headers.get('cache-control'), 'no-store');
    assert.deepEqual(seen, ['stage/h/host', 'stage/p/', 'stage/b/banned']);
  });

  it('e2eeKey: a join reply carries the room key, the same for everyone in that room', async () => {
    const keys = roomKeysFromSecret('a key secret', (room) => room !== 'open');
    const url = await handlerUrl({ e2eeKey: keys });
    const ann = await post(`${url}/api/rooms/vault/join`, { identity: 'ann' });
    const bo = await post(`${url}/api/token`, { room: 'vault', identity: 'bo' });
    const lobby = await post(`${url}/api/rooms/lobby/join`, { identity: 'ann' });
    const open = await post(`${url}/api/rooms/open/join`, { identity: 'ann' });
    assert.equal(ann.status, 200);
    assert.match(ann.body.e2eeKey as string, /^[\w-]{43}$/);
    assert.equal(bo.body.e2eeKey, ann.body.e2eeKey);
    assert.notEqual(lobby.body.e2eeKey, ann.body.e2eeKey);
    assert.equal('e2eeKey' in open.body, false);
    const without = await post(`${await handlerUrl()}/api/rooms/vault/join`, { identity: 'ann' });
    assert.equal('e2eeKey' in without.body, false);
    // A resolver that gives something unusable is the server's fault, not the caller's.
    const broken = await handlerUrl({ e2eeKey: () => '' as string });
    assert.equal((await post(`${broken}/api/rooms/vault/join`, { identity: 'ann' })).status, 500);
    assert.throws(() => roomKeysFromSecret(''), /needs a secret/);
  });

  it('works behind a body parser that has already read the request (express.json style)', async () => {
    const handler = createRequestHandler(rooms);
    const parsed: NodeHandler = async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') });
      return handler(req, res);
    };
    const url = await handlerUrl(undefined, parsed);
    const good = await post(`${url}/api/token`, { room: 'parsed', identity: 'pre' });
    assert.equal(good.status, 200);
    assert.equal(decode(good.body.token as string).sub, 'pre');
    const bad = await post(`${url}/api/token`, { room: '../x' });
    assert.equal(bad.body.field, 'room');
  });

  it('createTokenHandler still serves the token routes, and no moderation', async () => {
    const url = await handlerUrl(
      undefined,
      createTokenHandler({ apiKey: sfu.apiKey, apiSecret: sfu.apiSecret, livekitUrl: sfu.url }),
    );
    const good = await post(`${url}/api/rooms/ok/join`, { identity: 'someone' });
    assert.equal(good.status, 200);
    assert.equal(good.headers.get('cache-control'), 'no-store');
    assert.equal(good.body.url, sfu.url);
    assert.equal((await post(`${url}/api/token`, { room: '../x' })).body.field, 'room');
    assert.equal((await post(`${url}/api/token`, {}, {}, 'PUT')).status, 405);
    const moderate = await post(`${url}/api/rooms/ok/moderate`, {});
    assert.equal(moderate.body.text, 'not ours');
    // The hand route is served: participants do not write their own attributes.
    assert.equal((await post(`${url}/api/rooms/ok/hand`, { raised: true })).status, 401);
  });
});

describe('createRequestHandler: moderation', () => {
  let url: string;
  let roomId: string;
  let moderator: string;

  before(async () => {
    url = await handlerUrl();
    roomId = uniqueRoom();
    moderator = (
      await rooms.generateToken(roomId, {
        identity: 'mod',
        capabilities: ['moderate:participants', 'subscribe:all'],
      })
    ).token;
  });

  const moderate = (body: unknown, token?: string, room = roomId) =>
    post(
      `${url}/api/rooms/${encodeURIComponent(room)}/moderate`,
      body,
      token === undefined ? {} : { authorization: `Bearer ${token}` },
    );

  it('401 without a token, or with a forged, foreign or expired one', async () => {
    const body = { action: 'remove', identity: 'someone' };
    const missing = await moderate(body);
    assert.equal(missing.status, 401);
    assert.equal(missing.headers.get('www-authenticate'), 'Bearer');
    assert.equal(missing.headers.get('cache-control'), 'no-store');
    assert.equal((await moderate(body, 'not-a-jwt')).status, 401);
    const [head, claims] = moderator.split('.');
    assert.equal((await moderate(body, `${head}.${claims}.forged-signature`)).status, 401);

    const foreign = new AccessToken(sfu.apiKey, 'another-secret-of-enough-length', {
      identity: 'mod',
    });
    foreign.addGrant({ roomJoin: true, room: roomId, roomAdmin: true });
    assert.equal((await moderate(body, await foreign.toJwt())).status, 401);

    const expired = new AccessToken(sfu.apiKey, sfu.apiSecret, { identity: 'mod', ttl: -600 });
    expired.addGrant({ roomJoin: true, room: roomId, roomAdmin: true });
    const answer = await moderate(body, await expired.toJwt());
    assert.equal(answer.status, 401);
    assert.equal(JSON.stringify(answer.body).includes('eyJ'), false, 'no token echoed');
  });

  it('403 for a participant token, or a moderator of another room', async () => {
    const body = { action: 'remove', identity: 'someone' };
    const participant = await rooms.generateToken(roomId, { identity: 'p' });
    const refused = await moderate(body, participant.token);
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('cache-control'), 'no-store');
    const elsewhere = await rooms.generateToken('other-room', {
      identity: 'mod',
      capabilities: ['moderate:participants'],
    });
    assert.equal((await moderate(body, elsewhere.token)).status, 403);
    // A moderator's token for this room is not one for a room whose name merely contains it.
    assert.equal((await moderate(body, moderator, `${roomId}x`)).status, 403);
  });

  it('accepts roomAdmin, or the moderate:participants capability attribute alone', async () => {
    const byAttribute = new AccessToken(sfu.apiKey, sfu.apiSecret, {
      identity: 'mod2',
      attributes: { 'mr.capabilities': 'subscribe:all,moderate:participants' },
    });
    byAttribute.addGrant({ roomJoin: true, room: roomId });
    const answer = await moderate(
      { action: 'lower-hand', identity: 'nobody-here' },
      await byAttribute.toJwt(),
    );
    assert.equal(answer.status, 404); // authorised; the participant is simply not there
  });

  it('400 for bad input, 405 for other methods', async () => {
    const cases: Array<[unknown, string]> = [
      [{ action: 'ban', identity: 'x' }, 'action'],
      [{ identity: 'x' }, 'action'],
      [{ action: 'remove' }, 'identity'],
      [{ action: 'remove', identity: 'not valid' }, 'identity'],
      [{ action: 'mute', identity: 'x', trackSid: 42 }, 'trackSid'],
      [{ action: 'mute', identity: 'x', trackSid: 'PA_abc' }, 'trackSid'],
      [['remove'], 'body'],
    ];
    for (const [body, field] of cases) {
      const answer = await moderate(body, moderator);
      assert.equal(answer.status, 400, JSON.stringify(body));
      assert.equal(answer.body.field, field, JSON.stringify(body));
      assert.equal(answer.headers.get('cache-control'), 'no-store');
    }
    assert.equal((await moderate('{"action":', moderator)).status, 400);
    const badRoom = await moderate({ action: 'remove', identity: 'x' }, moderator, 'a b');
    assert.equal(badRoom.status, 400);
    assert.equal(badRoom.body.field, 'room');
    const get = await post(`${url}/api/rooms/${roomId}/moderate`, undefined, {}, 'GET');
    assert.equal(get.status, 405);
  });

  it('404 for a participant or room the SFU does not know, for every action', async () => {
    for (const action of ['mute', 'remove', 'promote', 'lower-hand']) {
      const answer = await moderate({ action, identity: 'ghost' }, moderator);
      assert.equal(answer.status, 404, action);
      assert.deepEqual(answer.body, { error: 'participant not found' });
    }
    const token = (
      await rooms.generateToken('no-such-room', {
        identity: 'mod',
        capabilities: ['moderate:participants'],
      })
    ).token;
    const answer = await moderate({ action: 'remove', identity: 'ghost' }, token, 'no-such-room');
    assert.equal(answer.status, 404);
  });

  it('lower-hand clears mr.hand on a connected participant', async () => {
    const { token } = await rooms.generateToken(roomId, {
      identity: 'raiser',
      capabilities: ['subscribe:all', 'hand:raise'],
      attributes: { 'mr.hand': '2026-01-01T10:00:00.000Z' },
    });
    const peer = await connect(token);
    try {
      const joined = await waitFor('raiser joined', () => participantIn(roomId, 'raiser'));
      assert.equal(joined.attributes['mr.hand'], '2026-01-01T10:00:00.000Z');
      calls.length = 0;
      const answer = await moderate({ action: 'lower-hand', identity: 'raiser' }, moderator);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { ok: true });
      assert.equal(answer.headers.get('cache-control'), 'no-store');
      assert.deepEqual(callsTo('updateParticipant')[0]?.args, [
        roomId,
        'raiser',
        { attributes: { 'mr.hand': '' } },
      ]);
      const after = await participantIn(roomId, 'raiser');
      assert.equal(after?.attributes['mr.hand'], undefined);
      assert.equal(after?.attributes['mr.capabilities'], 'subscribe:all,hand:raise');
    } finally {
      peer.leave();
    }
  });

  it('promote lets a viewer publish camera and microphone, keeping its other permissions', async () => {
    const { token } = await rooms.generateToken(roomId, {
      identity: 'viewer',
      capabilities: ['subscribe:all', 'chat:send', 'hand:raise'],
    });
    const peer = await connect(token);
    try {
      const joined = await waitFor('viewer joined', () => participantIn(roomId, 'viewer'));
      assert.equal(joined.permission?.canPublish, false);
      calls.length = 0;
      const answer = await moderate({ action: 'promote', identity: 'viewer' }, moderator);
      assert.equal(answer.status, 200);
      const update = callsTo('updateParticipant')[0]?.args as [
        string,
        string,
        { permission: object },
      ];
      assert.equal(update[0], roomId);
      assert.equal(update[1], 'viewer');
      assert.equal((update[2].permission as { canPublish: boolean }).canPublish, true);
      const promoted = await participantIn(roomId, 'viewer');
      assert.equal(promoted?.permission?.canPublish, true);
      assert.deepEqual(promoted?.permission?.canPublishSources, [
        TrackSource.CAMERA,
        TrackSource.MICROPHONE,
      ]);
      assert.equal(promoted?.permission?.canSubscribe, true);
      assert.equal(promoted?.permission?.canPublishData, true);
      assert.equal(promoted?.permission?.canUpdateMetadata, false, 'still not its own attributes');
    } finally {
      peer.leave();
    }
  });

  it('promote keeps "every source" for a participant that could already publish', async () => {
    const { token } = await rooms.generateToken(roomId, { identity: 'speaker' });
    const peer = await connect(token);
    try {
      await waitFor('speaker joined', () => participantIn(roomId, 'speaker'));
      const answer = await moderate({ action: 'promote', identity: 'speaker' }, moderator);
      assert.equal(answer.status, 200);
      const after = await participantIn(roomId, 'speaker');
      assert.equal(after?.permission?.canPublish, true);
      assert.deepEqual(after?.permission?.canPublishSources, []);
      assert.equal(after?.permission?.canSubscribe, true);
    } finally {
      peer.leave();
    }
  });

  it('mute: 404 for an unknown track, nothing to mute without tracks', async () => {
    const { token } = await rooms.generateToken(roomId, { identity: 'quiet' });
    const peer = await connect(token);
    try {
      await waitFor('quiet joined', () => participantIn(roomId, 'quiet'));
      calls.length = 0;
      const unknown = await moderate(
        { action: 'mute', identity: 'quiet', trackSid: 'TR_doesnotexist' },
        moderator,
      );
      assert.equal(unknown.status, 404);
      assert.deepEqual(unknown.body, { error: 'track not found' });
      const all = await moderate({ action: 'mute', identity: 'quiet' }, moderator);
      assert.equal(all.status, 200);
      assert.equal(callsTo('mutePublishedTrack').length, 0);
    } finally {
      peer.leave();
    }
  });

  it('remove disconnects a connected participant; removing again is 404', async () => {
    const { token } = await rooms.generateToken(roomId, { identity: 'leaver' });
    const peer = await connect(token);
    try {
      await waitFor('leaver joined', () => participantIn(roomId, 'leaver'));
      const answer = await moderate({ action: 'remove', identity: 'leaver' }, moderator);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, { ok: true });
      await waitFor('leaver gone', async () =>
        (await participantIn(roomId, 'leaver')) ? undefined : true,
      );
      const again = await moderate({ action: 'remove', identity: 'leaver' }, moderator);
      assert.equal(again.status, 404);
    } finally {
      peer.leave();
    }
  });
});

describe('createRequestHandler: hand', () => {
  let url: string;
  let roomId: string;

  before(async () => {
    url = await handlerUrl();
    roomId = uniqueRoom();
  });

  const hand = (body: unknown, token?: string, room = roomId) =>
    post(
      `${url}/api/rooms/${encodeURIComponent(room)}/hand`,
      body,
      token === undefined ? {} : { authorization: `Bearer ${token}` },
    );
  const tokenOf = async (identity: string, capabilities: Capability[], room = roomId) =>
    (await rooms.generateToken(room, { identity, capabilities })).token;

  it('401 without a token, or with a forged one', async () => {
    const missing = await hand({ raised: true });
    assert.equal(missing.status, 401);
    assert.equal(missing.headers.get('www-authenticate'), 'Bearer');
    assert.equal(missing.headers.get('cache-control'), 'no-store');
    const [head, claims] = (await tokenOf('h', ['hand:raise'])).split('.');
    assert.equal((await hand({ raised: true }, `${head}.${claims}.forged`)).status, 401);
  });

  it('403 without hand:raise in the token, or for another room', async () => {
    assert.equal((await hand({ raised: true }, await tokenOf('h', ['subscribe:all']))).status, 403);
    // A token from elsewhere lists no capabilities: even a room admin's is refused here.
    const admin = new AccessToken(sfu.apiKey, sfu.apiSecret, { identity: 'admin' });
    admin.addGrant({ roomJoin: true, room: roomId, roomAdmin: true, canUpdateOwnMetadata: true });
    const refused = await hand({ raised: true }, await admin.toJwt());
    assert.equal(refused.status, 403);
    assert.match(String(refused.body.error), /raising a hand/);
    const elsewhere = await tokenOf('h', ['hand:raise'], 'other-room');
    assert.equal((await hand({ raised: true }, elsewhere)).status, 403);
  });

  it('400 unless raised is a boolean, 405 for other methods, 404 when not in the room', async () => {
    const token = await tokenOf('absent', ['hand:raise']);
    for (const body of [{}, { raised: 'yes' }, { raised: 1 }, [true]]) {
      const answer = await hand(body, token);
      assert.equal(answer.status, 400, JSON.stringify(body));
    }
    assert.equal((await hand({ raised: null }, token)).body.field, 'raised');
    const get = await post(`${url}/api/rooms/${roomId}/hand`, undefined, {}, 'GET');
    assert.equal(get.status, 405);
    const absent = await hand({ raised: true }, token);
    assert.equal(absent.status, 404);
  });

  it("sets mr.hand to the server's time, keeps it when raised again, clears it", async () => {
    const token = await tokenOf('raiser', ['subscribe:all', 'hand:raise']);
    const peer = await connect(token);
    try {
      await waitFor('raiser joined', () => participantIn(roomId, 'raiser'));
      calls.length = 0;
      const before = Date.now();
      const raised = await hand({ raised: true }, token);
      const after = Date.now();
      assert.equal(raised.status, 200);
      assert.equal(raised.headers.get('cache-control'), 'no-store');
      const stamp = raised.body.hand as string;
      assert.equal(new Date(stamp).toISOString(), stamp, 'an ISO time');
      assert.ok(Date.parse(stamp) >= before && Date.parse(stamp) <= after, 'now, on the server');
      assert.deepEqual(callsTo('updateParticipant')[0]?.args, [
        roomId,
        'raiser',
        { attributes: { 'mr.hand': stamp } },
      ]);
      assert.equal((await participantIn(roomId, 'raiser'))?.attributes['mr.hand'], stamp);

      calls.length = 0;
      const again = await hand({ raised: true }, token);
      assert.equal(again.body.hand, stamp, 'the first time stays');
      assert.equal(callsTo('updateParticipant').length, 0);

      const lowered = await hand({ raised: false }, token);
      assert.deepEqual(lowered.body, { ok: true, hand: '' });
      const down = await participantIn(roomId, 'raiser');
      assert.equal(down?.attributes['mr.hand'], undefined);
      assert.equal(down?.attributes['mr.capabilities'], 'subscribe:all,hand:raise');
    } finally {
      peer.leave();
    }
  });

  it("acts only on the token's own identity, whatever the body names", async () => {
    const mine = await tokenOf('me', ['hand:raise']);
    const theirs = await tokenOf('them', ['hand:raise']);
    const [me, them] = await Promise.all([connect(mine), connect(theirs)]);
    try {
      await waitFor('me joined', () => participantIn(roomId, 'me'));
      await waitFor('them joined', () => participantIn(roomId, 'them'));
      calls.length = 0;
      const answer = await hand({ raised: true, identity: 'them' }, mine);
      assert.equal(answer.status, 200);
      assert.deepEqual(
        callsTo('updateParticipant').map((call) => call.args[1]),
        ['me'],
      );
      assert.ok((await participantIn(roomId, 'me'))?.attributes['mr.hand']);
      assert.equal((await participantIn(roomId, 'them'))?.attributes['mr.hand'], undefined);
    } finally {
      me.leave();
      them.leave();
    }
  });

  it('is not served with hands: false', async () => {
    const off = await handlerUrl({ hands: false });
    const answer = await post(`${off}/api/rooms/${roomId}/hand`, { raised: true });
    assert.equal(answer.body.text, 'not ours');
  });
});

describe('dev/token-server.ts', () => {
  it('mounts the full request handler: tokens and moderation', async () => {
    const server = await startTokenServer({
      apiKey: sfu.apiKey,
      apiSecret: sfu.apiSecret,
      livekitUrl: sfu.url,
    });
    const logged: unknown[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void logged.push(args.join(' '));
    try {
      const token = await post(`${server.url}/api/rooms/dev/join`, { identity: 'dev' });
      assert.equal(token.status, 200);
      const { token: moderator } = await rooms.generateToken('dev', {
        identity: 'mod',
        capabilities: ['moderate:participants'],
      });
      const unauthenticated = await post(`${server.url}/api/rooms/dev/moderate`, {});
      assert.equal(unauthenticated.status, 401);
      const ghost = await post(
        `${server.url}/api/rooms/dev/moderate?t=1`,
        { action: 'remove', identity: 'ghost' },
        { authorization: `Bearer ${moderator}` },
      );
      assert.equal(ghost.status, 404);
      assert.equal((await post(`${server.url}/elsewhere`, {})).status, 404);
    } finally {
      console.log = log;
      await server.close();
    }
    // One line per request, never a token.
    assert.deepEqual(logged, [
      'POST /api/rooms/dev/join 200',
      'POST /api/rooms/dev/moderate 401',
      'POST /api/rooms/dev/moderate 404',
      'POST /elsewhere 404',
    ]);
  });
});
