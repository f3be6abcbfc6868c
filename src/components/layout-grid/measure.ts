import type { LitElement, ReactiveController } from 'lit';
import { sameSize, type Size } from './plan.js';

/**
 * Measures the grid, the large tile's area, the gap between tiles and the narrowest a tile may
 * get (`--layout-grid-min-tile-width`, read from a probe element), and asks the host to update
 * when one of them changed. Observes from the first render until the host is disconnected.
 */
export class GridMeasure implements ReactiveController {
  grid: Size = { width: 0, height: 0 };
  main: Size = { width: 0, height: 0 };
  gap = 8;
  minTileWidth = 160;
  /** The narrowest shape (width / height) a tile may take (`--layout-grid-min-tile-aspect`). */
  minAspect = 16 / 9;

  readonly #host: LitElement;
  #resizeObserver: ResizeObserver | undefined;
  #frame: number | undefined;

  constructor(host: LitElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    // Measured a frame later: re-rendering inside the observer's callback would resize what it
    // observes in the same frame (a "ResizeObserver loop" error).
    this.#resizeObserver = new ResizeObserver(() => {
      if (this.#frame === undefined)
        this.#frame = requestAnimationFrame(() => {
          this.#frame = undefined;
          this.#measure();
        });
    });
    if (this.#host.hasUpdated) this.#observe();
  }

  hostUpdated(): void {
    // The first render made the elements to observe (the host's `hasUpdated` turns true next).
    // They are measured now too, so the size-dependent layout is part of the host's first update
    // (its `updateComplete` covers it) rather than an extra render a frame or more later, after
    // the observer's first callback: how many frames that takes varies between engines and with
    // load, and in between the page shows tiles laid out for an unmeasured grid.
    if (!this.#host.hasUpdated) {
      this.#observe();
      this.#measure();
    }
  }

  hostDisconnected(): void {
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }

  #observe(): void {
    const root = this.#host.renderRoot;
    for (const selector of ['[part="grid"]', '[part="main"]', '.probe', '.probe.aspect']) {
      const el = root.querySelector(selector);
      if (el) this.#resizeObserver?.observe(el);
    }
  }

  #measure(): void {
    const root = this.#host.renderRoot;
    const grid = root.querySelector<HTMLElement>('[part="grid"]');
    const main = root.querySelector<HTMLElement>('[part="main"]');
    const probe = root.querySelector<HTMLElement>('.probe');
    const aspectProbe = root.querySelector<HTMLElement>('.probe.aspect');
    if (!grid || !main || !probe || !aspectProbe) return;
    const aspectBox = aspectProbe.getBoundingClientRect();
    const minAspect = aspectBox.height > 0 ? aspectBox.width / aspectBox.height : 16 / 9;
    const gridSize = { width: grid.clientWidth, height: grid.clientHeight };
    const mainSize = { width: main.clientWidth, height: main.clientHeight };
    const gap = parseFloat(getComputedStyle(grid).columnGap) || 0;
    const min = probe.getBoundingClientRect().width || 160;
    if (
      sameSize(gridSize, this.grid) &&
      sameSize(mainSize, this.main) &&
      gap === this.gap &&
      min === this.minTileWidth &&
      minAspect === this.minAspect
    )
      return;
    this.grid = gridSize;
    this.main = mainSize;
    this.gap = gap;
    this.minTileWidth = min;
    this.minAspect = minAspect;
    this.#host.requestUpdate();
  }
}
