/**
 * `RoomSession` under plain Node (no DOM, no livekit-server): the token endpoint and the
 * moderation endpoint are played by a loopback HTTP server started here. What needs a connected
 * Room (publishing, the wrong-room check, moderation through the store) is left to the browser
 * tests: livekit-client's `room.connect()` needs a browser (it reads `navigator`).
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it, type TestContext } from 'node:test';
import { inspect } from 'node:util';
import { DisconnectReason, Room, RoomEvent } from 'livekit-client';
import {
  DevicePreferences,
  REJOIN_DELAYS,
  REJOIN_REASONS,
  RoomFailure,
  RoomSession,
  deviceStorageKey,
  fetchConnectionDetails,
  moderationUrlFor,
  postModeration,
  type PreferenceStorage,
} from '../../src/session/index.js';
import { serverTransports } from '../../src/session/moderation.js';
import type { RoomStoreEvent } from '../../src/store/room-store.js';

interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  /** Set when the client went away before the reply was sent. */
  aborted: boolean;
}

let server: Server;
let base = '';
const seen: Seen[] = [];

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** The token and moderation endpoints, one behaviour per path. */
function handle(req: IncomingMessage, res: ServerResponse, entry: Seen): void {
  const { path } = entry;
  const status = /^\/status\/(\d+)/.exec(path);
  if (status) {
    const code = Number(status[1]);
    send(res, code, { error: `refused with ${code}` });
  } else if (path === '/ok' || path === '/echo') {
    send(res, 200, { token: 'token-a', url: 'wss://sfu.example.test' });
  } else if (path === '/ok-key') {
    send(res, 200, { token: 'token-a', url: 'wss://sfu.example.test', e2eeKey: 'room key' });
  } else if (path === '/bad-key') {
    send(res, 200, { token: 'token-a', url: 'wss://sfu.example.test', e2eeKey: 42 });
  } else if (path === '/ok-alt') {
    send(res, 200, { participantToken: 'token-b', serverUrl: 'wss://alt.example.test' });
  } else if (path === '/html') {
    send(res, 200, '<!doctype html><p>Not an API', 'text/html');
  } else if (path === '/no-url') {
    send(res, 200, { token: 'token-a' });
  } else if (path === '/empty-object') {
    send(res, 200, { token: '', url: 42 });
  } else if (path === '/hold') {
    // Never answers: the client times out or aborts.
  } else if (path.endsWith('/hand')) {
    if (req.headers.authorization === 'Bearer hand-token') res.writeHead(204).end();
    else send(res, 403, { error: 'the token does not allow raising a hand in this room' });
  } else if (path.endsWith('/moderate')) {
    if (req.headers.authorization === 'Bearer moderator-token') res.writeHead(204).end();
    else send(res, 403, { error: 'not allowed to moderate' });
  } else {
    send(res, 404, { error: 'no such route' });
  }
}

before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const entry: Seen = {
        method: req.method ?? '',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        aborted: false,
      };
      seen.push(entry);
      res.on('close', () => (entry.aborted = !res.writableFinished));
      handle(req, res, entry);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** A loopback port nobody listens on. */
async function refusedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Let pending I/O callbacks and microtasks run (not a timer: those may be mocked). */
const turn = () => new Promise((resolve) => setImmediate(resolve));

async function until(check: () => boolean, what: string, turns = 2_000): Promise<void> {
  for (let i = 0; i < turns; i++) {
    if (check()) return;
    await turn();
  }
  assert.fail(`timed out waiting for ${what}`);
}

/** The error the session's store shows after `connect()` with `config`. */
async function joinError(config: ConstructorParameters<typeof RoomSession>[0]) {
  const session = new RoomSession(config);
  await session.connect();
  await session.store.settled();
  const { error, connection } = session.store.get();
  await session.leave();
  return { error, connection };
}

const signal = () => new AbortController().signal;

