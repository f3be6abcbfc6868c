import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TestRunnerPlugin } from '@web/test-runner';

/** A page the Playwright launcher opened for a test session. */
interface PlaywrightBrowser {
  getPage(sessionId: string): { screenshot(options: { path: string }): Promise<unknown> };
}

/**
 * `executeServerCommand('screenshot', { name })`: saves a PNG of the test page to
 * test-results/screens/<name>.png (for looking at a layout, not for comparing pixels).
 */
export function screenshotPlugin(dir = 'test-results/screens'): TestRunnerPlugin {
  return {
    name: 'screenshot',
    async executeCommand({ command, payload, session }) {
      if (command !== 'screenshot') return undefined;
      const { name } = payload as { name: string };
      const path = join(dir, `${name.replace(/[^\w.-]+/g, '_')}.png`);
      mkdirSync(dirname(path), { recursive: true });
      const browser = session.browser as unknown as PlaywrightBrowser;
      await browser.getPage(session.id).screenshot({ path });
      return true;
    },
  };
}
