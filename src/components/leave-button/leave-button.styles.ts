import { css } from 'lit';
import { buttonStyles } from '../../internal/control-styles.js';

export const styles = [
  buttonStyles,
  css`
    :host {
      display: inline-block;
    }

    :host([hidden]) {
      display: none;
    }

    button {
      background: var(--leave-button-background, var(--mr-color-danger, #dc2626));
      color: var(--leave-button-color, #fff);
    }

    button:hover:not(:disabled) {
      background: var(--leave-button-background-hover, #b91c1c);
    }
  `,
];
