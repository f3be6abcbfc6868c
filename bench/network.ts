/**
 * The network benchmarks, against the local livekit-server (bench/harness.ts):
 *
 * - first remote frame: from navigation to the first decoded frame of a remote camera, for ours
 *   (`<media-room>`), the raw livekit-client floor and LiveKit's prefab, one publisher in the room;
 * - bandwidth: N external camera publishers, joined by ours showing a page of 9 and by LiveKit's
 *   prefab: video streams received, their inbound bitrate (from getStats) and visible video tiles;
 * - memory: heap after GC and DOM nodes after many join/leave cycles in one page.
 *
 * Publishers are Chromium pages (bench/pages/publish.ts), each a livekit-client Room sending the
 * fake camera with simulcast through the SFU. The issue asks for LiveKit's load tester
 * (`lk load-test` from livekit-cli), but its Go module cannot be fetched from this machine's
 * module proxy, so real WebRTC publishers from the browser stand in for it.
 *
 * Every viewer page gets the same probe (PROBE, an init script run before the page's own
 * scripts): it keeps the page's RTCPeerConnections and records when the first video frame is
 * presented in any <video> given a stream (shadow roots included, since the patch is on the
 * prototype).
 *
 * `npx tsx bench/network.ts [--smoke] [--runs N] [--only first-frame|bandwidth|memory] [--noise]`
 * runs them on their own (`--noise`: the bandwidth publishers send noise, see `publisherSource`).
 */
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright';
import {
  buildPages,
  launchBrowser,
  median,
  memory,
  startServer,
  type BenchServer,
} from './harness.js';

export interface NetworkBenchOptions {
  browser: Browser;
  server: BenchServer;
  smoke: boolean;
  /** Runs of the first-frame benchmark (default 7, smoke 1). */
  runs?: number;
  /**
   * What the bandwidth benchmark's publishers send: the fake camera (default; its flat picture
   * compresses far below the layers' caps) or a canvas of noise (every layer at its cap, as a busy
   * real camera, but heavier to encode and limited by the SFU's estimate of a loaded machine).
   */
  publisherSource?: 'camera' | 'noise';
}

export type Impl = 'ours' | 'raw' | 'prefab';

export interface FirstFrameRow {
  impl: Impl;
  runs: number;
  /** ms from navigation start to the first presented remote video frame, median over runs */
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** median over runs of this impl's time ÷ raw's time in the same run */
  ratioToRaw: number;
  samplesMs: number[];
  /** Where the time goes (medians, ms from navigation start): last script loaded, */
  scriptsMs: number;
  /** token requested (the page's code has run), */
  fetchMs: number;
  /** token reply seen by the page's script (late when the main thread is busy), */
  tokenReplyMs: number;
  /** signalling WebSocket opened, */
  webSocketMs: number;
  /** first RTCPeerConnection made (signalling joined), */
  peerConnectionMs: number;
  /** first remote video track received by a peer connection (its `track` event), */
  trackMs: number;
  /** first remote video given to a <video> (the UI rendered it). */
  attachMs: number;
  /** main-thread time in long tasks (> 50 ms) before the first frame, median */
  longTasksMs: number;
}

interface FirstFrameSample {
  frame: number;
  scripts: number;
  fetch: number;
  tokenReply: number;
  webSocket: number;
  track: number;
  peerConnection: number;
  attach: number;
  longTasks: number;
}

export interface BandwidthRow {
  impl: 'ours' | 'prefab';
  publishers: number;
  seconds: number;
  /** inbound-rtp video streams whose bytes grew over the window */
  receivedStreams: number;
  /** <video> elements on screen showing a picture at the end of the window */
  visibleTiles: number;
  /** inbound video bitrate over the window, kbit/s */
  inboundKbps: number;
  /** median width of the frames received (which simulcast layer), at the end of the window */
  medianWidth: number;
  /** the publishers' sending layers at the end, `count×width:limitation` (cpu, bandwidth, none) */
  publisherLayers: string;
  /** inboundKbps ÷ prefab's in the same run */
  ratioToPrefab: number;
}

export interface MemoryRow {
  impl: 'ours' | 'prefab';
  cycles: number;
  /** cycles that showed the publisher's video before leaving */
  cyclesWithVideo: number;
  heapStart: number;
  heapAfterFirst: number;
  heapAfter: number;
  nodesStart: number;
  nodesAfterFirst: number;
  nodesAfter: number;
  /** bytes per cycle after the first: (heapAfter − heapAfterFirst) ÷ (cycles − 1) */
  heapPerCycle: number;
  seconds: number;
}

