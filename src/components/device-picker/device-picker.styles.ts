import { css } from 'lit';
import { buttonStyles, controlHostStyles } from '../../internal/control-styles.js';

export const styles = [
  buttonStyles,
  controlHostStyles,
  css`
    [part='base'] {
      min-width: 2rem;
      padding-inline: 0.4rem;
    }

    @media (pointer: coarse) {
      [part='base'] {
        min-width: 2.75rem;
      }
    }

    [part='base'][aria-expanded='true'] .chevron {
      transform: rotate(180deg);
    }

    /* An entry of a menu: icon and label at the start, the arrow at the end, pointing at the
       menu it opens (to the inline end). */
    [part='base'].labelled {
      width: 100%;
      justify-content: flex-start;
    }

    [part='label'] {
      flex: 1;
      text-align: start;
    }

    [part='base'].labelled .chevron {
      transform: rotate(90deg);
    }

    [part='base'].labelled:dir(rtl) .chevron {
      transform: rotate(-90deg);
    }

    [part='menu'] {
      position: fixed;
      top: 0;
      left: 0;
      z-index: var(--device-picker-z-index, 10);
      box-sizing: border-box;
      min-width: 14rem;
      max-width: min(24rem, calc(100vw - 1rem));
      max-height: 50vh;
      overflow: auto;
      margin: 0;
      padding: 0.3rem;
      border-radius: calc(var(--mr-radius, 0.75rem) / 1.5);
      background: var(--device-picker-menu-background, var(--mr-color-surface, #1f2937));
      color: var(--mr-color-text, #f3f4f6);
      box-shadow: 0 8px 24px rgb(0 0 0 / 0.4);
      font-size: 0.875rem;
    }

    .separator {
      margin: 0.3rem 0.2rem;
      border-top: 1px solid currentColor;
      opacity: 0.25;
    }

    [part='item'] {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      padding: 0.45rem 0.6rem;
      border-radius: 0.4rem;
      cursor: pointer;
    }

    [part='item'] svg {
      flex: none;
      width: 1rem;
      height: 1rem;
      visibility: hidden;
    }

    /* A device's label on one line, cut with an ellipsis; the whole label is its title. */
    [part='item'] .label {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }

    [part='item'][aria-checked='true'] svg {
      visibility: visible;
    }

    [part='item']:hover,
    [part='item']:focus {
      background: var(--mr-color-surface-hover, #374151);
    }

    [part='item']:focus-visible {
      outline: 3px solid var(--mr-color-focus, #facc15);
      outline-offset: -3px;
    }

    [part='item'][aria-disabled='true'] {
      cursor: default;
    }

    /* Before the camera menu's background choices. */
    [role='separator'] {
      margin: 0.3rem 0.2rem;
      border-top: 1px solid var(--mr-color-border, #4b5563);
    }

    @media (prefers-reduced-motion: reduce) {
      [part='base'] .chevron {
        transition: none;
      }
    }
  `,
];
