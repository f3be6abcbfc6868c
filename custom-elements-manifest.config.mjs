// `npm run analyze` writes custom-elements.json from the elements' JSDoc; `npm test` checks that
// the committed file matches (dev/check-manifest.mjs).
export default {
  globs: ['src/components/**/*.ts'],
  exclude: ['src/**/*.styles.ts', 'src/**/*.test.ts'],
  outdir: '.',
  litelement: true,
  packagejson: false,
  plugins: [
    {
      // The analyzer finds files in parallel, so its module order varies from run to run: sort
      // it, so that the same code always gives the same manifest.
      name: 'sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};
