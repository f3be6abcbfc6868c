/**
 * Joins a room as a viewer that subscribes but never publishes, with one of three
 * implementations, each in its own chunk so that a page carries only the code of the one it uses:
 *
 * - `impl=ours`: `<media-room>` with its default UI (join-ours.ts);
 * - `impl=raw`: the floor, a minimal page on livekit-client (join-raw.ts);
 * - `impl=prefab`: LiveKit's `<LiveKitRoom><VideoConference/></LiveKitRoom>` (join-prefab.ts).
 *
 * `join.html?impl=…&room=R&identity=X` joins at once (`max-tiles=9` gives ours a page of 9 tiles;
 * `adaptive=0` gives ours livekit-client's default Room options instead of adaptive stream and
 * dynacast, to tell their share of a difference).
 * With `cycles` in the query it joins nothing and waits for `window.benchCycles(n)` from the
 * benchmark, which joins and leaves `n` times (for the memory benchmark).
 *
 * The measuring probe (first decoded remote frame, the RTCPeerConnections) is not here: the
 * benchmark installs it into every page alike, before any script of the page runs.
 */

export interface JoinOptions {
  tokenUrl: string;
  identity: string;
  name: string;
  /** Most tiles on one page, where the implementation has such a setting. */
  maxTiles?: number;
  /** Ours only (`adaptive=0`, for diagnosis): livekit-client's default Room options. */
  plainRoom?: boolean;
}

/** One join: resolved once connected; `leave()` leaves and takes the UI off the page. */
export interface Joined {
  leave(): Promise<void>;
}

export type JoinFn = (host: HTMLElement, options: JoinOptions) => Promise<Joined>;

interface BenchWindow {
  benchState?: 'loading' | 'ready' | 'joined' | 'error';
  benchError?: string;
  benchCycles?: (count: number) => Promise<number>;
  benchProbe?: { openPeerConnections(): number; playingVideos(): number };
}

const params = new URLSearchParams(location.search);
const impl = params.get('impl') ?? 'ours';
const roomName = params.get('room') ?? 'bench';
const identity = params.get('identity') ?? `viewer-${Math.random().toString(36).slice(2, 8)}`;
const maxTiles = Number(params.get('max-tiles')) || undefined;
const w = window as unknown as BenchWindow;
w.benchState = 'loading';

const load = (): Promise<{ join: JoinFn }> =>
  impl === 'raw'
    ? import('./join-raw.js')
    : impl === 'prefab'
      ? import('./join-prefab.js')
      : import('./join-ours.js');

const host = document.getElementById('app')!;
const options = (id: string): JoinOptions => ({
  tokenUrl: `/api/rooms/${encodeURIComponent(roomName)}/join`,
  identity: id,
  name: id,
  maxTiles,
  plainRoom: params.get('adaptive') === '0',
});

/** Polls `done` every 20 ms until it holds or `ms` pass (then resolves false). */
function until(done: () => boolean, ms: number): Promise<boolean> {
  const end = performance.now() + ms;
  return new Promise((resolve) => {
    const tick = () => {
      if (done()) resolve(true);
      else if (performance.now() > end) resolve(false);
      else setTimeout(tick, 20);
    };
    tick();
  });
}

try {
  const { join } = await load();
  if (params.has('cycles')) {
    w.benchCycles = async (count) => {
      let seen = 0;
      for (let i = 0; i < count; i++) {
        const joined = await join(host, options(`${identity}-${i}`));
        // Joined and showing the room's video (if anyone publishes), then gone again.
        if (await until(() => (w.benchProbe?.playingVideos() ?? 1) > 0, 5000)) seen += 1;
        await joined.leave();
        await until(() => (w.benchProbe?.openPeerConnections() ?? 0) === 0, 5000);
      }
      return seen;
    };
    w.benchState = 'ready';
  } else {
    await join(host, options(identity));
    w.benchState = 'joined';
  }
} catch (error) {
  w.benchError = String((error as Error)?.stack ?? error);
  w.benchState = 'error';
}
