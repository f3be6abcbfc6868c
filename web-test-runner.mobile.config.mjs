// The phone tests (test/mobile/): the same runner and server as web-test-runner.config.mjs, in
// Chromium and Firefox each emulating a phone: a 390×844 viewport (the tests set others), a touch
// screen as the only pointer (`(pointer: coarse)` matches, touch events exist) and real touch input
// (test/helpers/input.ts `swipe`, test/server/touch.ts). Chromium: a Playwright context with
// isMobile and hasTouch. Firefox: firefox-esr over WebDriver BiDi with the touch prefs of
// dev/firefox.ts (its BiDi has no touch emulation command). `WTR_DEVICE=desktop` runs the same
// files in desktop browsers (the screenshot script, test/screens/, takes both).
import { playwrightLauncher } from '@web/test-runner-playwright';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import base from './web-test-runner.config.mjs';

const { CHROMIUM_FLAGS, chromiumPath } = await import('./dev/chromium.ts');
const { firefoxLaunchOptions, firefoxPhoneLaunchOptions } = await import('./dev/firefox.ts');
const { screenshotPlugin } = await import('./test/server/screenshot.ts');
const { touchPlugin } = await import('./test/server/touch.ts');
const desktop = process.env.WTR_DEVICE === 'desktop';
const size = desktop ? { width: 1440, height: 900 } : { width: 390, height: 844 };

export default {
  ...base,
  files: ['test/mobile/**/*.test.ts'],
  // Both engines in one run, one summary line each (WebKit runs the component tests in the base
  // config: WebDriver cannot set its viewport or touch input).
  groups: [],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: chromiumPath(), headless: true, args: CHROMIUM_FLAGS },
      createBrowserContext: ({ browser }) =>
        browser.newContext(
          desktop ? { viewport: size } : { viewport: size, isMobile: true, hasTouch: true },
        ),
    }),
    puppeteerLauncher({
      concurrency: 1,
      launchOptions: desktop ? firefoxLaunchOptions() : firefoxPhoneLaunchOptions(),
      // Only the size: `hasTouch` here would make each later `setViewport` (without it) reload
      // the test page; touch comes from the prefs.
      createPage: async ({ context }) => {
        const page = await context.newPage();
        await page.setViewport(size);
        return page;
      },
    }),
  ],
  plugins: [...base.plugins, screenshotPlugin(), touchPlugin()],
};
