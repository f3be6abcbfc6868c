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

    button[aria-pressed='true'] {
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
