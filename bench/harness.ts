/**
 * What the browser benchmarks share: the bench pages built once for production (bench/pages/*.html,
 * every implementation bundled by the same Vite settings), one loopback HTTP server that serves
 * them with the token endpoint, the local livekit-server, and headless Chromium with fake media.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright';
import { build } from 'vite';
import { createMediaRooms, createRequestHandler } from '../src/server/index.js';
import { startSfu, type Sfu } from '../dev/sfu.js';
import { CHROMIUM_FLAGS, chromiumPath } from '../dev/chromium.js';

const root = resolve(import.meta.dirname, '..');
const pagesDir = join(root, 'bench', 'pages');
const outDir = join(root, '.cache', 'bench-pages');

/** Builds every bench/pages/*.html (minified, production defines) into .cache/bench-pages. */
export async function buildPages(): Promise<void> {
  const input = Object.fromEntries(
    readdirSync(pagesDir)
      .filter((f) => f.endsWith('.html'))
      .map((f) => [f.replace(/\.html$/, ''), join(pagesDir, f)]),
  );
  await build({
    configFile: false,
    root: pagesDir,
    logLevel: 'warn',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input },
    },
  });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface BenchServer {
  /** http://127.0.0.1:PORT: pages at /<name>.html, tokens at POST /api/rooms/:room/join */
  url: string;
  sfu: Sfu;
  close(): Promise<void>;
}

/** Starts livekit-server and the page + token server, both on loopback. */
export async function startServer(): Promise<BenchServer> {
  const sfu = await startSfu({ log: () => {} });
  const tokens = createRequestHandler(
    createMediaRooms({ apiKey: sfu.apiKey, apiSecret: sfu.apiSecret, livekitUrl: sfu.url }),
  );
  const server: Server = createServer((req, res) => {
    tokens(req, res).then(
      (handled) => {
        if (handled) return;
        const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!));
        const file = join(outDir, path);
        if (!file.startsWith(outDir) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(readFileSync(file));
      },
      () => res.destroy(),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sfu,
    async close() {
      server.closeAllConnections();
      await new Promise((done) => server.close(done));
      await sfu.stop();
    },
  };
}

/** Headless Debian Chromium with fake camera and microphone, as the browser tests use. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS });
}

/** Main-thread time (ms of task time on the renderer's main thread) so far, from the CDP. */
export async function mainThreadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** A CDP session on `page` with the Performance domain on, counting thread time. */
export async function perfSession(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return cdp;
}

/** Heap in use after a full collection, and the DOM node count, from the CDP. */
export async function memory(cdp: CDPSession): Promise<{ heap: number; nodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const { nodes } = await cdp.send('Memory.getDOMCounters');
  return { heap: usedSize, nodes };
}

export function median(values: number[]): number {
  return percentile(values, 50);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
