/**
 * Render cost: the full call UI, ours (`<media-room>`'s default UI) and LiveKit's `VideoConference`
 * prefab, on the same simulated room, in the same browser, page bench/pages/render.html.
 *
 * Method (identical for both implementations):
 * - A fresh page (1280×720) per implementation, size and run. The page makes a `ScriptedRoom`
 *   (test/helpers/scripted-room.ts: a real livekit-client Room fed the SFU's protocol messages,
 *   no server) with N remote participants, each publishing a camera (not subscribed: no media),
 *   named "Participant i". The runs alternate which implementation goes first.
 * - First render: from creating the UI (our element appended with the room set; React's
 *   `createRoot().render(<RoomContext.Provider value={room}><VideoConference/>)`) until the page
 *   is settled: no DOM change, in the document or any shadow root, over three settles in a row
 *   (see below) and 100 ms, with tiles present. Wall ms runs to the task after the first frame
 *   that followed the last DOM change (so that change was painted; up to one frame late).
 *   Main-thread ms is the CDP's `Performance.getMetrics` TaskDuration (thread time) over the same
 *   span, so it includes the page's own waiting machinery (small, the same for both).
 * - Changes: one seeded sequence (the same for both) of active-speaker changes (a random other
 *   remote becomes the only speaker) and camera mute toggles (a random remote's camera flips).
 *   Each change is one `page.evaluate` that applies it and waits until it is settled: two
 *   macrotasks, an idle callback, a macrotask, another idle callback (Chromium runs idle callbacks
 *   only when no other task is ready, so React's scheduler slices are done; Lit renders in
 *   microtasks), a forced style + layout (`getBoundingClientRect`), then a frame and a task after
 *   it (the paint). Main-thread time is read after every change, and each change is charged
 *   everything since the previous reading, so work a change leaves for later frames (CSS
 *   transitions: ours fades the speaking outline over 150 ms, LiveKit's the speaking border over
 *   200 ms after a 500 ms delay) is charged to the changes that follow it. Phases: 5 changes of
 *   each kind to warm up, a 1 s pause, 20 no-op changes (the same evaluate and settling with no
 *   change: the CDP and waiting overhead, whose median is subtracted from every change), the
 *   speaker changes, a 1 s pause (not charged), the mute toggles. `--reduced-motion` (option
 *   `reducedMotion`) emulates `prefers-reduced-motion: reduce` for both. The same readings
 *   give each change's script time (`ScriptDuration`) and style + layout time
 *   (`RecalcStyleDuration` + `LayoutDuration`); the rest of the task time is mostly paint and
 *   compositing commits.
 * - Elements updated per change: counted separately, over further changes of the same sequence,
 *   with instrumentation on (so it never weighs on the timed changes): distinct DOM nodes
 *   mutated or inserted (a MutationObserver on the document and on every shadow root), for ours
 *   Lit element updates (`ReactiveElement.prototype.performUpdate` wrapped), for LiveKit's React
 *   component renders (a minimal React DevTools hook counting the function/class/memo/forwardRef
 *   fibers that rendered in each commit).
 * - Per run, p50/p95 are over that run's changes; a row is the median of each figure over the runs.
 */
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession } from 'playwright';
import {
  buildPages,
  launchBrowser,
  mainThreadMs,
  median,
  percentile,
  perfSession,
  startServer,
} from './harness.js';
import type { ChangeKind, Counts, DomNodes, Impl, RenderBench } from './pages/render.js';

