import { css } from 'lit';
import { buttonStyles, controlHostStyles } from '../../internal/control-styles.js';

export const styles = [
  buttonStyles,
  controlHostStyles,
  css`
    /* Shows only what the grant allows; a page may show it disabled with its reason instead. */
    :host(:state(forbidden)) {
      display: none;
    }

    [part='base'][aria-expanded='true'] {
      background: var(--mr-color-surface-hover, #374151);
      border-color: var(--mr-color-border, #6b7280);
    }

    [part='popover'] {
      position: fixed;
      top: 0;
      left: 0;
      z-index: var(--reaction-button-z-index, 10);
      box-sizing: border-box;
      display: flex;
      gap: 0.25rem;
      max-width: calc(100vw - 1rem);
      flex-wrap: wrap;
      margin: 0;
      padding: 0.3rem;
      border-radius: calc(var(--mr-radius, 0.75rem) / 1.5);
      background: var(--reaction-button-popover-background, var(--mr-color-surface, #1f2937));
      color: var(--mr-color-text, #f3f4f6);
      box-shadow: 0 8px 24px rgb(0 0 0 / 0.4);
    }

    [part='emoji'] {
      min-width: 2.5rem;
      min-height: 2.5rem;
      padding: 0;
      border-radius: 0.4rem;
      background: transparent;
      font-size: 1.4rem;
      line-height: 1;
    }

    [part='emoji']:hover,
    [part='emoji']:focus {
      background: var(--mr-color-surface-hover, #374151);
    }

    [part='emoji']:focus-visible {
      outline-offset: -3px;
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
