/**
 * The events of the chat elements (`<chat-panel>`, `<chat-toggle>`): one class per event name,
 * named after it. Both announce an action before it happens, are cancelable, bubble and cross
 * shadow roots.
 */

/**
 * Fired by `<chat-panel>` before it sends a message. Cancelable: `preventDefault()` keeps the
 * message unsent (and the draft as it is).
 */
export class ChatSendEvent extends Event {
  /** Always `chat-send`. */
  declare readonly type: 'chat-send';
  /** The text about to be sent (trimmed). */
  readonly text: string;
  constructor(text: string) {
    super('chat-send', { bubbles: true, composed: true, cancelable: true });
    this.text = text;
  }
}

/**
 * Fired by `<chat-toggle>` when the user pressed it, before it changes its `pressed` property.
 * Cancelable: `preventDefault()` leaves `pressed` as it is. Show or hide your `<chat-panel>` on it.
 */
export class ChatToggleEvent extends Event {
  /** Always `chat-toggle`. */
  declare readonly type: 'chat-toggle';
  /** Whether the chat is to be shown. */
  readonly open: boolean;
  constructor(open: boolean) {
    super('chat-toggle', { bubbles: true, composed: true, cancelable: true });
    this.open = open;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-send': ChatSendEvent;
    'chat-toggle': ChatToggleEvent;
  }
}
