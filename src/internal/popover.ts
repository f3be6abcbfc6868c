import type { Placement } from '@floating-ui/dom';

/** Floating UI, loaded the first time a popover opens: a page that never opens one never loads it. */
let floatingUi: Promise<typeof import('@floating-ui/dom')> | undefined;

/**
 * Keeps `popover` next to `anchor` (Floating UI, fixed strategy, flipping and shifting to stay in
 * view) and calls `onOutside` on a pointer press outside `host`. Returns the function that stops
 * both; call it when the popover closes.
 *
 * The popover stays transparent (but focusable) until it is first placed. Should Floating UI fail
 * to load, it shows where its own CSS puts it, and the next opening tries the load again.
 */
export function anchorPopover(
  host: HTMLElement,
  anchor: HTMLElement,
  popover: HTMLElement,
  placement: Placement,
  onOutside: () => void,
): () => void {
  let stopped = false;
  let stopPositioning = (): void => {};
  popover.style.opacity = '0';
  const reveal = () => popover.style.removeProperty('opacity');
  floatingUi ??= import('@floating-ui/dom');
  floatingUi.then(
    ({ autoUpdate, computePosition, flip, offset, shift }) => {
      if (stopped) return;
      stopPositioning = autoUpdate(anchor, popover, () => {
        void computePosition(anchor, popover, {
          strategy: 'fixed',
          placement,
          middleware: [offset(6), flip(), shift({ padding: 8 })],
        }).then(({ x, y }) => {
          popover.style.left = `${x}px`;
          popover.style.top = `${y}px`;
          reveal();
        });
      });
    },
    () => {
      floatingUi = undefined;
      reveal();
    },
  );
  const onPointerDown = (event: Event) => {
    if (!event.composedPath().includes(host)) onOutside();
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  return () => {
    stopped = true;
    stopPositioning();
    reveal();
    document.removeEventListener('pointerdown', onPointerDown, true);
  };
}
