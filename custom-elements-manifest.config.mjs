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
    {
      // Every event an element fires is documented with `@fires`. The analyzer also guesses
      // events from `dispatchEvent(new SomeEvent(x))`, naming them after the argument (`kind`,
      // `text`, `emoji`): drop those undocumented guesses, so the contract lists real events only.
      name: 'documented-events-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const module of customElementsManifest.modules) {
          for (const declaration of module.declarations ?? []) {
            if (!declaration.events) continue;
            declaration.events = declaration.events.filter((event) => event.description);
          }
        }
      },
    },
  ],
};