describe('RoomSession.connect(): token errors as the store shows them', () => {
  const cases: [string, string, string | RegExp][] = [
    ['/status/401', 'token-unauthorized', 'HTTP 401: refused with 401'],
    ['/status/403', 'token-forbidden', 'HTTP 403: refused with 403'],
    ['/status/404', 'token-not-found', 'HTTP 404: refused with 404'],
    ['/status/422', 'token-rejected', 'HTTP 422: refused with 422'],
    ['/status/429', 'token-rejected', 'HTTP 429: refused with 429'],
    ['/status/500', 'token-server-error', 'HTTP 500: refused with 500'],
    ['/status/503', 'token-server-error', 'HTTP 503: refused with 503'],
    ['/html', 'token-invalid-reply', 'not JSON (text/html)'],
    ['/no-url', 'token-invalid-reply', 'missing url'],
    ['/empty-object', 'token-invalid-reply', 'missing token, url'],
    ['/bad-key', 'token-invalid-reply', 'missing a usable e2eeKey'],
  ];
  for (const [path, code, detail] of cases) {
    it(`${path} → ${code}`, async () => {
      const { error, connection } = await joinError({ tokenUrl: base + path });
      assert.equal(error?.code, code);
      assert.equal(error?.fatal, true);
      if (typeof detail === 'string') assert.equal(error?.detail, detail);
      assert.equal(connection.phase, 'disconnected', 'a fatal error ends the connecting phase');
    });
  }

  it('a reply slower than tokenTimeout → token-timeout (and the request is dropped)', async () => {
    const before = seen.length;
    const started = Date.now();
    const { error } = await joinError({ tokenUrl: `${base}/hold`, tokenTimeout: 150 });
    assert.equal(error?.code, 'token-timeout');
    assert.equal(error?.detail, '150 ms');
    assert.ok(Date.now() - started < 5_000, 'gave up in about tokenTimeout');
    await until(() => seen[before]?.aborted === true, 'the held request to be dropped');
  });

  it('a refused port → token-network', async () => {
    const port = await refusedPort();
    const { error } = await joinError({ tokenUrl: `http://127.0.0.1:${port}/api/token` });
    assert.equal(error?.code, 'token-network');
    assert.ok(error?.detail, 'the network error is in the detail');
  });

  it('neither a token URL nor a token with a server URL → not-configured, no request', async () => {
    const before = seen.length;
    assert.equal((await joinError({})).error?.code, 'not-configured');
    assert.equal((await joinError({ token: 'only-a-token' })).error?.code, 'not-configured');
    assert.equal((await joinError({ serverUrl: 'wss://x.test' })).error?.code, 'not-configured');
    assert.equal(seen.length, before);
  });

  it('a fresh session (no Room made yet) fetches on its first connect()', async () => {
    const before = seen.length;
    const session = new RoomSession({ tokenUrl: `${base}/status/500` });
    await session.connect();
    await session.store.settled();
    assert.equal(seen.length, before + 1, 'the first connect() asked for a token');
    assert.equal(session.store.get().error?.code, 'token-server-error');
  });

  it('a token accepted in either reply shape goes on to connect (no token-* error)', async () => {
    for (const path of ['/ok', '/ok-alt']) {
      const { error } = await joinError({ tokenUrl: base + path });
      // In Node, livekit-client's connect itself fails (it needs a browser): not a token error.
      assert.ok(error && !error.code.startsWith('token-'), `${path}: ${error?.code}`);
    }
  });

  it('a given token and server URL are used as they are (no request)', async () => {
    const before = seen.length;
    const { error } = await joinError({ token: 'given', serverUrl: 'ws://127.0.0.1:9' });
    assert.equal(seen.length, before);
    assert.ok(error && !error.code.startsWith('token-'), String(error?.code));
  });
});

