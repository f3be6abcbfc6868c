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

    [part='badge'],
    [part='hands'] {
      min-width: 1.25rem;
      padding: 0 0.3rem;
      box-sizing: border-box;
      border-radius: 999px;
      font-size: 0.75rem;
      line-height: 1.25rem;
      text-align: center;
      font-weight: 600;
    }

    [part='badge'] {
      background: var(
        --participants-toggle-badge-background,
        var(--mr-color-surface-hover, #374151)
      );
      color: var(--participants-toggle-badge-color, var(--mr-color-text, #f3f4f6));
    }

    button[aria-pressed='true'] [part='badge'] {
      background: var(--participants-toggle-badge-background, var(--mr-color-surface, #1f2937));
    }

    [part='hands'] {
      display: inline-flex;
      align-items: center;
      gap: 0.1rem;
      padding-inline-start: 0.15rem;
      background: var(--participants-toggle-hands-background, var(--mr-color-warning, #fbbf24));
      color: var(--participants-toggle-hands-color, #111827);
    }

    /*
     * The numbers are drawn from data-count: the button's name says how many hands are raised
     * and its description how many participants there are, so the digits are for the eye only.
     */
    [part='badge']::before,
    [part='hands']::after {
      content: attr(data-count);
    }

    [part='hands'] svg {
      width: 0.9rem;
      height: 0.9rem;
    }
  `,
];
