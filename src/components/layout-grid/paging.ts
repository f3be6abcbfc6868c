/** How far (px) a pointer must travel sideways for a swipe. */
const SWIPE_DISTANCE = 40;

/** Where a swipe started. */
export interface SwipeStart {
  readonly id: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The page a key on the focused grid goes to: PageDown/PageUp and the arrow keys (mirrored in
 * right-to-left) the next or previous one, Home the first, End the last. `undefined` for other
 * keys. Not clamped.
 */
export function pageForKey(
  key: string,
  current: number,
  pages: number,
  rtl: boolean,
): number | undefined {
  let delta = 0;
  if (key === 'PageDown') delta = 1;
  else if (key === 'PageUp') delta = -1;
  else if (key === 'ArrowRight') delta = rtl ? -1 : 1;
  else if (key === 'ArrowLeft') delta = rtl ? 1 : -1;
  else if (key === 'Home') delta = -Infinity;
  else if (key === 'End') delta = Infinity;
  if (!delta) return undefined;
  return Number.isFinite(delta) ? current + delta : delta > 0 ? pages : 1;
}

/**
 * The pages a pointer's move from `start` to (`x`, `y`) turns: 1 (next), -1 (previous), or 0
 * when it is not a horizontal swipe. Swiping towards the start edge (left in LTR) shows the next
 * page.
 */
export function swipeStep(start: SwipeStart, x: number, y: number, rtl: boolean): number {
  const dx = x - start.x;
  const dy = y - start.y;
  if (Math.abs(dx) < SWIPE_DISTANCE || Math.abs(dx) < Math.abs(dy) * 1.5) return 0;
  const forward = rtl ? dx > 0 : dx < 0;
  return forward ? 1 : -1;
}