describe('fetchConnectionDetails', () => {
  const request = (tokenUrl: string, method = 'POST') => ({
    tokenUrl,
    method,
    body: { room: 'standup', identity: 'ada', name: '' },
    timeoutMs: 5_000,
    signal: signal(),
  });

  it('reads { token, url } and { participantToken, serverUrl }', async () => {
    assert.deepEqual(await fetchConnectionDetails(request(`${base}/ok`)), {
      token: 'token-a',
      url: 'wss://sfu.example.test',
    });
    assert.deepEqual(await fetchConnectionDetails(request(`${base}/ok-alt`)), {
      token: 'token-b',
      url: 'wss://alt.example.test',
    });
  });

  it('reads an end-to-end encryption key beside them (e2eeKey), and none when absent', async () => {
    assert.deepEqual(await fetchConnectionDetails(request(`${base}/ok-key`)), {
      token: 'token-a',
      url: 'wss://sfu.example.test',
      e2eeKey: 'room key',
    });
    assert.equal('e2eeKey' in (await fetchConnectionDetails(request(`${base}/ok`))), false);
  });

  it('POST sends the non-empty fields as a JSON body', async () => {
    await fetchConnectionDetails(request(`${base}/echo?keep=1`, 'post'));
    const last = seen.at(-1)!;
    assert.equal(last.method, 'POST');
    assert.equal(last.headers['content-type'], 'application/json');
    assert.equal(last.headers.accept, 'application/json');
    assert.deepEqual(JSON.parse(last.body), { room: 'standup', identity: 'ada' });
    assert.equal(last.query.get('keep'), '1', 'the URL keeps its own query');
    assert.equal(last.query.get('room'), null);
  });

  it('GET sends them as query parameters, with no body', async () => {
    await fetchConnectionDetails(request(`${base}/echo?keep=1`, 'GET'));
    const last = seen.at(-1)!;
    assert.equal(last.method, 'GET');
    assert.equal(last.body, '');
    assert.equal(last.headers['content-type'], undefined);
    assert.equal(last.query.get('room'), 'standup');
    assert.equal(last.query.get('identity'), 'ada');
    assert.equal(last.query.has('name'), false, 'empty fields are left out');
    assert.equal(last.query.get('keep'), '1');
  });

  it('rejects with a RoomFailure carrying the code and the server error', async () => {
    await assert.rejects(fetchConnectionDetails(request(`${base}/status/418`)), (error) => {
      assert.ok(error instanceof RoomFailure);
      assert.equal(error.code, 'token-rejected');
      assert.equal(error.detail, 'HTTP 418: refused with 418');
      return true;
    });
  });

  it("an abort by the caller is the caller's AbortError, not a token error", async () => {
    const abort = new AbortController();
    const pending = fetchConnectionDetails({ ...request(`${base}/hold`), signal: abort.signal });
    await until(() => seen.at(-1)?.path === '/hold' && !seen.at(-1)?.aborted, 'the request');
    abort.abort();
    await assert.rejects(pending, (error) => !(error instanceof RoomFailure));
  });
});

describe('RoomSession.leave() during a join', () => {
  it('aborts the token request and reports no error', async () => {
    const session = new RoomSession({ tokenUrl: `${base}/hold`, tokenTimeout: 30_000 });
    const before = seen.length;
    const joining = session.connect();
    assert.equal(session.joining, true);
    await until(() => seen.length > before, 'the token request');
    const held = seen[before]!;
    await session.leave();
    await joining;
    await session.store.settled();
    assert.equal(session.joining, false);
    assert.equal(session.store.get().error, undefined, 'leaving is not an error');
    await until(() => held.aborted, 'the token request to be aborted');
  });

  it('leaves the connection phase out of connecting', async () => {
    const session = new RoomSession({ tokenUrl: `${base}/hold`, tokenTimeout: 30_000 });
    const before = seen.length;
    const joining = session.connect();
    await until(() => seen.length > before, 'the token request');
    await session.leave();
    await joining;
    await session.store.settled();
    assert.notEqual(session.store.get().connection.phase, 'connecting');
  });

  it('a second connect() supersedes the first (only the last one reports)', async () => {
    const session = new RoomSession({ tokenUrl: `${base}/hold`, tokenTimeout: 30_000 });
    const first = session.connect();
    session.configure({ tokenUrl: `${base}/status/403` });
    const second = session.connect();
    await Promise.all([first, second]);
    await session.store.settled();
    assert.equal(session.store.get().error?.code, 'token-forbidden');
    await session.leave();
  });
});

