import { css } from 'lit';
import { buttonStyles, controlHostStyles } from '../../internal/control-styles.js';

export const styles = [
  buttonStyles,
  controlHostStyles,
  css`
    /* Shows only what the grant allows; a page may show it disabled with its reason instead. */
    :host([hidden]),
    :host(:state(forbidden)),
    :host(:state(unsupported)) {
      display: none;
    }

    /* A microphone or camera that is off is a warning; a screen not shared is the normal case. */
    button[aria-pressed='false']:not(.screen_share) {
      background: var(--track-toggle-off-background, var(--mr-color-danger-surface, #7f1d1d));
    }

    button[aria-pressed='false']:not(.screen_share):hover:not(:disabled) {
      background: var(--track-toggle-off-background-hover, #991b1b);
    }

    /* Pending (in flight, or being published again after a reconnect): the state it is going to. */
    button[aria-busy='true'] {
      opacity: 0.7;
    }

    button.screen_share[aria-pressed='true'] {
      background: var(--screen-share-button-on-background, var(--mr-color-accent, #2563eb));
      color: var(--mr-color-on-accent, #fff);
    }

    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `,
];
