import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { Room, RoomEvent } from 'livekit-client';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { RoomErrorEvent } from '../../src/events/room-events.js';
import '../../src/components/media-room/media-room.js';

/** A room name no other test uses. */
export function uniqueRoom(prefix = 'room'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Ask the real token endpoint (mounted on the test server) for a token. */
export async function tokenFor(room: string, identity: string, name = identity) {
  const response = await fetch('/api/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ room, identity, name }),
  });
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  return (await response.json()) as { token: string; url: string };
}

/**
 * A second participant: a plain livekit-client Room in the same page, publishing Chromium's fake
 * camera and microphone.
 */
export async function joinPeer(
  room: string,
  identity: string,
  publish: { camera?: boolean; microphone?: boolean } = { camera: true, microphone: true },
): Promise<Room> {
  const { token, url } = await tokenFor(room, identity);
  const peer = new Room();
  await peer.connect(url, token);
  if (publish.camera) await peer.localParticipant.setCameraEnabled(true);
  if (publish.microphone) await peer.localParticipant.setMicrophoneEnabled(true);
  return peer;
}

/**
 * A plain livekit-client Room (publishing nothing) joined with a token from `how`: the server
 * helper's join route with a dev role (`role`, dev/roles.ts; none for the default grant), or
 * `raw`: /test-api/raw-token, a token that lets the participant write its own name, metadata and
 * attributes (`canUpdateOwnMetadata`, as a token from elsewhere may). Returns the token too.
 */
