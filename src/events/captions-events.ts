/**
 * The events of the captions elements (`<captions-toggle>`, `<transcript-toggle>`): one class per
 * event name, named after it. Both announce an action before it happens, are cancelable, bubble
 * and cross shadow roots.
 */

/**
 * Fired by `<captions-toggle>` when the user pressed it, before it changes its `pressed` property.
 * Cancelable: `preventDefault()` leaves `pressed` as it is. Show or hide your `<captions-overlay>`
 * on it.
 */
export class CaptionsToggleEvent extends Event {
  /** Always `captions-toggle`. */
  declare readonly type: 'captions-toggle';
  /** Whether the captions are to be shown. */
  readonly open: boolean;
  constructor(open: boolean) {
    super('captions-toggle', { bubbles: true, composed: true, cancelable: true });
    this.open = open;
  }
}

/**
 * Fired by `<transcript-toggle>` when the user pressed it, before it changes its `pressed`
 * property. Cancelable: `preventDefault()` leaves `pressed` as it is. Show or hide your
 * `<transcript-panel>` on it.
 */
export class TranscriptToggleEvent extends Event {
  /** Always `transcript-toggle`. */
  declare readonly type: 'transcript-toggle';
  /** Whether the transcript is to be shown. */
  readonly open: boolean;
  constructor(open: boolean) {
    super('transcript-toggle', { bubbles: true, composed: true, cancelable: true });
    this.open = open;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'captions-toggle': CaptionsToggleEvent;
    'transcript-toggle': TranscriptToggleEvent;
  }
}