describe('moderation transport', () => {
  it('moderationUrlFor: beside a …/join URL, next to /api/token, else none', () => {
    const at = 'http://127.0.0.1:8080';
    assert.equal(
      moderationUrlFor(`${at}/api/rooms/standup/join`, 'ignored'),
      `${at}/api/rooms/standup/moderate`,
    );
    assert.equal(
      moderationUrlFor(`${at}/api/rooms/standup/join/?x=1#h`, ''),
      `${at}/api/rooms/standup/moderate`,
      'a trailing slash, the query and the hash go',
    );
    assert.equal(
      moderationUrlFor(`${at}/api/token`, 'standup'),
      `${at}/api/rooms/standup/moderate`,
    );
    assert.equal(
      moderationUrlFor(`${at}/base/api/token/?room=x`, 'a b/c'),
      `${at}/base/api/rooms/a%20b%2Fc/moderate`,
      'the room name is encoded',
    );
    assert.equal(moderationUrlFor(`${at}/api/token`, ''), undefined, '/api/token needs a room');
    assert.equal(moderationUrlFor(`${at}/token`, 'standup'), undefined);
    assert.equal(moderationUrlFor(`${at}/api/joins`, 'standup'), undefined);
    assert.equal(moderationUrlFor('', 'standup'), undefined);
  });

  it('postModeration sends the request with the Bearer token', async () => {
    const request = { action: 'mute', identity: 'bob', source: 'microphone' } as const;
    await postModeration(`${base}/api/rooms/standup/moderate`, 'moderator-token', request);
    const last = seen.at(-1)!;
    assert.equal(last.method, 'POST');
    assert.equal(last.headers.authorization, 'Bearer moderator-token');
    assert.equal(last.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(last.body), request);
  });

  it("postModeration rejects with the server's error", async () => {
    await assert.rejects(
      postModeration(`${base}/api/rooms/standup/moderate`, 'someone-else', {
        action: 'remove',
        identity: 'bob',
      }),
      { message: 'HTTP 403: not allowed to moderate' },
    );
    const port = await refusedPort();
    await assert.rejects(
      postModeration(`http://127.0.0.1:${port}/moderate`, 't', { action: 'remove', identity: 'b' }),
      /the moderation endpoint could not be reached/,
    );
  });
});

