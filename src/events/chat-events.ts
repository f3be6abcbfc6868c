/**
 * The events of the chat elements (`<chat-panel>`, `<chat-toggle>`): one class each. All bubble
 * and cross shadow roots.
 */

/**
 * Fired by `<chat-panel>` before it sends a message. Cancelable: `preventDefault()` keeps the
 * message unsent (and the draft as it is).
 */
export class ChatSendEvent extends Event {
  /** The text about to be sent (trimmed). */
  readonly text: string;
  constructor(text: string) {
    super('chat-send', { bubbles: true, composed: true, cancelable: true });
    this.text = text;
  }
}

/**
 * Fired by `<chat-toggle>` when the user pressed it, after it changed its `pressed` property.
 * Cancelable: `preventDefault()` puts `pressed` back. Show or hide your `<chat-panel>` on it.
 */
export class ChatToggleEvent extends Event {
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
