/**
 * The package's own files that are not modules: workers, WebAssembly, models, images. They are
 * served from `assets/` beside the built code (`dist/assets/`; dev/assets.ts lists them and copies
 * them there) and found relative to this module's own URL, so nothing is ever fetched from a host
 * other than the one serving the package. `setAssetBase()` points them elsewhere (a page that
 * serves the files under a path of its own).
 *
 * The CDN bundles keep this: their build rewrites the directory for the chunk this module lands in
 * (vite.config.ts), so it still names `dist/assets/`.
 */
const DIR = '../assets/';

let base: string | undefined;

/** Serve the package's assets from `url` (a directory; relative to the page), or again from beside the code. */
export function setAssetBase(url: string | URL | undefined): void {
  base = url === undefined ? undefined : String(url).replace(/\/?$/, '/');
}

/** The URL of the asset `name` (a path under `assets/`). Reads nothing at import. */
export function assetUrl(name: string): string {
  const dir = base ? new URL(base, globalThis.location?.href) : new URL(DIR, import.meta.url);
  return new URL(name, dir).href;
}
