import type { TestRunnerPlugin } from '@web/test-runner';

interface Point {
  x: number;
  y: number;
}

/** The page of a Playwright (Chromium) session: touch goes through the DevTools protocol. */
interface PlaywrightPage {
  context(): {
    newCDPSession(page: PlaywrightPage): Promise<{
      send(method: string, params: object): Promise<unknown>;
      detach(): Promise<void>;
    }>;
  };
}

/** The page of a puppeteer session (Firefox over WebDriver BiDi: input actions, pointerType touch). */
interface PuppeteerPage {
  touchscreen: {
    touchStart(
      x: number,
      y: number,
    ): Promise<{ move(x: number, y: number): Promise<void>; end(): Promise<void> }>;
  };
}

/** Points from `from` to `to`, both included, `steps` moves apart. */
function path(from: Point, to: Point, steps: number): Point[] {
  return Array.from({ length: steps + 1 }, (_, i) => ({
    x: Math.round(from.x + ((to.x - from.x) * i) / steps),
    y: Math.round(from.y + ((to.y - from.y) * i) / steps),
  }));
}

/**
 * `executeServerCommand('touch-swipe', { from, to, steps })`: one finger put down at `from`
 * (viewport CSS px), moved to `to` in `steps` moves and lifted, as the browser's own touch input
 * (the page sees trusted touch and pointer events, `pointerType` `touch`). Chromium (Playwright)
 * through CDP `Input.dispatchTouchEvent`; Firefox (puppeteer) through WebDriver BiDi
 * `input.performActions` with a touch pointer.
 */
export function touchPlugin(): TestRunnerPlugin {
  return {
    name: 'touch',
    async executeCommand({ command, payload, session }) {
      if (command !== 'touch-swipe') return undefined;
      const { from, to, steps = 5 } = payload as { from: Point; to: Point; steps?: number };
      const points = path(from, to, steps);
      const browser = session.browser as unknown as {
        type: string;
        getPage(id: string): unknown;
      };
      const page = browser.getPage(session.id);
      if (browser.type === 'playwright') {
        const playwright = page as PlaywrightPage;
        const cdp = await playwright.context().newCDPSession(playwright);
        const touch = (type: string, at?: Point) =>
          cdp.send('Input.dispatchTouchEvent', {
            type,
            touchPoints: at ? [{ x: at.x, y: at.y, id: 1 }] : [],
          });
        try {
          await touch('touchStart', points[0]);
          for (const at of points.slice(1)) await touch('touchMove', at);
          await touch('touchEnd');
        } finally {
          await cdp.detach();
        }
        return true;
      }
      if (browser.type === 'puppeteer') {
        const finger = await (page as PuppeteerPage).touchscreen.touchStart(
          points[0]!.x,
          points[0]!.y,
        );
        for (const at of points.slice(1)) await finger.move(at.x, at.y);
        await finger.end();
        return true;
      }
      throw new Error(`touch-swipe: no touch input for a ${browser.type} browser`);
    },
  };
}
