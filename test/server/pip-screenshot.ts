import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestRunnerPlugin } from '@web/test-runner';

/** What this plugin uses of a Playwright page. */
interface PlaywrightPage {
  url(): string;
  context(): { pages(): PlaywrightPage[] };
  setViewportSize(size: { width: number; height: number }): Promise<void>;
  screenshot(options: { path: string }): Promise<unknown>;
}

/**
 * `executeServerCommand('pip-screenshot', { name, width, height })`: saves a PNG of the test
 * page's Document Picture-in-Picture window (Chromium; the window is a page of the test page's
 * browser context) to test-results/screens/pip/<name>.png, at `width` × `height` (headless
 * Chromium opens it at its own size). Answers false when no such window is open.
 */
export function pipScreenshotPlugin(dir = 'test-results/screens/pip'): TestRunnerPlugin {
  return {
    name: 'pip-screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'pip-screenshot') return undefined;
      const { name, width, height } = payload as { name: string; width: number; height: number };
      const browser = session.browser as unknown as { getPage(id: string): PlaywrightPage };
      if (typeof browser.getPage !== 'function') return false;
      const page = browser.getPage(session.id);
      if (typeof page.context !== 'function') return false;
      const pip = page
        .context()
        .pages()
        .find((p) => p !== page && p.url() === 'about:blank');
      if (!pip) return false;
      mkdirSync(dir, { recursive: true });
      await pip.setViewportSize({ width, height });
      await pip.screenshot({ path: join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`) });
      return true;
    },
  };
}
