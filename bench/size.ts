/**
 * Bundle sizes, min and gzip, every entry built by the same Vite/rolldown settings (ES2022,
 * minified ES, production defines; what an entry loads up front is measured apart from chunks it
 * loads only on demand, such as our languages other than English): our elements with lit but without livekit-client, the
 * whole CDN bundle, each element alone (without livekit-client, which every one shares), and
 * LiveKit's React prefab (`LiveKitRoom` + `VideoConference` with react and react-dom), with and
 * without livekit-client.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

export interface SizeRow {
  name: string;
  /** What a page loads up front: the entry and every chunk it imports statically. */
  min: number;
  gzip: number;
  /** Chunks loaded only when asked for (each language but English), summed; 0 if none. */
  lazyMin: number;
  lazyGzip: number;
}

const root = resolve(import.meta.dirname, '..');
const entries = join(root, '.cache', 'bench-entries');

async function measure(name: string, source: string, external: string[] = []): Promise<SizeRow> {
  mkdirSync(entries, { recursive: true });
  const file = join(entries, `${name.replace(/[^\w-]/g, '_')}.ts`);
  writeFileSync(file, source);
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      cssCodeSplit: false,
      // No modulepreload helper: the lazy chunks are small and loaded one at a time.
      modulePreload: false,
      rolldownOptions: {
        input: file,
        external,
        // Keep what an entry exports (an app build would drop unused exports and all they use).
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es', minify: true },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = new Map<string, Rolldown.OutputChunk>();
  let css = '';
  for (const output of outputs) {
    for (const item of output.output) {
      if (item.type === 'chunk') chunks.set(item.fileName, item);
      else if (item.fileName.endsWith('.css')) css += String(item.source);
    }
  }
  // Up front: the entry and its static imports, transitively; the rest is loaded on demand.
  const upFront = new Set<string>();
  const visit = (fileName: string): void => {
    if (upFront.has(fileName)) return;
    upFront.add(fileName);
    for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  let code = css;
  let lazyMin = 0;
  let lazyGzip = 0;
  for (const [fileName, chunk] of chunks) {
    if (upFront.has(fileName)) code += chunk.code;
    else {
      // Each lazy chunk is its own download, so each is compressed on its own.
      lazyMin += Buffer.byteLength(chunk.code);
      lazyGzip += gzipSync(chunk.code, { level: 9 }).byteLength;
    }
  }
  return {
    name,
    min: Buffer.byteLength(code),
    gzip: gzipSync(code, { level: 9 }).byteLength,
    lazyMin,
    lazyGzip,
  };
}

const src = (path: string) => JSON.stringify(join(root, 'src', path));

/** Every size row; `smoke` builds two small ones only (for `npm test`). */
export async function sizes(smoke = false): Promise<SizeRow[]> {
  const rows: SizeRow[] = [];
  const noLivekit = ['livekit-client'];
  rows.push(
    await measure(
      'ours: all elements, without livekit-client',
      `import ${src('index.ts')};`,
      noLivekit,
    ),
  );
  const tags = readdirSync(join(root, 'src', 'components')).sort();
  for (const tag of smoke ? tags.slice(0, 1) : tags) {
    rows.push(
      await measure(
        `ours: <${tag}> alone, without livekit-client`,
        `import ${src(`components/${tag}/${tag}.ts`)};`,
        noLivekit,
      ),
    );
  }
  if (smoke) return rows;
  rows.push(
    await measure('ours: whole CDN bundle (with livekit-client)', `import ${src('index.ts')};`),
  );
  const prefab = [
    "import { LiveKitRoom, VideoConference } from '@livekit/components-react';",
    "import '@livekit/components-styles';",
    "import { createElement } from 'react';",
    "import { createRoot } from 'react-dom/client';",
    'export function mount(el: HTMLElement, token: string, url: string) {',
    '  createRoot(el).render(createElement(LiveKitRoom, { token, serverUrl: url, connect: true }, createElement(VideoConference)));',
    '}',
  ].join('\n');
  rows.push(
    await measure(
      "LiveKit's VideoConference + react + react-dom, without livekit-client",
      prefab,
      noLivekit,
    ),
  );
  rows.push(
    await measure("LiveKit's VideoConference + react + react-dom (with livekit-client)", prefab),
  );
  return rows;
}
