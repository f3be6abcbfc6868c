import { defineConfig, type UserConfig } from 'vite';

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

export default defineConfig(({ mode }) => ({
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
