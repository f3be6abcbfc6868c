// Browser tests: unit tests of the store and elements, and integration tests against a real
// livekit-server started here (dev/sfu.ts) with the real token endpoint mounted on the test server.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { register } from 'tsx/esm/api';

register();
const { startSfu } = await import('./dev/sfu.ts');
const { testRoutes } = await import('./test/server/test-routes.ts');
const { summaryReporter } = await import('./test/server/summary-reporter.ts');
const { CHROMIUM_FLAGS, chromiumPath } = await import('./dev/chromium.ts');

// Started before the test server so its routes can sit ahead of the static file handler; stopped
// when the test server stops (dev/sfu.ts also stops it on exit, failure and Ctrl-C).
const sfu = await startSfu({ log: (line) => console.log(`[sfu] ${line}`) });

// Apps on other stacks (React 18 and 19, Svelte 5) are bundled before the tests load them: each
// test/fixtures/<name>/build.ts exports `build(outDir)` and writes test/fixtures/<name>/dist/.
const { readdirSync, existsSync } = await import('node:fs');
for (const name of readdirSync('test/fixtures')) {
  const builder = `./test/fixtures/${name}/build.ts`;
  if (!existsSync(builder)) continue;
  const { build } = await import(builder);
  await build(`test/fixtures/${name}/dist`);
}

export default {
  // test/node/ holds the Node-side tests (node:test, `npm run test:node`).
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['browser', 'development'] },
  // WebRTC and a real SFU on two cores: one test file at a time keeps timings honest.
  concurrency: 1,
  testsFinishTimeout: 20 * 60_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 30_000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromiumPath(),
        headless: true,
        args: CHROMIUM_FLAGS,
      },
    }),
  ],
  middleware: [testRoutes(sfu)],
  plugins: [
    // `js: true` and `define` do what a bundler does for dependencies that read
    // process.env.NODE_ENV (nanostores).
    esbuildPlugin({
      ts: true,
      js: true,
      target: 'es2022',
      tsconfig: 'tsconfig.json',
      define: { 'process.env.NODE_ENV': '"development"' },
    }),
    {
      name: 'livekit-sfu',
      async serverStop() {
        await sfu.stop();
      },
    },
  ],
  reporters: summaryReporter(() => sfu.logFile),
};
