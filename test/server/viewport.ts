import type { TestRunnerPlugin } from '@web/test-runner';

export interface ViewportSize {
  width: number;
  height: number;
}

/** A WebDriver launcher that sizes its window to a viewport (dev/webkit.ts). */
interface ViewportLauncher {
  setViewport(sessionId: string, size: ViewportSize): Promise<void>;
}

function isSize(payload: unknown): payload is ViewportSize {
  const size = payload as Partial<ViewportSize> | null;
  return (
    typeof size?.width === 'number' &&
    typeof size.height === 'number' &&
    size.width > 0 &&
    size.height > 0
  );
}

/**
 * `executeServerCommand('window-viewport', { width, height })`, for browsers driven over
 * WebDriver (WebKit), which @web/test-runner-commands' `set-viewport` does not size: the
 * launcher sizes its window so that the page has that viewport (`setViewport` of
 * dev/webkit.ts). test/helpers/viewport.ts sends it in WebKit, `set-viewport` elsewhere.
 */
export function windowViewportPlugin(): TestRunnerPlugin {
  return {
    name: 'window-viewport',
    async executeCommand({ command, payload, session }) {
      if (command !== 'window-viewport') return undefined;
      if (!isSize(payload)) throw new Error('window-viewport: give { width, height } in CSS px');
      const launcher = session.browser as unknown as Partial<ViewportLauncher>;
      if (typeof launcher.setViewport !== 'function')
        throw new Error(`window-viewport: a ${session.browser.type} browser sizes no window`);
      await launcher.setViewport(session.id, { width: payload.width, height: payload.height });
      return true;
    },
  };
}
