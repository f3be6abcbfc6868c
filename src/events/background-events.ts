import type { BackgroundChoice } from '../session/background.js';

/**
 * Fired by `<background-picker>` and the camera menu (`<device-picker kind="videoinput">`) when
 * the user chose a background effect, before it is applied (and remembered). Cancelable:
 * `preventDefault()` keeps the effect in use. Bubbles and crosses shadow roots.
 */
export class BackgroundChangeEvent extends Event {
  /** Always `background-change`. */
  declare readonly type: 'background-change';
  /** The effect about to be applied. */
  readonly choice: BackgroundChoice;
  constructor(choice: BackgroundChoice) {
    super('background-change', { bubbles: true, composed: true, cancelable: true });
    this.choice = choice;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'background-change': BackgroundChangeEvent;
  }
}
