/** The event of `<reaction-button>`, named after it. It bubbles and crosses shadow roots. */

/**
 * Fired by `<reaction-button>` when the user chose an emoji, before it is sent. Cancelable:
 * `preventDefault()` keeps it unsent.
 */
export class ReactionSendEvent extends Event {
  /** Always `reaction-send`. */
  declare readonly type: 'reaction-send';
  /** The emoji about to be sent (one of `REACTIONS`). */
  readonly emoji: string;
  constructor(emoji: string) {
    super('reaction-send', { bubbles: true, composed: true, cancelable: true });
    this.emoji = emoji;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'reaction-send': ReactionSendEvent;
  }
}
