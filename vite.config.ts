import { defineConfig } from 'vite';

/**
 * `vite build` makes the CDN bundles: `dist/cdn/index.js` (ESM) and `dist/cdn/index.iife.js`
 * (a classic script), each with lit and livekit-client inside, minified, defining every element.
 * The per-module npm build is `tsc -p tsconfig.build.json` (see package.json). `npm start` serves
 * `demo/` with this config (dev/start.ts).
 */
export default defineConfig({
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist/cdn',
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    // Library mode keeps whitespace in ES output (meant for re-bundling); a CDN bundle is not
    // re-bundled, so minify it whole.
    rolldownOptions: { output: { minify: true } },
    sourcemap: true,
    lib: {
      entry: 'src/index.ts',
      name: 'MediaRoomElements',
      formats: ['es', 'iife'],
      fileName: (format) => (format === 'es' ? 'index.js' : 'index.iife.js'),
    },
  },
});
