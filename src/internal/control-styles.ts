import { css } from 'lit';

/** The look of a control button (`[part='base']` of each control). */
export const buttonStyles = css`
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    position: relative;
    min-height: 2.5rem;
    min-width: 2.5rem;
    padding: 0.4rem 0.75rem;
    border: 1px solid transparent;
    border-radius: calc(var(--mr-radius, 0.75rem) / 1.5);
    background: var(--mr-color-surface, #1f2937);
    color: var(--mr-color-text, #f3f4f6);
    font: inherit;
    font-size: 0.875rem;
    cursor: pointer;
    transition: background-color 150ms ease;
  }

  button:hover:not(:disabled) {
    background: var(--mr-color-surface-hover, #374151);
  }

  button:focus-visible {
    outline: 3px solid var(--mr-color-focus, #facc15);
    outline-offset: 2px;
  }

  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }

  button[aria-busy='true'] {
    cursor: progress;
    opacity: 0.7;
  }

  svg {
    width: 1.25rem;
    height: 1.25rem;
    flex: none;
  }

  [part='error-mark'] {
    position: absolute;
    inset-block-start: -0.3rem;
    inset-inline-end: -0.3rem;
    width: 1rem;
    height: 1rem;
    color: var(--mr-color-warning, #fbbf24);
  }

  /* A finger needs a target of at least 44 × 44 px. */
  @media (pointer: coarse) {
    button {
      min-height: 2.75rem;
      min-width: 2.75rem;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    button {
      transition: none;
    }
  }
`;

/** A plain accent button (Retry, Rejoin, Start audio, Dismiss). */
export const accentButtonStyles = css`
  button {
    font: inherit;
    color: var(--mr-color-on-accent, #fff);
    background: var(--mr-color-accent, #2563eb);
    border: 0;
    border-radius: calc(var(--mr-radius, 0.75rem) / 1.5);
    padding: 0.4rem 0.9rem;
    cursor: pointer;
  }

  button:focus-visible {
    outline: 3px solid var(--mr-color-focus, #facc15);
    outline-offset: 2px;
  }
`;

/**
 * The shell of a side panel (`<chat-panel>`, `<participant-list>`): a column filling its box, with
 * the room's radius; each panel adds its own background to `[part='base']`.
 */
export const panelStyles = css`
  :host {
    display: block;
    min-height: 0;
    min-width: 0;
    color: var(--mr-color-text, #f3f4f6);
  }

  :host([hidden]) {
    display: none;
  }

  [part='base'] {
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    height: 100%;
    min-height: 12rem;
    min-width: 0;
    box-sizing: border-box;
    padding: 0.5rem;
    border-radius: var(--mr-radius, 0.75rem);
  }
`;

/** The host of a control in a bar: inline, and gone while `hidden`. */
export const controlHostStyles = css`
  :host {
    display: inline-block;
  }

  :host([hidden]) {
    display: none;
  }
`;
