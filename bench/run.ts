/**
 * `npm run bench`: runs every benchmark and writes bench/RESULTS.md and bench/results.json with
 * this machine's details. `--smoke` (part of `npm test`) runs each at its smallest size and writes
 * nothing: it proves they still run. `--only size,render,network` picks some.
 *
 * - Size (bench/size.ts): bundles built by one set of bundler settings.
 * - Render cost (bench/render.ts): ours and LiveKit's VideoConference on one simulated room.
 * - First remote frame, bandwidth, memory (bench/network.ts): against the local livekit-server.
 * - Recovery after a node loss (bench/recovery.ts): on a two-node cluster with Redis.
 * - Webinar scale (bench/webinar.ts): cost per event at 100 and 1000 participants, the list.
 *
 * With `--only`, the sections of RESULTS.md (and keys of results.json) not run are kept as they
 * were; each keeps the machine line of the run that wrote it.
 */
import { cpus, totalmem, platform, release, arch } from 'node:os';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { sizes, type SizeRow } from './size.js';
import { buildPages, launchBrowser, startServer } from './harness.js';
import { nodesTable, renderCost, renderRatios, renderTable, type RenderRow } from './render.js';
import {
  bandwidth,
  firstFrame,
  memoryCycles,
  type BandwidthRow,
  type FirstFrameRow,
  type MemoryRow,
} from './network.js';
import { recovery, type RecoverySummary } from './recovery.js';
import { webinarCost, webinarTable, type WebinarRow } from './webinar.js';
import { effectsCost, effectsTable, type EffectsRow } from './effects.js';

const smoke = process.argv.includes('--smoke');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? new Set(process.argv[onlyAt + 1]?.split(',')) : undefined;
const wanted = (name: string) => !only || only.has(name);
const kB = (n: number) => (n / 1000).toFixed(1);
const f = (n: number, digits = 1) => n.toFixed(digits);
const MB = (n: number) => (n / 2 ** 20).toFixed(1);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

const machine = {
  date: new Date().toISOString(),
  node: process.version,
  os: `${platform()} ${release()} ${arch()}`,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
};

