import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Narrower than this (px), the call is laid out for a phone held upright. */
export const COMPACT_WIDTH = 576;
/** Lower than this (px), for a phone held sideways. */
export const COMPACT_HEIGHT = 480;

/**
 * Whether the host is phone-sized (narrower than 36rem or lower than 30rem), observed while it is
 * connected; the host re-renders when that changes.
 */
export class CompactController implements ReactiveController {
  compact = false;
  readonly #host: ReactiveControllerHost & HTMLElement;
  #observer: ResizeObserver | undefined;
  #frame = 0;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // The host's size comes from its container, not from what it renders: re-rendering when the
    // size changes does not change it again. The change is applied in the next frame, not in the
    // observer's callback: re-rendering there resizes elements that other observers (the grid,
    // the chat) watch in the same frame, which some engines report as a "ResizeObserver loop".
    this.#observer = new ResizeObserver(([entry]) => {
      const box = entry?.contentRect;
      if (!box || (box.width === 0 && box.height === 0)) return;
      const compact = box.width < COMPACT_WIDTH || box.height < COMPACT_HEIGHT;
      cancelAnimationFrame(this.#frame);
      if (compact === this.compact) return;
      this.#frame = requestAnimationFrame(() => {
        this.compact = compact;
        this.#host.requestUpdate();
      });
    });
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    cancelAnimationFrame(this.#frame);
  }
}