/** Installed in every viewer page before its own scripts; plain JS (it is not transpiled). */
export const PROBE = String.raw`(() => {
  const pcs = [];
  const Native = window.RTCPeerConnection;
  if (Native) {
    window.RTCPeerConnection = class RTCPeerConnection extends Native {
      constructor(...args) {
        super(...args);
        pcs.push(new WeakRef(this));
        if (probe.firstPeerConnection === undefined) probe.firstPeerConnection = performance.now();
        this.addEventListener('track', (event) => {
          if (event.track.kind === 'video' && probe.firstTrack === undefined) {
            probe.firstTrack = performance.now();
          }
        });
      }
    };
  }
  const NativeSocket = window.WebSocket;
  window.WebSocket = class WebSocket extends NativeSocket {
    constructor(...args) {
      if (probe.firstWebSocket === undefined) probe.firstWebSocket = performance.now();
      super(...args);
    }
  };
  const nativeFetch = window.fetch;
  window.fetch = function fetch(...args) {
    const first = probe.firstFetch === undefined;
    if (first) probe.firstFetch = performance.now();
    const reply = nativeFetch.apply(this, args);
    if (first) reply.then(() => (probe.firstFetchReply = performance.now()), () => {});
    return reply;
  };
  const longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const probe = {
    /** main-thread time in long tasks (over 50 ms each) that started before \`until\` */
    busyBefore(until) {
      let sum = 0;
      for (const [start, duration] of longTasks) if (start < until) sum += duration;
      return sum;
    },
    firstFetch: undefined,
    firstFetchReply: undefined,
    firstWebSocket: undefined,
    firstPeerConnection: undefined,
    firstTrack: undefined,
    firstAttach: undefined,
    firstFrame: undefined,
    firstLoaded: undefined,
    /** when the last script (.js) finished loading */
    scriptsLoaded() {
      let end = 0;
      for (const r of performance.getEntriesByType('resource')) {
        if (/\.js($|\?)/.test(r.name)) end = Math.max(end, r.responseEnd);
      }
      return end;
    },
    openPeerConnections() {
      return livePcs().length;
    },
    videos() {
      const found = [];
      const visit = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el instanceof HTMLVideoElement) found.push(el);
          if (el.shadowRoot) visit(el.shadowRoot);
        }
      };
      visit(document);
      return found;
    },
    playingVideos() {
      return probe.videos().filter((v) => {
        if (!v.srcObject || v.videoWidth === 0 || !v.checkVisibility()) return false;
        const r = v.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 &&
          r.top < innerHeight && r.left < innerWidth;
      }).length;
    },
    /** publishers: why each sending layer is held back (cpu, bandwidth, none) */
    async outboundLimits() {
      const counts = {};
      for (const pc of livePcs()) {
        const stats = await pc.getStats();
        stats.forEach((s) => {
          if (s.type === 'outbound-rtp' && s.kind === 'video' && s.frameWidth) {
            const key = s.frameWidth + ':' + (s.qualityLimitationReason || 'none');
            counts[key] = (counts[key] || 0) + 1;
          }
        });
      }
      return counts;
    },
    async inboundVideo() {
      const rows = [];
      const open = livePcs();
      for (let i = 0; i < open.length; i++) {
        const stats = await open[i].getStats();
        stats.forEach((s) => {
          if (s.type === 'inbound-rtp' && s.kind === 'video') {
            rows.push({
              id: i + ':' + s.ssrc,
              bytes: s.bytesReceived || 0,
              frames: s.framesDecoded || 0,
              width: s.frameWidth || 0,
            });
          }
        });
      }
      return rows;
    },
  };
  function livePcs() {
    const open = [];
    for (let i = pcs.length - 1; i >= 0; i--) {
      const pc = pcs[i].deref();
      if (!pc || pc.signalingState === 'closed') pcs.splice(i, 1);
      else open.push(pc);
    }
    return open.reverse();
  }
  const watched = new WeakSet();
  function watch(video) {
    if (probe.firstAttach === undefined) probe.firstAttach = performance.now();
    const mark = () => {
      if (probe.firstFrame === undefined) probe.firstFrame = performance.now();
    };
    if (typeof video.requestVideoFrameCallback === 'function') video.requestVideoFrameCallback(mark);
    if (watched.has(video)) return;
    watched.add(video);
    video.addEventListener('loadeddata', () => {
      if (probe.firstLoaded === undefined) probe.firstLoaded = performance.now();
    });
  }
  const desc = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'srcObject');
  Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', {
    configurable: true,
    enumerable: desc.enumerable,
    get: desc.get,
    set(value) {
      desc.set.call(this, value);
      if (value && this instanceof HTMLVideoElement) watch(this);
    },
  });
  window.benchProbe = probe;
})();`;