/** The installed version of a package the run measures or compares against. */
function installed(name: string): string {
  const file = join('node_modules', name, 'package.json');
  if (!existsSync(file)) return 'not installed';
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

/** Long work says what it is doing: each benchmark announces itself and its time when done. */
function step(what: string): () => void {
  const started = Date.now();
  console.log(`bench: ${what}…`);
  return () => console.log(`bench: ${what} done in ${seconds(started)}`);
}

const started = Date.now();
let sizeRows: SizeRow[] = [];
let renderRows: RenderRow[] = [];
let frameRows: FirstFrameRow[] = [];
let bandwidthRows: BandwidthRow[] = [];
let memoryRows: MemoryRow[] = [];
let recoveryRun: RecoverySummary | undefined;
let webinarRows: WebinarRow[] = [];
let effectsRows: EffectsRow[] = [];

if (wanted('size')) {
  const done = step(smoke ? 'sizes (smoke)' : 'sizes: 27 Vite builds (seconds)');
  sizeRows = await sizes(smoke);
  for (const row of sizeRows) {
    if (!(row.min > 0 && row.gzip > 0 && row.gzip < row.min)) {
      throw new Error(`size of "${row.name}" is not plausible: ${row.min} / ${row.gzip}`);
    }
  }
  done();
}

if (wanted('render') || wanted('network') || wanted('recovery') || wanted('webinar')) {
  let done = step('building the bench pages');
  await buildPages();
  done();
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    if (wanted('render')) {
      done = step(
        smoke ? 'render cost (smoke)' : 'render cost: 4 sizes × 2 UIs × 5 runs (10–25 minutes)',
      );
      renderRows = await renderCost({
        browser,
        baseUrl: server.url,
        smoke,
        runs: smoke ? 1 : 5,
        // Progress, one line per run of a size and UI (a full run takes many minutes).
        log: smoke ? undefined : (line) => console.log(`  ${line}`),
      });
      done();
    }
    if (wanted('network')) {
      const options = { browser, server, smoke };
      done = step(
        smoke
          ? 'first remote frame (smoke)'
          : 'first remote frame: ours, raw, prefab (about 1 minute)',
      );
      frameRows = await firstFrame(options);
      done();
      done = step(
        smoke ? 'bandwidth (smoke)' : 'bandwidth: 16 publishers, 30 s per viewer (about 2 minutes)',
      );
      bandwidthRows = await bandwidth(options);
      done();
      done = step(
        smoke ? 'memory (smoke)' : 'memory: 100 join/leave cycles per UI (about 2 minutes)',
      );
      memoryRows = await memoryCycles(options);
      done();
    }
    if (wanted('recovery')) {
      done = step(
        smoke
          ? 'recovery after a node loss (smoke)'
          : 'recovery: 5 SIGKILLs of a node of a two-node cluster (about 2 minutes)',
      );
      recoveryRun = await recovery({
        browser,
        runs: smoke ? 1 : 5,
        log: smoke ? undefined : (line) => console.log(`  ${line}`),
      });
      done();
    }
    if (wanted('webinar')) {
      done = step(
        smoke ? 'webinar scale (smoke)' : 'webinar scale: 2 sizes × 2 modes × 5 runs (minutes)',
      );
      webinarRows = await webinarCost({
        browser,
        baseUrl: server.url,
        smoke,
        runs: 5,
        log: smoke ? undefined : (line) => console.log(`  ${line}`),
      });
      done();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

// Background effects: the cost per camera frame of the blur (bench/effects.ts; the CDN build).
if (wanted('effects')) {
  const done = step(smoke ? 'background effects (smoke)' : 'background effects: off, blur (30 s)');
  effectsRows = await effectsCost({ seconds: smoke ? 2 : 10 });
  done();
}

if (smoke) {
  console.log(
    `bench smoke: ${sizeRows.length} size rows, ${renderRows.length} render rows, ` +
      `${frameRows.length + bandwidthRows.length + memoryRows.length} network rows, ` +
      `${recoveryRun?.rows.length ?? 0} recovery rows, ${webinarRows.length} webinar rows, ` +
      `${effectsRows.length} effects rows ` +
      `in ${seconds(started)}`,
  );
} else {
  const md: string[] = [
    '# Benchmark results',
    '',
    `Run ${machine.date} on ${machine.os}, ${machine.cpus}, ${machine.memory}, Node ${machine.node};`,
    `headless Chromium (Debian), livekit-server in dev mode on loopback; ${seconds(started)} in all.`,
    `Compared against LiveKit's \`VideoConference\` prefab from @livekit/components-react ${installed('@livekit/components-react')}`,
    `(components-core ${installed('@livekit/components-core')}); livekit-client ${installed('livekit-client')}.`,
    'Reproduce with `npm run bench` (`--only size,render,network` for some). Ratios are taken',
    'within this one run; the machine is shared, so absolute times move between runs.',
    '',
  ];
  if (sizeRows.length) {
    md.push(
      '## Size',
      '',
      'Every row is built by the same settings (Vite/rolldown, ES2022, minified ES, production',
      'defines); gzip at level 9. "Up front" is the entry and every chunk it imports statically;',
      '"on demand" sums the chunks loaded only when needed (our languages other than English, and',
      'Floating UI when a popover first opens), each compressed on its own.',
      '',
      '| Bundle | up front, min (kB) | up front, gzip (kB) | on demand, gzip (kB) |',
      '|---|---:|---:|---:|',
      ...sizeRows.map(
        (r) =>
          `| ${r.name} | ${kB(r.min)} | ${kB(r.gzip)} | ${r.lazyGzip ? kB(r.lazyGzip) : '–'} |`,
      ),
      '',
    );
  }
  if (renderRows.length) {
    md.push(
      '## Render cost',
      '',
      "The full default UI, ours (`<media-room>`) and LiveKit's `VideoConference`, on the same",
      "simulated room (a real livekit-client Room fed the SFU's messages, no server), 1280×720,",
      'the same seeded sequence of changes for both. Main-thread ms per change from the DevTools',
      "Performance domain (thread time), a no-op change's cost subtracted; medians over 5 runs of",
      '200 changes of each kind. bench/render.ts says how each figure is taken.',
      '',
      renderTable(renderRows),
      '',
      ...renderRatios(renderRows).map((line) => `- ${line}`),
      '',
      'Authored DOM nodes after the first render, before any change: elements and non-blank text',
      'in the document and every shadow root (no comments, `<style>`, `<link>`, `<script>`); a tile',
      'is its root element with everything under it and any wrapper that holds only it.',
      '',
      nodesTable(renderRows),
      '',
    );
  }
  if (frameRows.length) {
    md.push(
      '## First remote frame',
      '',
      'From navigation to the first presented frame of a remote camera (one Chromium publisher',
      'already in the room), each page joining as a viewer that publishes nothing; fresh browser',
      'context per run, the three pages in turn within each run.',
      '',
      '| Page | median ms | min–max ms | ratio to raw (median of per-run ratios) | token asked / reply seen / track / attached (ms) | long tasks before the frame (ms) |',
      '|---|---:|---:|---:|---:|---:|',
      ...frameRows.map(
        (r) =>
          `| ${r.impl} | ${f(r.medianMs, 0)} | ${f(r.minMs, 0)}–${f(r.maxMs, 0)} | ${f(r.ratioToRaw, 2)} | ` +
          `${f(r.fetchMs, 0)} / ${f(r.tokenReplyMs, 0)} / ${f(r.trackMs, 0)} / ${f(r.attachMs, 0)} | ${f(r.longTasksMs, 0)} |`,
      ),
      '',
    );
  }
  if (bandwidthRows.length) {
    md.push(
      '## Bandwidth',
      '',
      'Real publishers through the SFU (livekit-client Rooms in a second Chromium page, simulcast,',
      "the fake camera; LiveKit's `lk load-test` is not installable from this machine's Go module",
      'proxy), each viewer alone in its own browser context for the window; from getStats.',
      '',
      '| Viewer | publishers | visible video tiles | video streams received | inbound kbit/s | ratio to prefab | median frame width |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...bandwidthRows.map(
        (r) =>
          `| ${r.impl} | ${r.publishers} | ${r.visibleTiles} | ${r.receivedStreams} | ${f(r.inboundKbps, 0)} | ${f(r.ratioToPrefab, 2)} | ${f(r.medianWidth, 0)} |`,
      ),
      '',
    );
  }
  if (memoryRows.length) {
    md.push(
      '## Memory',
      '',
      'One page per UI joins and leaves a room with one publisher, the UI put on the page and taken',
      'off each time; heap after a full GC and DOM nodes from the DevTools protocol.',
      '',
      '| UI | cycles | heap start → after 1 → after all (MB) | heap per cycle after the first (kB) | DOM nodes start → after 1 → after all |',
      '|---|---:|---:|---:|---:|',
      ...memoryRows.map(
        (r) =>
          `| ${r.impl} | ${r.cycles} | ${MB(r.heapStart)} → ${MB(r.heapAfterFirst)} → ${MB(r.heapAfter)} | ` +
          `${f(r.heapPerCycle / 1000)} | ${r.nodesStart} → ${r.nodesAfterFirst} → ${r.nodesAfter} |`,
      ),
      '',
    );
  }
  if (recoveryRun) {
    md.push(
      '## Recovery after a node loss',
      '',
      `Run ${machine.date} on ${machine.os}, ${machine.cpus}, ${machine.memory}, Node ${machine.node}.`,
      'A LiveKit cluster on loopback (dev/cluster.ts): Redis and two livekit-server nodes. A viewer',
      'page (`<media-room>`, default UI, camera on) joins through node 0, a peer page through node 1;',
      'node 0 is killed with SIGKILL once the viewer shows the peer. Measured: from the kill to the',
      "viewer back in the call with video (connected again and a new frame of the peer's camera",
      'presented). The token route is the server helper with a resolver naming a serving node.',
      `\`rejoin-after\` at its default, ${recoveryRun.rejoinAfterMs} ms. Node 0 hosts the room in the odd runs`,
      '(then both pages rejoin) and only forwards the viewer in the even ones (bench/recovery.ts).',
      '',
      '| Run | node 0 | loss noticed (ms) | back in the call with video (ms) | the peer after the kill (ms) |',
      '|---:|---|---:|---:|---|',
      ...recoveryRun.rows.map(
        (r) =>
          `| ${r.run} | ${r.killedHost ? 'hosted the room' : 'forwarded the viewer'} | ${r.noticedMs} | ` +
          `${r.recoveryMs} | ${r.peerPhases || 'stayed connected'} |`,
      ),
      '',
      `Median over ${recoveryRun.rows.length} kills: **${(recoveryRun.medianMs / 1000).toFixed(1)} s** (target ≤ 10 s); ` +
        `over the kills of the hosting node alone: ${(recoveryRun.hostMedianMs / 1000).toFixed(1)} s.`,
      '',
    );
  }
  if (webinarRows.length) {
    md.push(
      '## Webinar scale',
      '',
      "A simulated room (a real livekit-client Room fed the SFU's messages, no server) of N",
      'participants, 5 publishing a camera and a microphone, the rest viewers. Wall ms in the page',
      'per event, a no-op subtracted, medians over 5 runs (fresh page each) of 15 batches of 20',
      'events. Store: a `RoomStore` with its selectors subscribed; default UI:',
      '`<media-room type="webinar">` with the participant list open (Lit updates, style and',
      'layout). List rows: once per page. Targets: ratio ≤ 2 per event; list open ≤ 50 ms at',
      '1000. bench/webinar.ts says how each figure is taken.',
      '',
      webinarTable(webinarRows),
      '',
    );
  }
  if (effectsRows.length) {
    md.push(
      '## Background effects',
      '',
      'The pre-join preview of the fake camera (1280×720) from the CDN build, 10 s with the effect',
      'off, then 10 s blurred (bench/effects.ts). Per frame shown: main-thread task time (CDP',
      'Performance), CPU time of the renderer and GPU processes (WebGL on SwiftShader here: no',
      'GPU), and the worker threads the page runs.',
      '',
      ...effectsTable(effectsRows),
      '',
    );
  }
  // Written as the formatter would write them, so `npm test`'s format check passes on them.
  const dir = import.meta.dirname;
  const style = (await resolveConfig(join(dir, 'RESULTS.md'))) ?? {};
  const results = join(dir, 'RESULTS.md');
  const fresh = md.join('\n');
  const merged =
    only && existsSync(results) ? keepOthers(readFileSync(results, 'utf8'), fresh) : fresh;
  const text = await format(merged, { ...style, parser: 'markdown' });
  const previous: Record<string, unknown> =
    only && existsSync(join(dir, 'results.json'))
      ? (JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Record<string, unknown>)
      : {};
  const json = JSON.stringify({
    ...previous,
    ...(only ? {} : { machine }),
    ...(wanted('size') ? { sizes: sizeRows } : {}),
    ...(wanted('render') ? { render: renderRows } : {}),
    ...(wanted('network')
      ? { firstFrame: frameRows, bandwidth: bandwidthRows, memory: memoryRows }
      : {}),
    ...(recoveryRun ? { recovery: { machine, ...recoveryRun } } : {}),
    ...(wanted('webinar') ? { webinar: webinarRows } : {}),
    ...(wanted('effects') ? { effects: effectsRows } : {}),
  });
  writeFileSync(join(dir, 'RESULTS.md'), text);
  writeFileSync(join(dir, 'results.json'), await format(json, { ...style, parser: 'json' }));
  console.log(text);
}

/**
 * The sections (`## …`) of `fresh` in place of those of the same title in `old`, the others of
 * `old` kept, new ones appended; `old`'s heading part kept (it names the run that wrote it).
 */
function keepOthers(old: string, fresh: string): string {
  const split = (text: string) => {
    const [head, ...sections] = text.split(/^(?=## )/m);
    return { head: head ?? '', sections };
  };
  const title = (section: string) => section.split('\n', 1)[0]!.trim();
  const before = split(old);
  const after = split(fresh).sections;
  const kept = before.sections.map(
    (section) => after.find((s) => title(s) === title(section)) ?? section,
  );
  const added = after.filter((s) => !before.sections.some((o) => title(o) === title(s)));
  return [before.head, ...kept, ...added].map((part) => part.trimEnd() + '\n\n').join('');
}
