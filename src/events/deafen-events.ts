/** The event of `<deafen-button>`, named after it. It bubbles and crosses shadow roots. */

/**
 * Fired by `<deafen-button>` when the user pressed it, before incoming audio is muted or played
 * again. Cancelable: `preventDefault()` leaves it as it is.
 */
export class DeafenEvent extends Event {
  /** Always `deafen`. */
  declare readonly type: 'deafen';
  /** Whether incoming audio is to be muted (true) or played again (false). */
  readonly deafened: boolean;
  constructor(deafened: boolean) {
    super('deafen', { bubbles: true, composed: true, cancelable: true });
    this.deafened = deafened;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    deafen: DeafenEvent;
  }
}