interface ProbeWindow {
  benchState?: string;
  benchError?: string;
  benchPublished?: number;
  benchCycles?: (count: number) => Promise<number>;
  benchProbe: {
    firstFetch?: number;
    firstFetchReply?: number;
    firstWebSocket?: number;
    firstPeerConnection?: number;
    firstTrack?: number;
    firstAttach?: number;
    firstFrame?: number;
    firstLoaded?: number;
    scriptsLoaded(): number;
    busyBefore(until: number): number;
    openPeerConnections(): number;
    playingVideos(): number;
    outboundLimits(): Promise<Record<string, number>>;
    inboundVideo(): Promise<{ id: string; bytes: number; frames: number; width: number }[]>;
  };
}

const VIEWPORT = { width: 1280, height: 720 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/**
 * Navigates, trying again a few times on a failed load: bench pages are rebuilt in place by
 * `buildPages()`, so a build running at the same time (another benchmark) can briefly remove them.
 */
async function goto(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await page.goto(url);
      if (response?.ok()) return;
      if (attempt >= 4) throw new Error(`${url}: HTTP ${response?.status()}`);
    } catch (error) {
      if (attempt >= 4) throw error;
    }
    await sleep(2_000);
  }
}

/** Fails with the page's own error when its script reported one. */
async function pageError(page: Page, what: string): Promise<never> {
  const error = await page
    .evaluate(() => (window as unknown as ProbeWindow).benchError)
    .catch(() => undefined);
  throw new Error(`${what}: ${error ?? 'timed out'}`);
}

interface Publishers {
  context: BrowserContext;
  /** the publishers' sending layers, as `width:limitation` → count */
  limits(): Promise<string>;
  close(): Promise<void>;
}

/** `count` camera publishers in room `room`, in one page of their own context. */
async function startPublishers(
  browser: Browser,
  server: BenchServer,
  room: string,
  count: number,
  dynacast: boolean,
  source: 'camera' | 'noise' = 'camera',
): Promise<Publishers> {
  const context = await browser.newContext();
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  const query = new URLSearchParams({
    room,
    count: String(count),
    dynacast: dynacast ? '1' : '0',
    source,
  });
  await goto(page, `${server.url}/publish.html?${query}`);
  const ok = await page
    .waitForFunction(
      (n) =>
        (window as unknown as ProbeWindow).benchPublished === n ||
        (window as unknown as ProbeWindow).benchError !== undefined,
      count,
      { timeout: 20_000 + count * 8_000, polling: 100 },
    )
    .then(() =>
      page.evaluate((n) => (window as unknown as ProbeWindow).benchPublished === n, count),
    )
    .catch(() => false);
  if (!ok) {
    await context.close().catch(() => {});
    await pageError(page, `publishers in ${room}`);
  }
  return {
    context,
    async limits() {
      const counts = await page.evaluate(() =>
        (window as unknown as ProbeWindow).benchProbe.outboundLimits(),
      );
      return Object.entries(counts)
        .sort()
        .map(([k, n]) => `${n}×${k}`)
        .join(' ');
    },
    close: () => context.close(),
  };
}

/** A fresh context with the probe, on join.html with `query`; waits for `state`. */
async function openViewer(
  browser: Browser,
  server: BenchServer,
  query: Record<string, string>,
  state: 'joined' | 'ready',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(PROBE);
  const page = await context.newPage();
  await goto(page, `${server.url}/join.html?${new URLSearchParams(query)}`);
  const ok = await page
    .waitForFunction(
      (s) =>
        (window as unknown as ProbeWindow).benchState === s ||
        (window as unknown as ProbeWindow).benchState === 'error',
      state,
      {
        timeout: 20_000,
        polling: 50,
      },
    )
    .then(() => page.evaluate((s) => (window as unknown as ProbeWindow).benchState === s, state))
    .catch(() => false);
  if (!ok) {
    await context.close().catch(() => {});
    await pageError(page, `${query.impl} viewer`);
  }
  return { context, page };
}

/**
 * Time to the first remote frame: one publisher (dynacast off, so its layers always flow) in a
 * room; each run opens ours, raw and prefab one after the other, each in a fresh context, in an
 * order that rotates from run to run, and ratios are taken within each run.
 */
