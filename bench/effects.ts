/**
 * What a background effect costs per camera frame: the CDN bundle (dist/cdn/, with its assets in
 * dist/assets/: run `npm run build` first) in headless Chromium, the pre-join screen previewing the
 * fake camera (1280×720, the preview's size), measured for a while with the effect off, then with the blur on.
 *
 * Per frame the camera shows: the page's main-thread time (CDP `Performance` TaskDuration: where
 * `@livekit/track-processors` segments and composites each frame) and the CPU time of the
 * browser's processes that do the work (CDP `SystemInfo.getProcessInfo`: the renderer and the
 * GPU process, which runs WebGL on SwiftShader here); and the worker threads the page started
 * (none on Chromium's insertable-streams path: the package's frame-ticker worker is for browsers
 * without it).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_FLAGS, chromiumPath } from '../dev/chromium.js';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');

export interface EffectsRow {
  effect: 'off' | 'blur';
  /** frames the preview showed in the window */
  frames: number;
  fps: number;
  /** main-thread task time per frame (ms) */
  mainMsPerFrame: number;
  /** CPU time of the renderer and GPU processes per frame (ms) */
  processMsPerFrame: number;
  /** worker threads the page runs */
  workers: number;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>background effects cost</title>
    <script type="module" src="/dist/cdn/index.js"></script>
  </head>
  <body>
    <media-room token-url="/nowhere" style="display: block; width: 800px; height: 600px"></media-room>
  </body>
</html>`;

async function serve(): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!));
    if (path === '/' || path === '/effects.html') {
      res.writeHead(200, { 'content-type': TYPES['.html']! }).end(PAGE);
      return;
    }
    const file = join(root, path);
    if (!file.startsWith(dist) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/** The cost of the preview with the effect off, then blurred, over `seconds` each. */
export async function effectsCost({
  browser,
  seconds = 10,
}: {
  browser?: Browser;
  seconds?: number;
} = {}): Promise<EffectsRow[]> {
  if (!existsSync(join(dist, 'cdn', 'index.js')) || !existsSync(join(dist, 'assets'))) {
    throw new Error('bench/effects.ts measures the build: run `npm run build` first');
  }
  const server = await serve();
  const own = !browser;
  const b =
    browser ??
    (await chromium.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_FLAGS,
    }));
  const context = await b.newContext({ viewport: { width: 1000, height: 700 } });
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const browserCdp = await b.newBrowserCDPSession();
    await cdp.send('Performance.enable');
    await page.goto(`${server.url}/effects.html`);
    // The preview plays (the default UI's pre-join screen).
    await page.waitForFunction(
      () => {
        const room = document.querySelector('media-room');
        const call = room?.shadowRoot?.querySelector('media-call');
        const pre = call?.shadowRoot?.querySelector('pre-join') ?? null;
        const video = pre?.shadowRoot?.querySelector('video');
        return !!video && video.videoWidth > 0;
      },
      undefined,
      { timeout: 30_000 },
    );
    const rows: EffectsRow[] = [];
    for (const effect of ['off', 'blur'] as const) {
      if (effect === 'blur') {
        await page.evaluate(async () => {
          const room = document.querySelector('media-room') as unknown as {
            session: {
              setBackground(c: { type: string }): Promise<void>;
              background: { $state: { get(): { status: string } } };
            };
          };
          await room.session.setBackground({ type: 'blur' });
        });
        await page.waitForFunction(
          () =>
            (
              document.querySelector('media-room') as unknown as {
                session: { background: { $state: { get(): { status: string } } } };
              }
            ).session.background.$state.get().status === 'on',
          undefined,
          { timeout: 60_000 },
        );
        // Settle: the model is loaded, the first frames are behind.
        await page.waitForTimeout(3000);
      }
      const before = await measure(cdp, browserCdp);
      const frames = await page.evaluate(async (ms: number) => {
        const room = document.querySelector('media-room')!;
        const call = room.shadowRoot!.querySelector('media-call')!;
        const video = call
          .shadowRoot!.querySelector('pre-join')!
          .shadowRoot!.querySelector('video')!;
        let count = 0;
        const end = performance.now() + ms;
        // (No named inner functions: the page gets this function's source as it is.)
        while (performance.now() < end) {
          const shown = await Promise.race([
            new Promise<boolean>((done) => video.requestVideoFrameCallback(() => done(true))),
            new Promise<boolean>((done) => setTimeout(() => done(false), 5000)),
          ]);
          if (shown) count += 1;
        }
        return count;
      }, seconds * 1000);
      const after = await measure(cdp, browserCdp);
      rows.push({
        effect,
        frames,
        fps: frames / seconds,
        mainMsPerFrame: ((after.task - before.task) * 1000) / Math.max(1, frames),
        processMsPerFrame: ((after.cpu - before.cpu) * 1000) / Math.max(1, frames),
        workers: page.workers().length,
      });
    }
    return rows;
  } finally {
    await context.close();
    if (own) await b.close();
    await server.close();
  }
}

/** Main-thread task seconds of the page, and CPU seconds of the renderer and GPU processes. */
async function measure(
  cdp: import('playwright').CDPSession,
  browserCdp: import('playwright').CDPSession,
): Promise<{ task: number; cpu: number }> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  const task = metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  const info = (await browserCdp.send('SystemInfo.getProcessInfo')) as {
    processInfo: { type: string; cpuTime: number }[];
  };
  const cpu = info.processInfo
    .filter((p) => p.type === 'renderer' || p.type === 'GPU')
    .reduce((sum, p) => sum + p.cpuTime, 0);
  return { task, cpu };
}

/** The table for RESULTS.md. */
export function effectsTable(rows: EffectsRow[]): string[] {
  const off = rows.find((r) => r.effect === 'off');
  const lines = [
    '| Effect | Frames/s | Main thread ms/frame | Renderer + GPU CPU ms/frame | Workers |',
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.effect} | ${r.fps.toFixed(1)} | ${r.mainMsPerFrame.toFixed(1)} | ${r.processMsPerFrame.toFixed(1)} | ${r.workers} |`,
    );
  }
  const blur = rows.find((r) => r.effect === 'blur');
  if (off && blur) {
    lines.push(
      '',
      `Blur adds ${(blur.mainMsPerFrame - off.mainMsPerFrame).toFixed(1)} ms of main-thread time ` +
        `and ${(blur.processMsPerFrame - off.processMsPerFrame).toFixed(1)} ms of CPU per frame.`,
    );
  }
  return lines;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const rows = await effectsCost();
  console.log(effectsTable(rows).join('\n'));
}