describe('hand transport', () => {
  it('the hand endpoint sits beside the join URL, or beside a configured …/moderate URL', async () => {
    const token = () => 't';
    const handUrl = async (config: { moderationUrl: string; tokenUrl: string }, room = '') => {
      const { handRaiser } = serverTransports(config, room, token);
      if (!handRaiser) return undefined;
      await handRaiser(true).catch(() => {});
      return seen.at(-1)!.path;
    };
    assert.equal(
      await handUrl({ moderationUrl: '', tokenUrl: `${base}/api/rooms/standup/join?x=1` }),
      '/api/rooms/standup/hand',
    );
    assert.equal(
      await handUrl({ moderationUrl: '', tokenUrl: `${base}/api/token` }, 'standup'),
      '/api/rooms/standup/hand',
    );
    assert.equal(
      await handUrl({ moderationUrl: `${base}/custom/moderate`, tokenUrl: `${base}/x/join` }),
      '/custom/hand',
    );
    assert.equal(
      await handUrl({ moderationUrl: `${base}/mod`, tokenUrl: `${base}/x/join` }),
      undefined,
      'no guess beside a moderation URL of another shape',
    );
    assert.equal(await handUrl({ moderationUrl: '', tokenUrl: `${base}/token` }), undefined);
  });

  it('posts { raised } with the current token, and rejects with the server’s error', async () => {
    let current = 'hand-token';
    const { handRaiser } = serverTransports(
      { moderationUrl: '', tokenUrl: `${base}/api/rooms/standup/join` },
      'standup',
      () => current,
    );
    await handRaiser!(true);
    const last = seen.at(-1)!;
    assert.equal(last.method, 'POST');
    assert.equal(last.headers.authorization, 'Bearer hand-token');
    assert.deepEqual(JSON.parse(last.body), { raised: true });
    current = 'refreshed-but-refused';
    await assert.rejects(handRaiser!(false), {
      message: 'HTTP 403: the token does not allow raising a hand in this room',
    });
    assert.equal(seen.at(-1)!.headers.authorization, 'Bearer refreshed-but-refused');
  });
});

describe('DevicePreferences', () => {
  class MemoryStorage implements PreferenceStorage {
    readonly items = new Map<string, string>();
    getItem(key: string) {
      return this.items.get(key) ?? null;
    }
    setItem(key: string, value: string) {
      this.items.set(key, value);
    }
  }

  it('remembers a choice per kind under its key', () => {
    const storage = new MemoryStorage();
    const prefs = new DevicePreferences(() => storage);
    assert.equal(prefs.get('videoinput'), undefined);
    prefs.remember('videoinput', 'cam-2');
    prefs.remember('audiooutput', 'speaker-1');
    assert.equal(prefs.get('videoinput'), 'cam-2');
    assert.equal(prefs.get('audiooutput'), 'speaker-1');
    assert.equal(prefs.get('audioinput'), undefined);
    assert.equal(storage.items.get(deviceStorageKey('videoinput')), 'cam-2');
    assert.equal(deviceStorageKey('videoinput'), 'media-room-elements:device:videoinput');
    storage.setItem(deviceStorageKey('audioinput'), '');
    assert.equal(prefs.get('audioinput'), undefined, 'an empty id is no choice');
  });

  it('reads the storage when asked (a choice made in another tab counts)', () => {
    const storage = new MemoryStorage();
    const prefs = new DevicePreferences(() => storage);
    storage.setItem(deviceStorageKey('audioinput'), 'mic-9');
    assert.equal(prefs.get('audioinput'), 'mic-9');
  });

  it('a throwing or missing storage is no storage', () => {
    const throwing = new DevicePreferences(() => ({
      getItem() {
        throw new Error('SecurityError');
      },
      setItem() {
        throw new Error('QuotaExceededError');
      },
    }));
    assert.doesNotThrow(() => throwing.remember('videoinput', 'cam'));
    assert.equal(throwing.get('videoinput'), undefined);
    const refused = new DevicePreferences(() => {
      throw new Error('no access to localStorage');
    });
    assert.doesNotThrow(() => refused.remember('videoinput', 'cam'));
    assert.equal(refused.get('videoinput'), undefined);
    // Under Node there is no localStorage: the default is no storage.
    const fallback = new DevicePreferences();
    assert.doesNotThrow(() => fallback.remember('videoinput', 'cam'));
    assert.equal(fallback.get('videoinput'), undefined);
  });

  it('a session reads its remembered devices from the storage it was given', async () => {
    const storage = new MemoryStorage();
    storage.setItem(deviceStorageKey('videoinput'), 'cam-2');
    const session = new RoomSession({}, () => storage);
    assert.equal(session.deviceFor('videoinput'), 'cam-2', 'before a Room is made');
    assert.ok(session.store, 'making the Room applies them without throwing in Node');
    await turn();
    assert.equal(session.devices.get('videoinput'), 'cam-2');
  });
});

