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

    button[aria-pressed='false'] {
      background: var(--track-toggle-off-background, var(--mr-color-danger-surface, #7f1d1d));
    }

    button[aria-pressed='false']:hover:not(:disabled) {
      background: var(--track-toggle-off-background-hover, #991b1b);
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
