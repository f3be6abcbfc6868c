/**
 * The files the package serves from `dist/assets/` (src/internal/assets.ts finds them): each name
 * under `assets/` and the file or directory it is copied from. One list for the three places that
 * serve them: the build (`tsx dev/assets.ts` copies them into dist/assets/), the test server and
 * the demo (`assetMiddleware`, serving `/src/assets/…` straight from here while the sources run).
 */
import {
  cpSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, extname, join, resolve } from 'node:path';
import { withSegmenterMetadata } from './segmentation-model.js';

const root = resolve(import.meta.dirname, '..');

/** name under assets/ → path from the project root (a name ending in `/` is a directory). */
export const ASSETS: Record<string, string> = {
  // livekit-client's end-to-end encryption worker: one self-contained module.
  'e2ee-worker.js': 'node_modules/livekit-client/dist/livekit-client.e2ee.worker.mjs',
  // Background effects: MediaPipe's vision WebAssembly (a loader script and its .wasm, with and
  // without SIMD), the selfie segmentation model, and our own background images.
  'tasks-vision/': 'node_modules/@mediapipe/tasks-vision/wasm/',
  'selfie_segmentation.tflite':
    'node_modules/@mediapipe/selfie_segmentation/selfie_segmentation.tflite',
  'backgrounds/': 'src/assets/backgrounds/',
  // Voice processing: RNNoise and the noise gate as AudioWorklet modules, RNNoise's WebAssembly.
  'voice/rnnoise-worklet.js':
    'node_modules/@sapphi-red/web-noise-suppressor/dist/rnnoise/workletProcessor.js',
  'voice/noise-gate-worklet.js':
    'node_modules/@sapphi-red/web-noise-suppressor/dist/noiseGate/workletProcessor.js',
  'voice/rnnoise.wasm': 'node_modules/@sapphi-red/web-noise-suppressor/dist/rnnoise.wasm',
  'voice/rnnoise_simd.wasm': 'node_modules/@sapphi-red/web-noise-suppressor/dist/rnnoise_simd.wasm',
};

/**
 * Assets changed on their way out (copied or served): name → how. Background effects: the
 * segmentation model gets the metadata MediaPipe's segmenter needs (dev/segmentation-model.ts).
 */
const TRANSFORMS: Record<string, (bytes: Uint8Array) => Uint8Array> = {
  'selfie_segmentation.tflite': withSegmenterMetadata,
};

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
};

/** The content type an asset is served with (WebAssembly must be `application/wasm`). */
export function assetType(file: string): string {
  return TYPES[extname(file)] ?? 'application/octet-stream';
}

/** The file on disk serving `assets/<name>`, if the list has it. */
export function assetFile(name: string): string | undefined {
  if (name.includes('..')) return undefined;
  for (const [key, from] of Object.entries(ASSETS)) {
    if (key === name) return join(root, from);
    if (key.endsWith('/') && name.startsWith(key)) return join(root, from, name.slice(key.length));
  }
  return undefined;
}

/** The bytes to serve for `name` (from `file`) when it is changed on its way out, else undefined. */
export function transformedAsset(name: string, file: string): Uint8Array | undefined {
  const transform = TRANSFORMS[name];
  return transform ? Buffer.from(transform(readFileSync(file))) : undefined;
}

/** Copy every asset into `outDir` (dist/assets/). */
export function copyAssets(outDir = join(root, 'dist', 'assets')): void {
  for (const [name, from] of Object.entries(ASSETS)) {
    const source = join(root, from);
    if (!existsSync(source)) throw new Error(`asset ${name}: ${from} is missing`);
    const target = join(outDir, name);
    mkdirSync(dirname(target), { recursive: true });
    const transform = TRANSFORMS[name];
    if (transform) writeFileSync(target, transform(readFileSync(source)));
    else cpSync(source, target, { recursive: true });
  }
}

/**
 * Answers `GET <prefix><name>` for every listed asset (prefix `/src/assets/`: where
 * src/internal/assets.ts looks while the sources run); anything else goes on.
 */
export function assetMiddleware(prefix = '/src/assets/') {
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    if (!path.startsWith(prefix)) return next();
    const file = assetFile(decodeURIComponent(path.slice(prefix.length)));
    if (!file || !existsSync(file) || !statSync(file).isFile()) return next();
    const body = transformedAsset(decodeURIComponent(path.slice(prefix.length)), file);
    if (body) {
      res.writeHead(200, { 'content-type': assetType(file), 'content-length': body.length });
      res.end(body);
      return;
    }
    res.writeHead(200, {
      'content-type': assetType(file),
      'content-length': statSync(file).size,
      'cache-control': 'no-cache',
    });
    createReadStream(file).pipe(res);
  };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  copyAssets();
  console.log(`copied ${Object.keys(ASSETS).length} asset(s) into dist/assets/`);
}