export async function firstFrame({
  browser,
  server,
  smoke,
  runs,
}: NetworkBenchOptions): Promise<FirstFrameRow[]> {
  const count = runs ?? (smoke ? 1 : 7);
  const room = `ff-${unique()}`;
  const publishers = await startPublishers(browser, server, room, 1, false);
  const impls: Impl[] = ['ours', 'raw', 'prefab'];
  const times: Record<Impl, FirstFrameSample[]> = { ours: [], raw: [], prefab: [] };
  try {
    // One unmeasured join each first, to warm the SFU's subscriber path and the browser's caches.
    if (!smoke)
      for (const impl of impls) await measureFirstFrame(browser, server, room, impl, 'warm');
    for (let run = 0; run < count; run++) {
      for (let k = 0; k < impls.length; k++) {
        const impl = impls[(run + k) % impls.length]!;
        times[impl].push(await measureFirstFrame(browser, server, room, impl, `r${run}`));
      }
    }
  } finally {
    await publishers.close();
  }
  return impls.map((impl) => {
    const samples = times[impl].map((t) => t.frame);
    const of = (key: keyof FirstFrameSample) => median(times[impl].map((t) => t[key]));
    return {
      impl,
      runs: samples.length,
      medianMs: median(samples),
      minMs: Math.min(...samples),
      maxMs: Math.max(...samples),
      ratioToRaw: median(samples.map((t, i) => t / times.raw[i]!.frame)),
      samplesMs: samples,
      scriptsMs: of('scripts'),
      fetchMs: of('fetch'),
      tokenReplyMs: of('tokenReply'),
      webSocketMs: of('webSocket'),
      peerConnectionMs: of('peerConnection'),
      trackMs: of('track'),
      attachMs: of('attach'),
      longTasksMs: of('longTasks'),
    };
  });
}

async function measureFirstFrame(
  browser: Browser,
  server: BenchServer,
  room: string,
  impl: Impl,
  tag: string,
): Promise<FirstFrameSample> {
  const { context, page } = await openViewer(
    browser,
    server,
    { impl, room, identity: `ff-${impl}-${tag}-${unique()}` },
    'joined',
  );
  try {
    await page.waitForFunction(
      () => (window as unknown as ProbeWindow).benchProbe.firstFrame !== undefined,
      undefined,
      { timeout: 15_000, polling: 20 },
    );
    return await page.evaluate(() => {
      const probe = (window as unknown as ProbeWindow).benchProbe;
      return {
        frame: probe.firstFrame!,
        scripts: probe.scriptsLoaded(),
        fetch: probe.firstFetch ?? Number.NaN,
        tokenReply: probe.firstFetchReply ?? Number.NaN,
        webSocket: probe.firstWebSocket ?? Number.NaN,
        peerConnection: probe.firstPeerConnection ?? Number.NaN,
        track: probe.firstTrack ?? Number.NaN,
        attach: probe.firstAttach ?? Number.NaN,
        longTasks: probe.busyBefore(probe.firstFrame!),
      };
    });
  } catch {
    throw new Error(`${impl}: no remote video frame within 15 s`);
  } finally {
    await context.close();
  }
}

/**
 * Bandwidth: `publishers` cameras (16 so that there is more than one page of 9; smoke 2) with
 * dynacast, then ours (default UI, its grid given a page of 9) and LiveKit's prefab join in
 * turn; after settling, inbound video is measured over the window from getStats.
 */
export async function bandwidth({
  browser,
  server,
  smoke,
  publisherSource = 'camera',
}: NetworkBenchOptions): Promise<BandwidthRow[]> {
  const count = smoke ? 2 : 16;
  const settleMs = smoke ? 1_000 : 10_000;
  const windowMs = smoke ? 2_000 : 30_000;
  const room = `bw-${unique()}`;
  const publishers = await startPublishers(browser, server, room, count, true, publisherSource);
  const rows: Omit<BandwidthRow, 'ratioToPrefab'>[] = [];
  try {
    for (const impl of ['ours', 'prefab'] as const) {
      const { context, page } = await openViewer(
        browser,
        server,
        { impl, room, identity: `bw-${impl}-${unique()}`, 'max-tiles': '9' },
        'joined',
      );
      try {
        await sleep(settleMs);
        const before = await page.evaluate(() =>
          (window as unknown as ProbeWindow).benchProbe.inboundVideo(),
        );
        const started = Date.now();
        await sleep(windowMs);
        const after = await page.evaluate(() =>
          (window as unknown as ProbeWindow).benchProbe.inboundVideo(),
        );
        const seconds = (Date.now() - started) / 1000;
        const publisherLayers = await publishers.limits();
        const visibleTiles = await page.evaluate(() =>
          (window as unknown as ProbeWindow).benchProbe.playingVideos(),
        );
        const start = new Map(before.map((s) => [s.id, s.bytes]));
        let bytes = 0;
        let receivedStreams = 0;
        const widths: number[] = [];
        for (const s of after) {
          const delta = s.bytes - (start.get(s.id) ?? 0);
          bytes += delta;
          if (delta > 0) {
            receivedStreams += 1;
            widths.push(s.width);
          }
        }
        rows.push({
          impl,
          publishers: count,
          seconds,
          receivedStreams,
          visibleTiles,
          inboundKbps: (bytes * 8) / seconds / 1000,
          medianWidth: median(widths),
          publisherLayers,
        });
      } finally {
        await context.close();
      }
    }
  } finally {
    await publishers.close();
  }
  const prefab = rows.find((r) => r.impl === 'prefab')!.inboundKbps;
  return rows.map((r) => ({ ...r, ratioToPrefab: r.inboundKbps / prefab }));
}

