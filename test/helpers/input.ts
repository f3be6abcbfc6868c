import {
  emulateMedia as emulate,
  executeServerCommand,
  sendKeys as send,
} from '@web/test-runner-commands';
import { currentEngine } from '../engines.js';
import { deepActive } from './focus.js';

/**
 * Tab past the page's last stop (or Shift+Tab past its first) moves focus into Firefox's own
 * toolbar; keys then reach the page without activating anything. Tab walks on through the toolbar
 * until focus is back in the page, and the element that had it gets it again.
 */
async function keepFocusInPage(): Promise<void> {
  if (document.hasFocus()) return;
  const had = deepActive() as HTMLElement | null;
  for (let i = 0; i < 20 && !document.hasFocus(); i += 1) await send({ press: 'Tab' });
  had?.focus();
}

type KeysPayload = Parameters<typeof send>[0];

/**
 * `sendKeys` of @web/test-runner-commands in every engine: in Firefox a chord such as `Shift+Tab`
 * is pressed as its keys held down, the last pressed and all let go (its WebDriver BiDi keyboard
 * knows single keys only). Space is `' '` everywhere.
 */
export async function sendKeys(payload: KeysPayload): Promise<void> {
  await keepFocusInPage();
  // Only Firefox needs the chord split: playwright (Chromium) takes 'Shift+Tab' as it is, and the
  // WebKit launcher splits it itself (WebDriver takes only press and type, not down and up).
  const chord =
    currentEngine() === 'firefox' && 'press' in payload && payload.press.length > 1
      ? payload.press.split('+')
      : [];
  if (chord.length < 2) {
    await send(payload);
    return;
  }
  const key = chord.pop()!;
  for (const modifier of chord) await send({ down: modifier });
  try {
    await send({ press: key });
  } finally {
    for (const modifier of chord.reverse()) await send({ up: modifier });
  }
}

type MediaPayload = Parameters<typeof emulate>[0];

/**
 * `emulateMedia` of @web/test-runner-commands (prefers-reduced-motion, prefers-color-scheme):
 * Chromium only, through CDP; WebDriver BiDi has no media-feature emulation, so a test that needs
 * it is listed for Firefox in test/engines.ts, and this throws if one runs there anyway.
 */
export async function emulateMedia(media: MediaPayload): Promise<void> {
  if (currentEngine() !== 'chromium') {
    throw new Error(
      `no media-feature emulation in ${currentEngine()}: list the test in test/engines.ts`,
    );
  }
  await emulate(media);
}

/** Puts back what `emulateMedia` set; nothing to do where nothing can be emulated. */
export async function resetMedia(media: MediaPayload): Promise<void> {
  if (currentEngine() === 'chromium') await emulate(media);
}

/**
 * A one-finger swipe from `from` to `to` (viewport CSS px) through the browser's own touch input:
 * the page gets trusted touch and pointer events (`pointerType: 'touch'`), the browser's panning
 * and `touch-action` included. Needs the `touch-swipe` command of test/server/touch.ts (the phone
 * config, web-test-runner.mobile.config.mjs, has it): CDP in Chromium, WebDriver BiDi input
 * actions with a touch pointer in Firefox.
 */
export async function swipe(
  from: { x: number; y: number },
  to: { x: number; y: number },
  steps = 5,
): Promise<void> {
  await executeServerCommand('touch-swipe', { from, to, steps });
}
