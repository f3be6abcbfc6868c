import { executeServerCommand, setViewport as setPageViewport } from '@web/test-runner-commands';
import { currentEngine } from '../engines.js';
import { waitFor } from './live.js';

/**
 * Size the test page's viewport (CSS pixels) in any engine, and resolve once the page has that
 * size. Chromium (Playwright) and Firefox (puppeteer) size the page itself; WebKit, driven over
 * WebDriver, has no such command: its launcher sizes the window so that the page inside has this
 * size (test/server/viewport.ts, dev/webkit.ts).
 */
export async function setViewport(size: { width: number; height: number }): Promise<void> {
  if (currentEngine() === 'webkit') await executeServerCommand('window-viewport', size);
  else await setPageViewport(size);
  await waitFor(
    () => innerWidth === size.width && innerHeight === size.height,
    `a ${size.width}×${size.height} viewport`,
  );
}