describe('RoomSession configuration', () => {
  it('never exposes the token', () => {
    const secret = 'secret-token-value';
    const session = new RoomSession({ token: secret, serverUrl: 'wss://sfu.test', roomName: 'r' });
    session.configure({ identity: 'ada', token: undefined });
    const config = session.config;
    assert.equal(config.roomName, 'r');
    assert.equal(config.identity, 'ada');
    assert.equal((config as { token?: unknown }).token, undefined);
    assert.ok(!JSON.stringify(config).includes(secret));
    assert.ok(!Object.values(config).includes(secret));
    assert.ok(!inspect(session, { depth: 4 }).includes(secret));
    assert.equal(session.canJoin, true, 'the token still counts for joining');
  });

  it('configure() ignores undefined values and keeps the defaults', () => {
    const session = new RoomSession({ tokenUrl: `${base}/ok` });
    session.configure({ tokenUrl: undefined, tokenMethod: 'GET' });
    assert.equal(session.config.tokenUrl, `${base}/ok`);
    assert.equal(session.config.tokenMethod, 'GET');
    assert.equal(session.config.tokenTimeout, 10_000);
  });
});

describe('livekit-client under plain Node', () => {
  it('new Room() constructs, and a session makes its Room and store without a DOM', () => {
    assert.equal(typeof globalThis.document, 'undefined');
    const room = new Room();
    assert.equal(room.state, 'disconnected');
    const session = new RoomSession();
    assert.ok(session.room instanceof Room);
    assert.equal(session.store.get().connection.phase, 'idle');
    assert.equal(typeof globalThis.document, 'undefined', 'no document was made');
  });
});

