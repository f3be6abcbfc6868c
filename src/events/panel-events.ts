/**
 * The event of the side panels (`<chat-panel>`, `<participant-list>`), named after it. It
 * announces an action before it happens, is cancelable, bubbles and crosses shadow roots.
 */

/**
 * `panel-close`: the user pressed Escape inside an open panel (not one an inner popover or
 * question used). The panel does not hide itself: its owner (`<media-call>`, or your page) hides
 * it and gives focus back to the button that opened it, unless a listener called
 * `preventDefault()`.
 */
export class PanelCloseEvent extends Event {
  /** Always `panel-close`. */
  declare readonly type: 'panel-close';
  constructor() {
    super('panel-close', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'panel-close': PanelCloseEvent;
  }
}