export interface RenderRow {
  impl: Impl;
  participants: number;
  /** Tiles shown on the first page after the first render. */
  tiles: number;
  firstRenderMs: number;
  firstRenderMainMs: number;
  /** Main-thread ms per change, less the no-op baseline. */
  speakerP50: number;
  speakerP95: number;
  muteP50: number;
  muteP95: number;
  speakerMean: number;
  muteMean: number;
  /** Of the p50 change: script (JS) ms, and style recalculation + layout ms (p50 each). */
  speakerScriptP50: number;
  muteScriptP50: number;
  speakerStyleLayoutP50: number;
  muteStyleLayoutP50: number;
  /** Main-thread ms of the no-op (CDP round trip and settling), already subtracted above. */
  baselineMs: number;
  nodesPerSpeaker: number;
  nodesPerMute: number;
  /** Authored DOM nodes after the first render: the whole UI, and per tile (mean over tiles). */
  domNodes: number;
  nodesPerTile: number;
  litUpdatesPerSpeaker?: number;
  litUpdatesPerMute?: number;
  reactRendersPerSpeaker?: number;
  reactRendersPerMute?: number;
  /** Lit updates per speaker change by tag (ours only), for explaining the cost. */
  litBySpeakerTag?: Record<string, number>;
  litByMuteTag?: Record<string, number>;
  runs: number;
}

export interface RenderOptions {
  browser: Browser;
  baseUrl: string;
  smoke: boolean;
  runs: number;
  /** Changes of each kind timed per run (default 200, smoke 4). */
  changes?: number;
  sizes?: number[];
  /**
   * Also measure `floor`: no UI, only the room and the changes (what livekit-client itself spends
   * on a change, which both UIs pay too).
   */
  floor?: boolean;
  /** Emulate `prefers-reduced-motion: reduce` (ours then drops its transitions). */
  reducedMotion?: boolean;
  log?: (line: string) => void;
}

export const RENDER_SIZES = [9, 25, 49, 100];
const impls: Impl[] = ['ours', 'livekit', 'floor'];
const SEED = 7;

interface RunResult {
  tiles: number;
  firstRenderMs: number;
  firstRenderMainMs: number;
  speaker: Split[];
  mute: Split[];
  baseline: Split;
  speakerCounts: Counts[];
  muteCounts: Counts[];
  dom: DomNodes;
}

type Window = { renderBench: RenderBench };

/** Main-thread ms so far: all tasks, script within them, style recalculation + layout. */
interface Split {
  task: number;
  script: number;
  styleLayout: number;
}

async function threadMetrics(cdp: CDPSession): Promise<Split> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return {
    task: get('TaskDuration'),
    script: get('ScriptDuration'),
    styleLayout: get('RecalcStyleDuration') + get('LayoutDuration'),
  };
}

const minus = (a: Split, b: Split): Split => ({
  task: a.task - b.task,
  script: a.script - b.script,
  styleLayout: a.styleLayout - b.styleLayout,
});

