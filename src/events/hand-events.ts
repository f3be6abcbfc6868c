/** The event of `<hand-raise-button>`, named after it. It bubbles and crosses shadow roots. */

/**
 * `hand-raise`: the user is about to raise (`raised` true) or lower their hand. Cancelable:
 * `preventDefault()` leaves the hand as it is.
 */
export class HandRaiseEvent extends Event {
  /** Always `hand-raise`. */
  declare readonly type: 'hand-raise';
  readonly raised: boolean;
  constructor(raised: boolean) {
    super('hand-raise', { bubbles: true, composed: true, cancelable: true });
    this.raised = raised;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hand-raise': HandRaiseEvent;
  }
}