describe('rejoining by itself', () => {
  /** DisconnectReason.SERVER_SHUTDOWN → 'server-shutdown', as the store names reasons. */
  const reasonName = (reason: DisconnectReason) =>
    DisconnectReason[reason]!.toLowerCase().replaceAll('_', '-');
  const reasonOf = (name: string) =>
    Object.values(DisconnectReason).find(
      (value): value is DisconnectReason => typeof value === 'number' && reasonName(value) === name,
    );

  it('REJOIN_REASONS are livekit-client disconnect reasons nobody decided', () => {
    // The store's own reason for livekit-client giving up reconnecting (it tells none) is one.
    assert.equal(REJOIN_REASONS.has('reconnect-failed'), true);
    for (const name of REJOIN_REASONS) {
      if (name === 'reconnect-failed') continue;
      assert.notEqual(reasonOf(name), undefined, `${name} is a DisconnectReason`);
    }
    for (const decided of [
      'client-initiated',
      'duplicate-identity',
      'participant-removed',
      'room-deleted',
      'room-closed',
    ]) {
      assert.equal(REJOIN_REASONS.has(decided), false, decided);
    }
  });

  it('REJOIN_DELAYS: 8 attempts, growing, at most 15 s apart, 75 s in all', () => {
    assert.equal(REJOIN_DELAYS.length, 8);
    assert.equal(
      REJOIN_DELAYS.reduce((a, b) => a + b, 0),
      75_000,
    );
    for (let i = 1; i < REJOIN_DELAYS.length; i++) {
      assert.ok(REJOIN_DELAYS[i]! >= REJOIN_DELAYS[i - 1]!, 'never shorter than the last');
    }
    assert.ok(Math.max(...REJOIN_DELAYS) <= 15_000);
  });

  /** A session that tried to join (and failed at the token endpoint), with mocked setTimeout. */
  async function failedSession(t: TestContext, path = '/status/503') {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const session = new RoomSession({ tokenUrl: base + path });
    await session.connect();
    await session.store.settled();
    assert.equal(session.store.get().error?.code, 'token-server-error');
    assert.equal(session.$rejoinAttempt.get(), 0, 'a failed first join is not rejoined');
    return session;
  }

  /**
   * Let the store deliver the disconnect event for `reason` (a name: livekit-client giving up
   * reconnecting for `reconnect-failed`): the room was connected, then lost (a disconnect is told
   * when the phase changes to it).
   */
  async function disconnect(session: RoomSession, reason: DisconnectReason | string) {
    session.room.emit(RoomEvent.Connected);
    await session.store.settled();
    if (reason === 'reconnect-failed') {
      session.room.emit(RoomEvent.Reconnecting);
      session.room.emit(RoomEvent.Disconnected, undefined);
    } else {
      const value = typeof reason === 'string' ? reasonOf(reason)! : reason;
      session.room.emit(RoomEvent.Disconnected, value);
    }
    await session.store.settled();
    await turn();
  }

  const nextError = (session: RoomSession) =>
    new Promise<RoomStoreEvent>((resolve) => {
      const off = session.onEvent((event) => {
        if (event.type !== 'error') return;
        off();
        resolve(event);
      });
    });

  it('after server-shutdown: 8 attempts at the REJOIN_DELAYS, 75 s in all, then stops', async (t) => {
    const session = await failedSession(t);
    const requests = () => seen.filter((s) => s.path === '/status/503').length;
    const first = requests();
    await disconnect(session, DisconnectReason.SERVER_SHUTDOWN);
    assert.equal(session.$rejoinAttempt.get(), 1);

    let elapsed = 0;
    for (const [i, delay] of REJOIN_DELAYS.entries()) {
      t.mock.timers.tick(delay - 1);
      for (let k = 0; k < 20; k++) await turn();
      assert.equal(requests(), first + i, `attempt ${i + 1} not before ${delay} ms`);
      const failed = nextError(session);
      t.mock.timers.tick(1);
      elapsed += delay;
      await failed;
      await turn();
      assert.equal(requests(), first + i + 1, `attempt ${i + 1} after ${elapsed} ms`);
      const expected = i + 1 < REJOIN_DELAYS.length ? i + 2 : 0;
      assert.equal(session.$rejoinAttempt.get(), expected, `after attempt ${i + 1}`);
    }
    assert.equal(elapsed, 75_000);
    t.mock.timers.tick(120_000);
    for (let k = 0; k < 20; k++) await turn();
    assert.equal(requests(), first + REJOIN_DELAYS.length, 'no attempt after the last');
    assert.equal(session.joining, true, 'the Rejoin button is left to the user');
  });

  for (const name of REJOIN_REASONS) {
    it(`rejoins after ${name}; leave() cancels the wait`, async (t) => {
      const session = await failedSession(t);
      const first = seen.length;
      await disconnect(session, name);
      assert.equal(session.$rejoinAttempt.get(), 1, name);
      await session.leave();
      assert.equal(session.$rejoinAttempt.get(), 0);
      t.mock.timers.tick(60_000);
      for (let k = 0; k < 20; k++) await turn();
      assert.equal(seen.length, first, 'no request after leaving');
    });
  }

  for (const reason of [
    DisconnectReason.CLIENT_INITIATED,
    DisconnectReason.DUPLICATE_IDENTITY,
    DisconnectReason.PARTICIPANT_REMOVED,
    DisconnectReason.ROOM_DELETED,
  ]) {
    it(`does not rejoin after ${reasonName(reason)}`, async (t) => {
      const session = await failedSession(t);
      const first = seen.length;
      await disconnect(session, reason);
      assert.equal(session.$rejoinAttempt.get(), 0);
      t.mock.timers.tick(60_000);
      for (let k = 0; k < 20; k++) await turn();
      assert.equal(seen.length, first);
      await session.leave();
    });
  }

  it('does not rejoin a session that was left', async (t) => {
    const session = await failedSession(t);
    await session.leave();
    await disconnect(session, DisconnectReason.SERVER_SHUTDOWN);
    assert.equal(session.$rejoinAttempt.get(), 0);
  });
});
