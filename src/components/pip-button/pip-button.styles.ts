import { css } from 'lit';
import { buttonStyles, controlHostStyles } from '../../internal/control-styles.js';

export const styles = [
  buttonStyles,
  controlHostStyles,
  css`
    /* Where the browser has no picture-in-picture at all, there is no button. */
    :host(:state(unsupported)) {
      display: none;
    }

    button[aria-pressed='true'] {
      background: var(--pip-button-on-background, var(--mr-color-accent, #2563eb));
      color: var(--mr-color-on-accent, #fff);
    }
  `,
];
