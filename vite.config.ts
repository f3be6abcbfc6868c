import { defineConfig, type Plugin, type UserConfig } from 'vite';

/**
 * `vite build` makes the CDN bundles: `dist/cdn/index.js` (ESM) and `dist/cdn/index.iife.js`
 * (a classic script), each with lit and livekit-client inside, minified, defining every element.
 * `vite build --mode autoload` adds `dist/cdn/autoload.js`, which defines only the elements a
 * page uses, loading each one's chunk (`dist/cdn/chunks/`) when its tag first appears.
 * The per-module npm build is `tsc -p tsconfig.build.json` (see package.json). `npm start` serves
 * `demo/` with its own settings (dev/start.ts).
 */
const shared: UserConfig['build'] = {
  outDir: 'dist/cdn',
  target: 'es2022',
  minify: true,
  sourcemap: true,
};

/**
 * src/internal/assets.ts finds the package's assets at `../assets/` from its own module's URL,
 * which is `dist/assets/` in the npm build. In a CDN bundle the module is inside a file of
 * `dist/cdn/` or `dist/cdn/chunks/`: the directory is rewritten to name `dist/assets/` from there.
 * A classic script has no module URL (rolldown leaves `{}.url`): the script's own `src`, read while
 * it runs (the only time `document.currentScript` is set), stands for it.
 */
const assetDir: Plugin = {
  name: 'media-room-asset-dir',
  renderChunk(code, chunk, options) {
    if (!code.includes('../assets/')) return null;
    const dir = '../'.repeat(chunk.fileName.split('/').length) + 'assets/';
    let out = code.replace(/(["'`])\.\.\/assets\/\1/g, `$1${dir}$1`);
    if (options.format === 'iife') {
      if (!out.includes('{}.url')) throw new Error('assets: no module URL to stand in for');
      out =
        'var __mediaRoomScript=typeof document<"u"?document.currentScript:null;\n' +
        out.replaceAll('{}.url', '(__mediaRoomScript&&__mediaRoomScript.src||document.baseURI)');
    }
    return { code: out, map: null };
  },
};

export default defineConfig(({ mode }) => ({
  plugins: [assetDir],
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build:
    mode === 'autoload'
      ? {
          ...shared,
          emptyOutDir: false,
          // The chunks are few and each is needed only once its tag appears.
          modulePreload: false,
          // livekit-client is one chunk of its own (about 530 kB minified).
          chunkSizeWarningLimit: 600,
          rolldownOptions: {
            input: { autoload: 'src/cdn/autoload.ts' },
            output: {
              format: 'es',
              minify: true,
              entryFileNames: '[name].js',
              chunkFileNames: 'chunks/[name]-[hash].js',
            },
            preserveEntrySignatures: false,
          },
        }
      : {
          ...shared,
          emptyOutDir: true,
          // Library mode keeps whitespace in ES output (meant for re-bundling); a CDN bundle is
          // not re-bundled, so minify it whole.
          // The languages other than English and Floating UI are chunks the ES bundle loads on
          // demand (the classic script inlines them).
          rolldownOptions: { output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' } },
          lib: {
            entry: 'src/index.ts',
            name: 'MediaRoomElements',
            formats: ['es', 'iife'],
            fileName: (format) => (format === 'es' ? 'index.js' : 'index.iife.js'),
          },
        },
}));
