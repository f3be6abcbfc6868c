// `npm run analyze` writes custom-elements.json from the elements' JSDoc; `npm test` checks that
// the committed file matches (dev/check-manifest.mjs).
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
};
