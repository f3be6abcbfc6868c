// Browser tests: unit tests of the store and elements, and integration tests against a real
// livekit-server started here on demand (dev/sfu.ts) with the real token endpoint mounted on the
// test server.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { register } from 'tsx/esm/api';

register();
const { sfuOnDemand, clusterOnDemand, fixtureBuildsOnDemand, assetsFromSource } =
  await import('./test/server/on-demand.ts');
const { summaryReporter } = await import('./test/server/summary-reporter.ts');
const { windowViewportPlugin } = await import('./test/server/viewport.ts');
const { pipScreenshotPlugin } = await import('./test/server/pip-screenshot.ts');
const { CHROMIUM_FLAGS, chromiumPath } = await import('./dev/chromium.ts');
const { webkitLauncher, webkitFiles } = await import('./dev/webkit.ts');
const webkitRuns = webkitFiles();
const { firefoxLaunchOptions } = await import('./dev/firefox.ts');
const { filesNotIn } = await import('./test/engines.ts');

// The SFU starts on the first request to a route that needs it (the token endpoint, /test-api/*),
// so a run of element tests alone starts none; stopped when the test server stops, if it was
// started (dev/sfu.ts also stops it on exit, failure and Ctrl-C).
const sfu = sfuOnDemand((line) => console.log(`[sfu] ${line}`));
// The cluster suite's Redis and two nodes start on its first request to /cluster-api/*.
const cluster = clusterOnDemand((line) => console.log(`[cluster] ${line}`));

// Apps on other stacks (React 18 and 19, Svelte 5) are bundled when a test first loads them: each
// test/fixtures/<name>/build.ts exports `build(outDir)` and writes test/fixtures/<name>/dist/.
const { readdirSync, existsSync } = await import('node:fs');
const fixtureApps = readdirSync('test/fixtures').filter((name) =>
  existsSync(`test/fixtures/${name}/build.ts`),
);

// A group's files are its own: `--files` given on the command line narrows Firefox's too.
const filesAt = process.argv.indexOf('--files');
const cliFiles =
  filesAt < 0
    ? undefined
    : process.argv
        .slice(filesAt + 1)
        .filter((_, i, rest) => !rest.slice(0, i + 1).some((a) => a.startsWith('--')));

export default {
  // test/node/ holds the Node-side tests (node:test, `npm run test:node`); test/mobile/ runs in
  // an emulated phone (web-test-runner.mobile.config.mjs, `npm run test:mobile`).
  files: ['test/**/*.test.ts', '!test/node/**', '!test/mobile/**'],
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
  // Firefox and WebKit run in groups of their own, each less what test/engines.ts leaves out for
  // it. `--group default` runs Chromium alone, `--group firefox` Firefox alone (every file, the
  // SFU included), `--group webkit` WebKit alone (WebKitGTK under Xvfb: the tests on scripted rooms
  // only, as Debian's WebKitGTK has no WebRTC). `npm run test:browser` runs them one after the
  // other, as tests that restart the shared SFU or cut its signal connection would break another
  // engine's tests. With `--files`, each group runs those of the files it can.
  groups: [
    {
      name: 'firefox',
      // Files named with `--files` run even if test/engines.ts leaves them out of a full run.
      files: cliFiles ?? [
        'test/**/*.test.ts',
        '!test/node/**',
        '!test/mobile/**',
        ...filesNotIn('firefox').map((f) => `!${f}`),
      ],
      browsers: [
        puppeteerLauncher({
          concurrency: 1,
          launchOptions: firefoxLaunchOptions(),
        }),
      ],
    },
    ...(webkitRuns.length
      ? [
          {
            name: 'webkit',
            files: [...webkitRuns, ...filesNotIn('webkit').map((f) => `!${f}`)],
            browsers: [webkitLauncher()],
          },
        ]
      : []),
  ],
  middleware: [
    // The package's workers, WebAssembly and models (dev/assets.ts), as the sources ask for them.
    assetsFromSource(),
    fixtureBuildsOnDemand(fixtureApps, (line) => console.log(`[fixtures] ${line}`)),
    sfu.middleware,
    cluster.middleware,
  ],
  plugins: [
    // WebKit's `setViewport` (test/helpers/viewport.ts): its launcher sizes the window.
    windowViewportPlugin(),
    // Screenshots of a Document Picture-in-Picture window (test/integration/pip.test.ts).
    pipScreenshotPlugin(),
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
        await Promise.all([sfu.stop(), cluster.stop()]);
      },
    },
  ],
  reporters: summaryReporter(() => sfu.logFile),
};