/**
 * Memory: in one page each, ours (`<media-room>` put on the page, connected, taken off) and the
 * prefab (LiveKitRoom mounted, connected, unmounted) join and leave a room with one publisher
 * `cycles` times (100; smoke 2), each time waiting for the publisher's video and, after leaving,
 * for every peer connection to close. Heap after GC and DOM nodes at the start, after the first
 * cycle (code loaded, first-use caches filled) and after the last.
 */
export async function memoryCycles({
  browser,
  server,
  smoke,
}: NetworkBenchOptions): Promise<MemoryRow[]> {
  const cycles = smoke ? 2 : 100;
  const room = `mem-${unique()}`;
  const publishers = await startPublishers(browser, server, room, 1, true);
  const rows: MemoryRow[] = [];
  try {
    for (const impl of ['ours', 'prefab'] as const) {
      const started = Date.now();
      const { context, page } = await openViewer(
        browser,
        server,
        { impl, room, identity: `mem-${impl}-${unique()}`, cycles: String(cycles) },
        'ready',
      );
      try {
        const cdp = await context.newCDPSession(page);
        const start = await memory(cdp);
        let seen = await page.evaluate(() => (window as unknown as ProbeWindow).benchCycles!(1));
        const first = await memory(cdp);
        seen += await page.evaluate(
          (n) => (window as unknown as ProbeWindow).benchCycles!(n),
          cycles - 1,
        );
        const end = await memory(cdp);
        rows.push({
          impl,
          cycles,
          cyclesWithVideo: seen,
          heapStart: start.heap,
          heapAfterFirst: first.heap,
          heapAfter: end.heap,
          nodesStart: start.nodes,
          nodesAfterFirst: first.nodes,
          nodesAfter: end.nodes,
          heapPerCycle: (end.heap - first.heap) / Math.max(1, cycles - 1),
          seconds: (Date.now() - started) / 1000,
        });
      } finally {
        await context.close();
      }
    }
  } finally {
    await publishers.close();
  }
  return rows;
}

/** All three, in order. */
export async function network(options: NetworkBenchOptions): Promise<{
  firstFrame: FirstFrameRow[];
  bandwidth: BandwidthRow[];
  memory: MemoryRow[];
}> {
  return {
    firstFrame: await firstFrame(options),
    bandwidth: await bandwidth(options),
    memory: await memoryCycles(options),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const smoke = process.argv.includes('--smoke');
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : undefined;
  const t0 = Date.now();
  await buildPages();
  const t1 = Date.now();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const publisherSource = process.argv.includes('--noise') ? ('noise' as const) : undefined;
    const options = { browser, server, smoke, runs, publisherSource };
    const only = process.argv.indexOf('--only');
    for (const [name, bench] of [
      ['first-frame', firstFrame],
      ['bandwidth', bandwidth],
      ['memory', memoryCycles],
    ] as const) {
      if (only > 0 && process.argv[only + 1] !== name) continue;
      const t = Date.now();
      const rows = await bench(options);
      console.log(`\n## ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
      console.table(
        rows.map((row) =>
          Object.fromEntries(
            Object.entries(row).map(([k, v]) => [
              k,
              typeof v === 'number'
                ? Math.round(v * 10) / 10
                : Array.isArray(v)
                  ? v.map((x: number) => Math.round(x)).join(' ')
                  : v,
            ]),
          ),
        ),
      );
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(
    `\nbuild ${((t1 - t0) / 1000).toFixed(1)} s, benches ${((Date.now() - t1) / 1000).toFixed(1)} s`,
  );
}
