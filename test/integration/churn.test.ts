import { expect, fixture, html } from '@open-wc/testing';
import { Room as LkRoom, RoomEvent, type RemoteParticipant, type Room } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { uniqueRoom, useLiveHooks, waitFor, callRoot } from '../helpers/live.js';
import { checkIn } from '../engines.js';
import '../../src/components/media-room/media-room.js';

const ALL_EVENTS = Object.values(RoomEvent);
const MB = 1024 * 1024;

/** Every listener the Room holds, over all room events. */
function roomListeners(room: Room): number {
  return ALL_EVENTS.reduce((n, e) => n + room.listenerCount(e), 0);
}

/** Every listener on an EventEmitter (the Room's engine, a participant, a publication). */
function listenersOn(emitter: unknown): number {
  const e = emitter as
    { eventNames(): Array<string | symbol>; listenerCount(e: string | symbol): number } | undefined;
  return e ? e.eventNames().reduce((n, name) => n + e.listenerCount(name), 0) : 0;
}

/** Media elements with a stream still set, in `root` and every shadow root below it. */
function mediaWithStream(root: Element | ShadowRoot | Document): HTMLMediaElement[] {
  const found: HTMLMediaElement[] = [];
  const visit = (node: Element | ShadowRoot | Document) => {
    for (const el of node.querySelectorAll('*')) {
      if (el instanceof HTMLMediaElement && el.srcObject) found.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

function gcExposed(): boolean {
  return typeof (window as unknown as { gc?: unknown }).gc === 'function';
}

/** The JS heap after a full garbage collection (when the browser exposes gc()), in bytes. */
async function heapAfterGc(): Promise<number> {
  const w = window as unknown as { gc?: () => void };
  for (let i = 0; i < 3; i++) {
    w.gc?.();
    // Part of the measurement: lets what the collection freed be released before the next one.
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  return memory?.usedJSHeapSize ?? 0;
}

const mb = (bytes: number) => (bytes / MB).toFixed(1);

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout>;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

describe('churn against a real livekit-server: nothing leaks', () => {
  useLiveHooks();

  it('100 join/leave cycles of one <media-room> publishing camera and microphone', async function () {
    this.timeout(200_000);
    const CYCLES = 100;
    const CYCLE_CAP = 10_000;
    const room = uniqueRoom('churn');
    const el = await fixture<MediaRoom>(html`
      <media-room
        skip-prejoin
        token-url="/api/rooms/${room}/join"
        identity="churner"
        name="Churner"
        audio
        video
        style="height: 30rem"
      ></media-room>
    `);
    const lkRoom = el.room;
    const tracks: MediaStreamTrack[] = [];
    /** The livekit-client LocalTrack of each cycle, weakly: they must be collectable afterwards. */
    const trackRefs: Array<WeakRef<object>> = [];
    const times: number[] = [];
    let baseline = 0;
    /** Listeners on the engine of each connection (a new engine per connection), while connected. */
    const engineCounts: number[] = [];
    let heap10 = 0;

    const cycle = async (i: number) => {
      const started = performance.now();
      // The first join is the element's own, on being put on the page.
      if (i > 1) void el.connect();
      await waitFor(
        () => el.store.get().connection.phase === 'connected',
        `cycle ${i}: connected`,
        CYCLE_CAP,
      );
      await waitFor(
        () => {
          const local = el.store.get().local;
          return !!local?.tracks.camera && !!local.tracks.microphone;
        },
        `cycle ${i}: camera and microphone published`,
        CYCLE_CAP,
      );
      engineCounts.push(listenersOn(el.room.engine));
      for (const pub of el.room.localParticipant.trackPublications.values()) {
        if (!pub.track) continue;
        tracks.push(pub.track.mediaStreamTrack);
        trackRefs.push(new WeakRef(pub.track));
      }
      await withTimeout(el.leave(), CYCLE_CAP, `cycle ${i}: leave()`);
      await waitFor(
        () => el.store.get().connection.phase === 'disconnected',
        `cycle ${i}: disconnected`,
        CYCLE_CAP,
      );
      await el.store.settled();
      times.push(performance.now() - started);
    };

    for (let i = 1; i <= CYCLES; i++) {
      await cycle(i);
      if (i === 1) {
        baseline = roomListeners(lkRoom);
      }
      if (i === 10) heap10 = await heapAfterGc();
    }
    await el.updateComplete;
    const heap100 = await heapAfterGc();
    const aliveTracks = trackRefs.filter((r) => r.deref() !== undefined).length;
    const after = roomListeners(lkRoom);
    const engineBaseline = engineCounts[0];
    const engineAfter = engineCounts[engineCounts.length - 1];
    const attached = mediaWithStream(el);
    const live = tracks.filter((t) => t.readyState !== 'ended');
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const slowest = Math.max(...times);

    console.log(
      `churn: ${CYCLES} cycles, heap after 10: ${mb(heap10)} MB, after ${CYCLES}: ${mb(heap100)} MB, ` +
        `growth ${mb(heap100 - heap10)} MB; listeners baseline ${baseline}, after ${after}; ` +
        `engine listeners baseline ${engineBaseline}, after ${engineAfter}; ` +
        `${tracks.length} local tracks, ${live.length} not ended, ${aliveTracks} still reachable after gc; ` +
        `cycle mean ${mean.toFixed(0)} ms, slowest ${slowest.toFixed(0)} ms; ` +
        `heap bytes ${heap10} -> ${heap100}; gc ${gcExposed() ? 'exposed' : 'absent'}`,
    );

    expect(el.room, 'the element keeps one Room').to.equal(lkRoom);
    expect(tracks.length, 'a camera and a microphone per cycle').to.be.at.least(2 * CYCLES);
    expect(
      live.map((t) => `${t.kind}:${t.readyState}`),
      'every local track ended',
    ).to.deep.equal([]);
    expect(after, 'room listeners back to the baseline after the first cycle').to.equal(baseline);
    expect(
      engineCounts.filter((n) => n !== engineBaseline),
      "each connection's engine holds as many listeners as the first",
    ).to.deep.equal([]);
    expect(attached.length, 'no media element keeps a stream').to.equal(0);
    // The heap checks, where the engine lets a page measure the heap (test/engines.ts).
    if (checkIn('heap')) {
      expect(gcExposed() && heap10 > 0, 'gc() and performance.memory given').to.equal(true);
      // At most the last cycle's pair may still be held (the Room's last state); none accumulate.
      expect(aliveTracks, 'local tracks of past cycles collected').to.be.at.most(2);
      expect(heap100 - heap10, 'heap growth').to.be.below(15 * MB);
    }
    el.remove();
  });

  it('taken off the page and put back 20 times, it ends with no extra listeners', async function () {
    this.timeout(120_000);
    const room = uniqueRoom('churn-dom');
    const el = await fixture<MediaRoom>(html`
      <media-room
        skip-prejoin
        token-url="/api/rooms/${room}/join"
        identity="mover"
        name="Mover"
      ></media-room>
    `);
    const lkRoom = el.room;
    const parent = el.parentElement!;
    await waitFor(() => el.store.get().connection.phase === 'connected', 'first join', 20_000);
    const baseline = roomListeners(lkRoom);
    const engineBaseline = listenersOn(lkRoom.engine);
    const heapBefore = await heapAfterGc();
    const started = performance.now();
    for (let i = 1; i <= 20; i++) {
      el.remove();
      await waitFor(
        () => el.store.get().connection.phase === 'disconnected',
        `round ${i}: left on removal`,
        10_000,
      );
      parent.append(el);
      await waitFor(
        () => el.store.get().connection.phase === 'connected',
        `round ${i}: joined again`,
        10_000,
      );
    }
    await el.store.settled();
    const rounds = performance.now() - started;
    const after = roomListeners(lkRoom);
    const engineAfter = listenersOn(lkRoom.engine);
    await el.leave();
    await waitFor(() => el.store.get().connection.phase === 'disconnected', 'left at the end');
    el.remove();
    const heapAfter = await heapAfterGc();
    console.log(
      `churn: 20 removals and re-insertions in ${(rounds / 1000).toFixed(1)} s; ` +
        `listeners baseline ${baseline}, after ${after}; engine ${engineBaseline} -> ${engineAfter}; ` +
        `heap ${mb(heapBefore)} -> ${mb(heapAfter)} MB`,
    );
    expect(el.room, 'the same Room throughout').to.equal(lkRoom);
    expect(after, 'room listeners as after the first join').to.equal(baseline);
    expect(engineAfter, 'engine listeners as after the first join').to.equal(engineBaseline);
    expect(mediaWithStream(el)).to.have.length(0);
  });
});

describe('a removed <media-room>', () => {
  useLiveHooks();

  it('lets go of its Room once it has left: no listener of ours stays on it', async () => {
    const el = document.createElement('media-room');
    el.setAttribute('skip-prejoin', '');
    el.setAttribute('token-url', `/api/rooms/${uniqueRoom('churn-release')}/join`);
    el.setAttribute('identity', 'released');
    document.body.append(el);
    await waitFor(() => el.store.get().connection.phase === 'connected', 'joined', 20_000);
    const lkRoom = el.room;
    const own = roomListeners(new LkRoom());
    expect(roomListeners(lkRoom), 'the store listens while on the page').to.be.greaterThan(own);
    el.remove();
    await waitFor(() => el.store.get().connection.phase === 'disconnected', 'left', 10_000);
    // livekit-client keeps every Room it made alive (a devicechange listener); with only its own
    // listeners left (those of a new Room), nothing on the Room leads back to the element, so a
    // removed element can be collected (bench/network.ts counts it: DOM nodes stay flat over 100
    // join/leave cycles).
    await waitFor(
      () => roomListeners(lkRoom) === own,
      'no listener of ours left on the Room',
      5_000,
    );

    // Put back, it follows the same Room with a new store and joins again.
    document.body.append(el);
    await waitFor(() => el.store.get().connection.phase === 'connected', 'joined again', 20_000);
    expect(el.room).to.equal(lkRoom);
    expect(roomListeners(lkRoom)).to.be.greaterThan(own);
    await el.leave();
    el.remove();
  });
});

describe('churn on a scripted room: 200 remote participants join and leave', () => {
  it('leaves no remotes, tiles, streams or listeners behind, and the heap stays bounded', async function () {
    this.timeout(120_000);
    const script = await ScriptedRoom.create(0);
    const el = await fixture<MediaRoom>(
      html`<media-room skip-prejoin style="height: 40rem"></media-room>`,
    );
    // The element made its own Room on first use; handed another, its store on the first is
    // destroyed and leaves no listener there (only what livekit-client puts on any new Room).
    const own = el.room;
    el.room = script.room;
    expect(roomListeners(own), 'no listener left on the Room given up').to.equal(
      roomListeners(new LkRoom()),
    );
    await el.store.settled();
    await el.updateComplete;
    const grid = () =>
      callRoot(el)!.querySelector('layout-grid') as HTMLElement & {
        updateComplete: Promise<boolean>;
      };
    const remoteTiles = () =>
      [...(grid()?.shadowRoot?.querySelectorAll('participant-tile') ?? [])].filter(
        (t) => t.getAttribute('identity') !== script.room.localParticipant.identity,
      );
    const settle = async () => {
      await el.store.settled();
      await el.updateComplete;
      await grid()?.updateComplete;
    };

    const baseline = roomListeners(script.room);
    const heapBefore = await heapAfterGc();
    const TOTAL = 200;
    const BATCH = 20;
    const identities = Array.from({ length: TOTAL }, (_, i) => `remote-${i}`);
    const departed: RemoteParticipant[] = [];
    let peakTiles = 0;
    const started = performance.now();
    for (let b = 0; b < TOTAL; b += BATCH) {
      for (const id of identities.slice(b, b + BATCH)) {
        script.join(id, `Remote ${id}`);
        script.publishCamera(id);
      }
      await settle();
      peakTiles = Math.max(peakTiles, remoteTiles().length);
    }
    expect(el.store.get().remotes).to.have.length(TOTAL);
    const peakListeners = roomListeners(script.room);
    const heapPeak = await heapAfterGc();
    for (const id of identities) departed.push(script.remote(id));
    // Taken now: livekit-client empties a participant's publications when it leaves.
    const departedPublications = departed.flatMap((p) => [...p.trackPublications.values()]);
    expect(departedPublications, 'a camera publication per remote').to.have.length(TOTAL);
    for (let b = 0; b < TOTAL; b += BATCH) {
      for (const id of identities.slice(b, b + BATCH)) script.leave(id);
      await settle();
    }
    const elapsed = performance.now() - started;
    const after = roomListeners(script.room);
    const participantListeners = departed.map(listenersOn);
    const publicationListeners = departedPublications.map(listenersOn);
    // What livekit-client itself leaves on a departed participant and its publications (the Room
    // subscribes to each participant it creates), with no store or element on the Room.
    const control = await ScriptedRoom.create(0);
    control.join('control');
    control.publishCamera('control');
    const controlParticipant = control.remote('control');
    const controlPublications = [...controlParticipant.trackPublications.values()];
    control.leave('control');
    const ownParticipant = listenersOn(controlParticipant);
    const ownPublication = Math.max(0, ...controlPublications.map(listenersOn));
    await control.room.disconnect();
    const attachedTracks = departedPublications.flatMap((pub) => pub.track?.attachedElements ?? []);
    // Let go of them here: whatever still holds a departed participant after gc is a leak.
    const refs = departed.map((p) => new WeakRef(p));
    departed.length = 0;
    departedPublications.length = 0;
    const heapAfter = await heapAfterGc();
    const alive = refs.filter((r) => r.deref() !== undefined).length;
    console.log(
      `churn: ${TOTAL} remotes joined and left in batches of ${BATCH} in ${(elapsed / 1000).toFixed(1)} s; ` +
        `peak remote tiles ${peakTiles}; room listeners baseline ${baseline}, at peak ${peakListeners}, after ${after}; ` +
        `listeners left on departed participants ${participantListeners.reduce((a, b) => a + b, 0)}, ` +
        `on their publications ${publicationListeners.reduce((a, b) => a + b, 0)} ` +
        `(livekit-client alone leaves ${ownParticipant} per participant, ${ownPublication} per publication); ` +
        `departed participants still reachable after gc ${alive}; ` +
        `heap before ${mb(heapBefore)} MB, at peak ${mb(heapPeak)} MB, after ${mb(heapAfter)} MB`,
    );

    expect(el.store.get().remotes).to.have.length(0);
    expect(el.store.get().participants.size, 'only the local participant').to.be.at.most(1);
    expect(peakTiles, 'the grid did render remote tiles').to.be.greaterThan(0);
    expect(remoteTiles(), 'no remote tiles left').to.have.length(0);
    expect(after, 'room listeners back to the baseline').to.equal(baseline);
    expect(
      participantListeners.filter((n) => n !== ownParticipant),
      'no listener of ours left on a departed participant',
    ).to.deep.equal([]);
    expect(
      publicationListeners.filter((n) => n > ownPublication),
      'no listener of ours left on a departed publication',
    ).to.deep.equal([]);
    expect(attachedTracks, 'no departed track attached anywhere').to.have.length(0);
    expect(mediaWithStream(el), 'no media element keeps a stream').to.have.length(0);
    if (checkIn('heap')) {
      expect(gcExposed() && heapBefore > 0, 'gc() and performance.memory given').to.equal(true);
      expect(alive, 'departed participants collected (at most the last batch held)').to.be.at.most(
        BATCH,
      );
      expect(heapAfter - heapBefore, 'heap growth').to.be.below(15 * MB);
    }
    el.remove();
    await script.room.disconnect();
  });
});
