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
      background: var(--transcript-toggle-on-background, var(--mr-color-surface-hover, #374151));
      border-color: var(--mr-color-border, #6b7280);
    }
  `,
];
