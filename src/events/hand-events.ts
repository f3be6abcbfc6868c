/** `hand-raise`: the user is raising (`raised` true) or lowering their hand. Cancelable. */
export class HandRaiseEvent extends Event {
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
