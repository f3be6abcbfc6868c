import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color: var(--mr-color-text, #f3f4f6);
    font: inherit;
  }

  [part='base'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    margin: 0;
    padding: 0;
    border: 0;
  }

  [part='label'] {
    width: 100%;
    font-size: 0.875rem;
  }

  [part~='option'] {
    position: relative;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    box-sizing: border-box;
    width: var(--background-picker-size, 4rem);
    height: calc(var(--background-picker-size, 4rem) * 0.5625);
    min-height: 2.75rem;
    padding: 0;
    overflow: hidden;
    border: 2px solid transparent;
    border-radius: 0.4rem;
    background: var(--mr-color-surface, #1f2937);
    color: inherit;
    font: inherit;
    font-size: 0.75rem;
    cursor: pointer;
  }

  [part~='option'][aria-checked='true'] {
    border-color: var(--mr-color-accent, #60a5fa);
  }

  [part~='option']:focus-visible {
    outline: 3px solid var(--mr-color-focus, #facc15);
    outline-offset: 2px;
  }

  [part~='option'][aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.55;
  }

  [part='thumbnail'] {
    width: 100%;
    height: 100%;
    object-fit: cover;
  }

  [part='status'] {
    width: 100%;
    margin: 0;
    font-size: 0.8125rem;
  }

  [part='status']:empty {
    display: none;
  }

  @media (pointer: coarse) {
    [part~='option'] {
      min-width: 2.75rem;
    }
  }
`;
