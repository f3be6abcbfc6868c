import { autoUpdate, computePosition, flip, offset, shift, type Placement } from '@floating-ui/dom';

/**
 * Keeps `popover` next to `anchor` (Floating UI, fixed strategy, flipping and shifting to stay in
 * view) and calls `onOutside` on a pointer press outside `host`. Returns the function that stops
 * both; call it when the popover closes.
 */
export function anchorPopover(
  host: HTMLElement,
  anchor: HTMLElement,
  popover: HTMLElement,
  placement: Placement,
  onOutside: () => void,
): () => void {
  const stopPositioning = autoUpdate(anchor, popover, () => {
    void computePosition(anchor, popover, {
      strategy: 'fixed',
      placement,
      middleware: [offset(6), flip(), shift({ padding: 8 })],
    }).then(({ x, y }) => {
      popover.style.left = `${x}px`;
      popover.style.top = `${y}px`;
    });
  });
  const onPointerDown = (event: Event) => {
    if (!event.composedPath().includes(host)) onOutside();
  };
  document.addEventListener('pointerdown', onPointerDown, true);
  return () => {
    stopPositioning();
    document.removeEventListener('pointerdown', onPointerDown, true);
  };
}
