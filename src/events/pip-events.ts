/** The event of picture-in-picture, named after it. It bubbles and crosses shadow roots. */

/** How picture-in-picture shows the call: a window holding it, or the large tile's video alone. */
export type PipMode = 'document' | 'video';

/**
 * Fired on the element that opened picture-in-picture (a `<pip-button>`) once the window shows
 * the call (`open` true, with its `mode`), and once it is gone and the call is back in the page
 * alone (`open` false). Tells what already happened: not cancelable.
 */
export class PipChangeEvent extends Event {
  /** Always `pip-change`. */
  declare readonly type: 'pip-change';
  /** Whether picture-in-picture is open now. */
  readonly open: boolean;
  /** `document` or `video` while open; undefined once closed. */
  readonly mode: PipMode | undefined;
  constructor(open: boolean, mode: PipMode | undefined) {
    super('pip-change', { bubbles: true, composed: true });
    this.open = open;
    this.mode = mode;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'pip-change': PipChangeEvent;
  }
}
