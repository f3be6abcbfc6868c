import { css } from 'lit';
import { accentButtonStyles } from '../../internal/control-styles.js';

export const styles = [
  accentButtonStyles,
  css`
    :host {
      display: block;
      color: var(--mr-color-text, #f3f4f6);
      font-family: var(--mr-font-family, system-ui, sans-serif);
    }

    [part='banner'] {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      flex-wrap: wrap;
      padding: 0.5rem 0.75rem;
      border-radius: var(--mr-radius, 0.75rem);
      background: var(--connection-banner-background, var(--mr-color-surface, #1f2937));
      border-inline-start: 4px solid
        var(--connection-banner-accent, var(--mr-color-warning, #fbbf24));
    }

    [part='banner'].reconnected {
      border-inline-start-color: var(--mr-color-success, #22c55e);
    }

    [part='banner'].disconnected {
      border-inline-start-color: var(--mr-color-danger, #dc2626);
    }

    [part='message'] {
      min-width: 0;
      margin: 0;
      overflow-wrap: anywhere;
    }

    [part='spinner'] {
      flex: none;
      width: 1rem;
      height: 1rem;
      border-radius: 50%;
      border: 2px solid currentColor;
      border-inline-end-color: transparent;
      animation: spin 0.9s linear infinite;
    }

    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }

    @media (prefers-reduced-motion: reduce) {
      /* A still ring with a gap: still says "working on it", without motion. */
      [part='spinner'] {
        animation: none;
        border-style: dotted;
      }
    }
  `,
];
