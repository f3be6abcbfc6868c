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

export interface PopoverKeyOptions {
  /** The items the focus moves among, in order. */
  items: readonly HTMLElement[];
  /** The focused item, if one of `items` is. */
  active: Element | null | undefined;
  /** `vertical` (a menu): ArrowUp/ArrowDown; `horizontal` (a row): ArrowLeft/ArrowRight. */
  axis?: 'vertical' | 'horizontal';
  /** A right-to-left row: ArrowLeft moves forward. */
  rtl?: boolean;
  /** Close the popover; `focusButton`: give the focus back to the button that opened it. */
  close: (focusButton: boolean) => void;
  /** Enter and Space choose the focused item; unset, they reach it as a click. */
  choose?: (item: HTMLElement) => void;
}

/**
 * The keys of a popover menu or row, for its `keydown`: the arrows along its axis, Home and End
 * move the focus among the items (wrapping); Escape closes it and gives the focus back to its
 * button; Tab closes it and lets the focus move on. A key handled here goes no further.
 */
export function onPopoverKey(event: KeyboardEvent, options: PopoverKeyOptions): void {
  const { items, close, choose } = options;
  const at = items.indexOf(options.active as HTMLElement);
  const focus = (i: number) => items[(i + items.length) % items.length]?.focus();
  const forward =
    options.axis === 'horizontal' ? (options.rtl ? 'ArrowLeft' : 'ArrowRight') : 'ArrowDown';
  const back =
    options.axis === 'horizontal' ? (options.rtl ? 'ArrowRight' : 'ArrowLeft') : 'ArrowUp';
  switch (event.key) {
    case forward:
      focus(at + 1);
      break;
    case back:
      focus(at < 0 ? -1 : at - 1);
      break;
    case 'Home':
      focus(0);
      break;
    case 'End':
      focus(items.length - 1);
      break;
    case 'Enter':
    case ' ':
      if (!choose) return;
      if (at >= 0) choose(items[at]!);
      break;
    case 'Escape':
      close(true);
      break;
    case 'Tab':
      close(false);
      return;
    default:
      return;
  }
  event.preventDefault();
  event.stopPropagation();
}