export async function joinWithToken(
  room: string,
  identity: string,
  how: { role?: string; raw?: boolean; name?: string } = {},
): Promise<{ peer: Room; token: string }> {
  const name = how.name ?? identity;
  let response: Response;
  if (how.raw) {
    const query = new URLSearchParams({ room, identity, name });
    response = await fetch(`/test-api/raw-token?${query}`);
  } else {
    const query = how.role ? `?role=${encodeURIComponent(how.role)}` : '';
    response = await fetch(`/api/rooms/${room}/join${query}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identity, name }),
    });
  }
  if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
  const { token, url } = (await response.json()) as { token: string; url: string };
  const peer = new Room();
  await peer.connect(url, token);
  return { peer, token };
}

/** Raise or lower a hand through the server helper's hand endpoint with `token`; the status. */
export async function postHand(room: string, token: string, raised: unknown): Promise<number> {
  const response = await fetch(`/api/rooms/${room}/hand`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ raised }),
  });
  return response.status;
}

/** Mount a `<media-room>` joining `room` through the token URL, and wait until it is connected. */
export async function mountRoom(
  room: string,
  identity: string,
  extra: Partial<Pick<MediaRoom, 'audio' | 'video' | 'roomOptions'>> & {
    /** the display name asked for; default `Name of <identity>` */
    name?: string;
    /** a dev role for the join route (dev/roles.ts), e.g. 'host' */
    role?: string;
    /**
     * join with /test-api/raw-token instead: a token from elsewhere, with no server helper beside
     * it, that lets the participant write its own name, metadata and attributes
     */
    raw?: boolean;
    lang?: string;
    dir?: string;
    /** inline style of the element, e.g. its size */
    style?: string;
  } = {},
): Promise<MediaRoom> {
  const query = extra.role ? `?role=${encodeURIComponent(extra.role)}` : '';
  const el = await fixture<MediaRoom>(html`
    <media-room
      skip-prejoin
      token-url=${extra.raw ? '/test-api/raw-token' : `/api/rooms/${room}/join${query}`}
      token-method=${ifDefined(extra.raw ? 'GET' : undefined)}
      room=${ifDefined(extra.raw ? room : undefined)}
      identity=${identity}
      name=${extra.name ?? `Name of ${identity}`}
      lang=${ifDefined(extra.lang)}
      dir=${ifDefined(extra.dir)}
      style=${ifDefined(extra.style)}
      ?audio=${extra.audio ?? false}
      ?video=${extra.video ?? false}
      .roomOptions=${extra.roomOptions ?? {}}
    ></media-room>
  `);
  await waitUntil(() => el.store.get().connection.phase === 'connected', 'media-room connects', {
    timeout: 20_000,
  });
  // The default UI (`<media-call>`) is loaded on demand: wait until it shows the call.
  await waitUntil(() => !!callRoot(el)?.querySelector('layout-grid'), 'the default UI', {
    timeout: 20_000,
  });
  return el;
}

export function waitFor(predicate: () => boolean, message: string, timeout = 15_000) {
  return waitUntil(predicate, message, { timeout, interval: 50 });
}

/**
 * The shadow root of the default UI (`<media-call>`) that a `<media-room>` without children
 * renders; undefined until it is there.
 */
export function callRoot(el: Element): ShadowRoot | undefined {
  return el.shadowRoot?.querySelector('media-call')?.shadowRoot ?? undefined;
}

/** The `<participant-tile>` for `identity` in the default UI of a `<media-room>`. */
export function tileOf(el: MediaRoom, identity: string): HTMLElement | null {
  const grid = callRoot(el)?.querySelector('layout-grid');
  return (
    grid?.shadowRoot?.querySelector(`participant-tile[identity="${CSS.escape(identity)}"]`) ?? null
  );
}

/**
 * Whether a video element is receiving and decoding frames: it has a size and presents a new frame
 * (left as soon as one is; 3 s at most, for a busy machine). Frames are seen through `requestVideoFrameCallback` (Chromium and Firefox), since
 * Firefox counts no frames of a MediaStream in `getVideoPlaybackQuality()`.
 */
export async function isDecoding(video: HTMLVideoElement): Promise<boolean> {
  let handle = 0;
  const frame = new Promise<boolean>((resolve) => {
    handle = video.requestVideoFrameCallback(() => resolve(true));
  });
  const window = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 3_000));
  const presented = await Promise.race([frame, window]);
  video.cancelVideoFrameCallback(handle);
  return video.videoWidth > 0 && presented;
}

/** Collects unhandled rejections and uncaught errors while a test runs. */
export function watchForUncaught() {
  const seen: string[] = [];
  const onRejection = (e: PromiseRejectionEvent) => seen.push(`unhandled rejection: ${e.reason}`);
  const onError = (e: ErrorEvent) => seen.push(`uncaught: ${e.message}`);
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onError);
  return {
    seen,
    stop() {
      window.removeEventListener('unhandledrejection', onRejection);
      window.removeEventListener('error', onError);
    },
  };
}

export async function disconnectAll(rooms: Array<Room | undefined>): Promise<void> {
  await Promise.all(rooms.map((r) => r?.disconnect()));
}

export { RoomEvent };

/** The next event of `type` on `target`, typed from the global event map. */
export function nextEvent<K extends keyof GlobalEventHandlersEventMap>(
  target: EventTarget,
  type: K,
): Promise<GlobalEventHandlersEventMap[K]> {
  return new Promise((resolve) =>
    target.addEventListener(type, (e) => resolve(e as GlobalEventHandlersEventMap[K]), {
      once: true,
    }),
  );
}

/** The next `error` of a `<media-room>`. */
export function nextError(target: EventTarget): Promise<RoomErrorEvent> {
  return new Promise((resolve) =>
    target.addEventListener('error', (e) => resolve(e as RoomErrorEvent), { once: true }),
  );
}

/**
 * For a `describe` block against the SFU: the `peers` it pushes are disconnected after each test,
 * and each test fails on any uncaught error or unhandled rejection.
 */
export function useLiveHooks(): { peers: Room[] } {
  const state = { peers: [] as Room[] };
  let uncaught: ReturnType<typeof watchForUncaught>;
  beforeEach(() => {
    state.peers.length = 0;
    uncaught = watchForUncaught();
  });
  afterEach(async () => {
    await disconnectAll(state.peers);
    uncaught.stop();
    expect(uncaught.seen, 'no uncaught errors or unhandled rejections').to.deep.equal([]);
  });
  return state;
}

/** Waits until `get` gives a value (not null or undefined) and returns it. */
export async function waitForValue<T>(
  get: () => T | null | undefined,
  message: string,
  timeout = 15_000,
): Promise<T> {
  let value: T | null | undefined;
  await waitUntil(
    () => {
      value = get();
      return value !== null && value !== undefined;
    },
    message,
    { timeout, interval: 50 },
  );
  return value as T;
}
