import { css } from 'lit';
import { buttonStyles, controlHostStyles } from '../../internal/control-styles.js';

export const styles = [
  buttonStyles,
  controlHostStyles,
  css`
    button[aria-pressed='true'] {
      background: var(--transcript-toggle-on-background, var(--mr-color-surface-hover, #374151));
      border-color: var(--mr-color-border, #6b7280);
    }
  `,
];
