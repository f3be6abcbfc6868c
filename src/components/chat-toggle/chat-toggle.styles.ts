import { css } from 'lit';
import { buttonStyles, controlHostStyles } from '../../internal/control-styles.js';

export const styles = [
  buttonStyles,
  controlHostStyles,
  css`
    button[aria-pressed='true'] {
      background: var(--mr-color-surface-hover, #374151);
      border-color: var(--mr-color-border, #6b7280);
    }

    [part='badge'] {
      min-width: 1.25rem;
      padding: 0 0.3rem;
      box-sizing: border-box;
      border-radius: 999px;
      font-size: 0.75rem;
      line-height: 1.25rem;
      text-align: center;
      font-weight: 600;
      background: var(--chat-toggle-badge-background, var(--mr-color-danger, #dc2626));
      color: var(--chat-toggle-badge-color, #fff);
    }
  `,
];
