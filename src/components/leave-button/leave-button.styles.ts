import { css } from 'lit';
import { buttonStyles, controlHostStyles } from '../../internal/control-styles.js';

export const styles = [
  buttonStyles,
  controlHostStyles,
  css`
    button {
      background: var(--leave-button-background, var(--mr-color-danger, #dc2626));
      color: var(--leave-button-color, #fff);
    }

    button:hover:not(:disabled) {
      background: var(--leave-button-background-hover, #b91c1c);
    }

    [part='menu'] {
      position: fixed;
      top: 0;
      left: 0;
      z-index: var(--leave-button-z-index, 10);
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
      min-width: 12rem;
      max-width: calc(100vw - 1rem);
      margin: 0;
      padding: 0.3rem;
      border-radius: calc(var(--mr-radius, 0.75rem) / 1.5);
      background: var(--mr-color-surface, #1f2937);
      color: var(--mr-color-text, #f3f4f6);
      box-shadow: 0 8px 24px rgb(0 0 0 / 0.4);
    }

    [part='menu'] button {
      justify-content: flex-start;
      min-height: 44px;
      background: transparent;
      color: inherit;
      text-align: start;
    }

    [part='menu'] button:hover,
    [part='menu'] button:focus {
      background: var(--mr-color-surface-hover, #374151);
    }

    [part='menu'] [part='end-item'] {
      color: var(--mr-color-danger-text, #fca5a5);
    }

    [part='menu'] button:focus-visible {
      outline-offset: -3px;
    }
  `,
];