async function measureOnce(
  browser: Browser,
  baseUrl: string,
  impl: Impl,
  remotes: number,
  changes: number,
  countChanges: number,
  smoke: boolean,
  reducedMotion: boolean,
): Promise<RunResult> {
  const warmup = smoke ? 1 : 5;
  const baselineCount = smoke ? 5 : 20;
  const pause = smoke ? 100 : 1000;
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    if (reducedMotion) await page.emulateMedia({ reducedMotion: 'reduce' });
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(String(e)));
    // The built pages are shared with the other benchmarks, whose builds empty the directory
    // first: a page missing for a moment is asked for again (bounded).
    for (let attempt = 1; ; attempt++) {
      const response = await page.goto(`${baseUrl}/render.html`).catch(() => null);
      if (response?.ok()) break;
      if (attempt === 20) throw new Error('render.html could not be loaded');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await page.waitForFunction(() => 'renderBench' in window);
    const cdp = await perfSession(page);
    await page.evaluate(
      ([impl, n, seed]) => (window as unknown as Window).renderBench.setup(impl, n, seed),
      [impl, remotes, SEED] as const,
    );

    const m0 = await mainThreadMs(cdp);
    const mount = await page.evaluate(() => (window as unknown as Window).renderBench.mount());
    const m1 = await mainThreadMs(cdp);
    if (mount.timedOut) throw new Error(`${impl} ${remotes}: the first render never settled`);
    if (impl !== 'floor' && !(mount.tiles > 0))
      throw new Error(`${impl} ${remotes}: no tiles rendered`);
    // Counted once settled, before any change (no speaker, every camera on).
    const dom = await page.evaluate(() => (window as unknown as Window).renderBench.domNodes());

    // Contiguous readings: each change is charged all main-thread time since the previous
    // reading, so work a change leaves for later (a CSS transition's frames) is counted too, in
    // the following changes of the same kind; pauses between phases are not counted.
    let last = await threadMetrics(cdp);
    const step = async (kind: ChangeKind) => {
      await page.evaluate((k) => (window as unknown as Window).renderBench.change(k), kind);
      const now = await threadMetrics(cdp);
      const spent = minus(now, last);
      last = now;
      return spent;
    };
    const rest = async () => {
      await page.waitForTimeout(pause);
      last = await threadMetrics(cdp);
    };
    for (let i = 0; i < warmup; i++) {
      await step('speaker');
      await step('mute');
    }
    await rest();
    const noop: Split[] = [];
    for (let i = 0; i < baselineCount; i++) noop.push(await step('noop'));
    const baseline: Split = {
      task: median(noop.map((m) => m.task)),
      script: median(noop.map((m) => m.script)),
      styleLayout: median(noop.map((m) => m.styleLayout)),
    };
    const speaker: Split[] = [];
    for (let i = 0; i < changes; i++) speaker.push(minus(await step('speaker'), baseline));
    await rest();
    const mute: Split[] = [];
    for (let i = 0; i < changes; i++) mute.push(minus(await step('mute'), baseline));
    await page.waitForTimeout(pause);

    // Counted one change at a time, so "distinct nodes" is per change.
    const countOne = (kind: ChangeKind) =>
      page.evaluate(async (k) => {
        const b = (window as unknown as Window).renderBench;
        b.startCounting();
        await b.change(k);
        return b.stopCounting();
      }, kind);
    const speakerCounts: Counts[] = [];
    const muteCounts: Counts[] = [];
    for (let i = 0; i < countChanges; i++) {
      speakerCounts.push(await countOne('speaker'));
      muteCounts.push(await countOne('mute'));
    }
    const tiles = await page.evaluate(() => (window as unknown as Window).renderBench.tiles());
    if (failures.length) throw new Error(`${impl} ${remotes}: page errors: ${failures.join('; ')}`);
    return {
      tiles,
      firstRenderMs: mount.wallMs,
      firstRenderMainMs: m1 - m0,
      speaker,
      mute,
      baseline,
      speakerCounts,
      muteCounts,
      dom,
    };
  } finally {
    await page.close();
  }
}

const task = (splits: Split[]) => splits.map((m) => m.task);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / (values.length || 1);

/** Lit updates per change by tag, averaged over the counted changes. */
function byTag(counts: Counts[]): Record<string, number> {
  const total: Record<string, number> = {};
  for (const c of counts)
    for (const [tag, n] of Object.entries(c.litByTag)) total[tag] = (total[tag] ?? 0) + n;
  return Object.fromEntries(
    Object.entries(total)
      .sort((a, b) => b[1] - a[1])
      .map(([tag, n]) => [tag, n / counts.length]),
  );
}

/**
 * Every (implementation, size) `runs` times, a fresh page each; rows are medians over the runs.
 * `smoke`: 2 remote participants, 4 changes of each kind, one run.
 */
/** The median of one figure over a run's changes. */
const p50 = (
  changes: Array<{ script: number; styleLayout: number }>,
  field: 'script' | 'styleLayout',
) =>
  percentile(
    changes.map((m) => m[field]),
    50,
  );

