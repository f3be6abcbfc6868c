import { css } from 'lit';
import { buttonStyles } from '../../internal/control-styles.js';

export const styles = [
  buttonStyles,
  css`
    :host {
      display: inline-block;
    }

    /* Where the browser has no picture-in-picture at all (Firefox), there is no button. */
    :host([hidden]),
    :host(:state(unsupported)) {
      display: none;
    }

    button[aria-pressed='true'] {
      background: var(--pip-button-on-background, var(--mr-color-accent, #2563eb));
      color: var(--mr-color-on-accent, #fff);
    }
  `,
];
