/**
 * The participant list renders only the rows in view (and some around them): with 1000
 * participants a full list is 1000 rows of some 20 nodes each, and every change would walk them.
 *
 * Each list (`<ul>`) keeps its whole height: the rows before and after those rendered stand as
 * padding, from the heights of rows measured once rendered (an estimate for the others). Rows say
 * their place with `aria-posinset` and `aria-setsize`, so a screen reader still tells "12 of 1000".
 */

/** The rows of one list to render, and the room the others take. */
export interface RowWindow {
  readonly start: number;
  readonly end: number;
  /** Pixels of the rows before `start` (each with the gap after it). */
  readonly before: number;
  /** Pixels of the rows from `end` on. */
  readonly after: number;
}

/** Pixels rendered beyond the visible part, above and below. */
const OVERSCAN = 360;
/** Rows kept rendered on each side of the focused one (Tab and Shift+Tab find their next row). */
const AROUND_FOCUS = 2;
/** A focused row further than this from the view is let go of (its list would be rendered whole). */
const FOCUS_REACH = 150;

/** Row heights, measured once rendered, by identity; an estimate for those never rendered. */
export class RowHeights {
  readonly #heights = new Map<string, number>();
  #estimate = 60;
  #gap = 4;

  /** Read the heights of the rows rendered in `list`; true when any differs from what was known. */
  measure(list: HTMLElement): boolean {
    const gap = parseFloat(getComputedStyle(list).rowGap) || 0;
    let changed = gap !== this.#gap;
    this.#gap = gap;
    let total = 0;
    let count = 0;
    for (const li of list.children) {
      const identity = (li as HTMLElement).dataset.identity;
      if (identity === undefined) continue;
      const height = Math.round((li as HTMLElement).offsetHeight);
      if (height === 0) continue;
      if (Math.abs((this.#heights.get(identity) ?? -1) - height) > 0.5) changed = true;
      this.#heights.set(identity, height);
      total += height;
      count += 1;
    }
    // The estimate follows what was measured but asks for no render of its own: rows measured
    // anew already did, and an estimate chasing the rows it picks could go on forever.
    if (count > 0) this.#estimate = Math.round(total / count);
    return changed;
  }

  /** Forget those no longer listed (kept bounded through churn). */
  keepOnly(identities: ReadonlySet<string>): void {
    if (this.#heights.size <= 2 * identities.size + 64) return;
    for (const id of this.#heights.keys()) if (!identities.has(id)) this.#heights.delete(id);
  }

  /**
   * The rows of a list to render when `top`…`bottom` (pixels from the list's top) is in view,
   * with the row of `focused` (an index) and its neighbours when it is near enough.
   */
  window(
    rows: readonly { readonly identity: string }[],
    top: number,
    bottom: number,
    focused = -1,
  ): RowWindow {
    const n = rows.length;
    const pitch = (i: number) =>
      (this.#heights.get(rows[i]!.identity) ?? this.#estimate) + this.#gap;
    let start = n;
    let end = n;
    let y = 0;
    let startY = 0;
    for (let i = 0; i < n; i++) {
      const h = pitch(i);
      if (start === n && y + h > top - OVERSCAN) {
        start = i;
        startY = y;
      }
      if (y >= bottom + OVERSCAN) {
        end = i;
        break;
      }
      y += h;
    }
    // Every row above the view: none rendered, all of them standing before.
    if (start === n) startY = y;
    if (start > end) start = end;
    if (focused >= 0 && focused < n) {
      const from = Math.max(0, focused - AROUND_FOCUS);
      const to = Math.min(n, focused + AROUND_FOCUS + 1);
      if (from < start && start - from <= FOCUS_REACH) start = from;
      if (to > end && to - end <= FOCUS_REACH) end = to;
      startY = 0;
      for (let i = 0; i < start; i++) startY += pitch(i);
    }
    let after = 0;
    for (let i = end; i < n; i++) after += pitch(i);
    return { start, end, before: startY, after };
  }
}
