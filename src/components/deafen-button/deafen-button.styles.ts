import { css } from 'lit';
import { buttonStyles, controlHostStyles } from '../../internal/control-styles.js';

export const styles = [
  buttonStyles,
  controlHostStyles,
  css`
    :host(:state(forbidden)) {
      display: none;
    }

    /* Hearing nothing is a warning, as a microphone that is off is (see <track-toggle>). */
    button[aria-pressed='true'] {
      background: var(--deafen-button-on-background, var(--mr-color-danger-surface, #7f1d1d));
    }

    button[aria-pressed='true']:hover:not(:disabled) {
      background: var(--deafen-button-on-background-hover, #991b1b);
    }
  `,
];