export async function renderCost(opts: RenderOptions): Promise<RenderRow[]> {
  const { browser, baseUrl, smoke } = opts;
  const sizes = opts.sizes ?? (smoke ? [2] : RENDER_SIZES);
  const runs = smoke ? 1 : opts.runs;
  const changes = opts.changes ?? (smoke ? 4 : 200);
  const countChanges = smoke ? 2 : Math.min(changes, 30);
  const log = opts.log ?? (() => {});
  const rows: RenderRow[] = [];
  for (const n of sizes) {
    const results: Record<Impl, RunResult[]> = { ours: [], livekit: [], floor: [] };
    for (let run = 0; run < runs; run++) {
      const order: Impl[] = run % 2 ? ['livekit', 'ours'] : ['ours', 'livekit'];
      if (opts.floor) order.push('floor');
      for (const impl of order) {
        const started = Date.now();
        const r = await measureOnce(
          browser,
          baseUrl,
          impl,
          n,
          changes,
          countChanges,
          smoke,
          opts.reducedMotion ?? false,
        );
        results[impl].push(r);
        log(
          `render ${impl} n=${n} run ${run + 1}/${runs}: ${r.tiles} tiles, first ${r.firstRenderMs.toFixed(0)} ms ` +
            `(main ${r.firstRenderMainMs.toFixed(0)}), speaker p50 ${percentile(task(r.speaker), 50).toFixed(2)}, ` +
            `mute p50 ${percentile(task(r.mute), 50).toFixed(2)}, baseline ${r.baseline.task.toFixed(2)} ms, ` +
            `${r.dom.total} DOM nodes, ${mean(r.dom.tiles).toFixed(1)} per tile ` +
            `[${((Date.now() - started) / 1000).toFixed(1)} s]`,
        );
      }
    }
    for (const impl of opts.floor ? impls : impls.slice(0, 2)) {
      const rs = results[impl];
      const per = (f: (r: RunResult) => number) => median(rs.map(f));
      const row: RenderRow = {
        impl,
        participants: n,
        tiles: per((r) => r.tiles),
        firstRenderMs: per((r) => r.firstRenderMs),
        firstRenderMainMs: per((r) => r.firstRenderMainMs),
        speakerP50: per((r) => percentile(task(r.speaker), 50)),
        speakerP95: per((r) => percentile(task(r.speaker), 95)),
        muteP50: per((r) => percentile(task(r.mute), 50)),
        muteP95: per((r) => percentile(task(r.mute), 95)),
        speakerMean: per((r) => mean(task(r.speaker))),
        muteMean: per((r) => mean(task(r.mute))),
        speakerScriptP50: per((r) => p50(r.speaker, 'script')),
        muteScriptP50: per((r) => p50(r.mute, 'script')),
        speakerStyleLayoutP50: per((r) => p50(r.speaker, 'styleLayout')),
        muteStyleLayoutP50: per((r) => p50(r.mute, 'styleLayout')),
        baselineMs: per((r) => r.baseline.task),
        nodesPerSpeaker: per((r) => mean(r.speakerCounts.map((c) => c.nodes))),
        nodesPerMute: per((r) => mean(r.muteCounts.map((c) => c.nodes))),
        domNodes: per((r) => r.dom.total),
        nodesPerTile: per((r) => mean(r.dom.tiles)),
        runs: rs.length,
      };
      if (impl === 'floor') {
        // No UI: only livekit-client's own work (and nothing to count).
      } else if (impl === 'ours') {
        row.litUpdatesPerSpeaker = per((r) => mean(r.speakerCounts.map((c) => c.litUpdates)));
        row.litUpdatesPerMute = per((r) => mean(r.muteCounts.map((c) => c.litUpdates)));
        row.litBySpeakerTag = byTag(rs.flatMap((r) => r.speakerCounts));
        row.litByMuteTag = byTag(rs.flatMap((r) => r.muteCounts));
      } else {
        row.reactRendersPerSpeaker = per((r) => mean(r.speakerCounts.map((c) => c.reactRenders)));
        row.reactRendersPerMute = per((r) => mean(r.muteCounts.map((c) => c.reactRenders)));
      }
      rows.push(row);
    }
  }
  return rows;
}

const f1 = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(1));
const f2 = (n: number | undefined) => (n === undefined ? '–' : n.toFixed(2));

/** The rows as a Markdown table. */
export function renderTable(rows: RenderRow[]): string {
  return [
    '| Impl | N | tiles | first render ms (main) | speaker p50 / p95 / mean ms | mute p50 / p95 / mean ms | of which script, style+layout p50: speaker; mute | nodes per speaker / mute | Lit updates or React renders per speaker / mute |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.impl} | ${r.participants} | ${r.tiles} | ${f1(r.firstRenderMs)} (${f1(r.firstRenderMainMs)}) | ` +
        `${f2(r.speakerP50)} / ${f2(r.speakerP95)} / ${f2(r.speakerMean)} | ${f2(r.muteP50)} / ${f2(r.muteP95)} / ${f2(r.muteMean)} | ` +
        `${f2(r.speakerScriptP50)}, ${f2(r.speakerStyleLayoutP50)}; ${f2(r.muteScriptP50)}, ${f2(r.muteStyleLayoutP50)} | ` +
        `${f1(r.nodesPerSpeaker)} / ${f1(r.nodesPerMute)} | ` +
        (r.impl === 'ours'
          ? `${f1(r.litUpdatesPerSpeaker)} / ${f1(r.litUpdatesPerMute)} Lit`
          : r.impl === 'livekit'
            ? `${f1(r.reactRendersPerSpeaker)} / ${f1(r.reactRendersPerMute)} React`
            : '–') +
        ' |',
    ),
  ].join('\n');
}

/**
 * Authored DOM nodes after the first render (the rule: bench/pages/render.ts `countNodes`): the
 * whole UI, and per tile, ours against LiveKit's at each size.
 */
export function nodesTable(rows: RenderRow[]): string {
  const lines = [
    '| N | tiles ours / LiveKit | DOM nodes of the UI, ours / LiveKit | nodes per tile, ours / LiveKit | per tile, ours ÷ LiveKit |',
    '|---:|---:|---:|---:|---:|',
  ];
  for (const n of [...new Set(rows.map((r) => r.participants))]) {
    const ours = rows.find((r) => r.impl === 'ours' && r.participants === n);
    const lk = rows.find((r) => r.impl === 'livekit' && r.participants === n);
    if (!ours || !lk) continue;
    lines.push(
      `| ${n} | ${ours.tiles} / ${lk.tiles} | ${ours.domNodes} / ${lk.domNodes} | ` +
        `${f1(ours.nodesPerTile)} / ${f1(lk.nodesPerTile)} | ${f2(ours.nodesPerTile / lk.nodesPerTile)} |`,
    );
  }
  return lines.join('\n');
}

/** Ratios within the run: ours / LiveKit's per change, and ours at the largest size / the smallest. */
export function renderRatios(rows: RenderRow[]): string[] {
  const lines: string[] = [];
  const sizes = [...new Set(rows.map((r) => r.participants))];
  for (const n of sizes) {
    const ours = rows.find((r) => r.impl === 'ours' && r.participants === n);
    const lk = rows.find((r) => r.impl === 'livekit' && r.participants === n);
    if (!ours || !lk) continue;
    lines.push(
      `N=${n}: ours/LiveKit speaker p50 ${f2(ours.speakerP50 / lk.speakerP50)}, ` +
        `mute p50 ${f2(ours.muteP50 / lk.muteP50)}, first render ${f2(ours.firstRenderMs / lk.firstRenderMs)}`,
    );
  }
  const ours = rows.filter((r) => r.impl === 'ours');
  const small = ours[0];
  const large = ours.at(-1);
  if (small && large && small !== large)
    lines.push(
      `ours N=${large.participants} / N=${small.participants}: speaker p50 ${f2(large.speakerP50 / small.speakerP50)}, ` +
        `mute p50 ${f2(large.muteP50 / small.muteP50)}`,
    );
  return lines;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const smoke = args.includes('--smoke');
  const started = Date.now();
  await buildPages();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const rows = await renderCost({
      browser,
      baseUrl: server.url,
      smoke,
      runs: Number(arg('runs') ?? 5),
      changes: arg('changes') ? Number(arg('changes')) : undefined,
      sizes: arg('sizes')?.split(',').map(Number),
      reducedMotion: args.includes('--reduced-motion'),
      floor: args.includes('--floor'),
      log: (line) => console.log(line),
    });
    console.log(renderTable(rows));
    console.log(nodesTable(rows));
    for (const line of renderRatios(rows)) console.log(line);
    for (const r of rows)
      if (r.litBySpeakerTag)
        console.log(
          `ours N=${r.participants} Lit updates per speaker change:`,
          r.litBySpeakerTag,
          'per mute:',
          r.litByMuteTag,
        );
    console.log(`render cost took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await browser.close();
    await server.close();
  }
}
