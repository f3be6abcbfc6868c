import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color: var(--mr-color-text, #f3f4f6);
    font-size: 0.875rem;
  }

  [part='base'] {
    display: grid;
    gap: 0.6rem;
    min-width: min(20rem, calc(100vw - 3rem));
  }

  h2 {
    margin: 0 0 0.2rem;
    font-size: 1rem;
  }

  label {
    display: flex;
    align-items: center;
    gap: 0.6rem;
    min-height: 2.75rem;
  }

  .range {
    display: grid;
    grid-template-columns: 1fr auto;
    align-items: center;
    gap: 0.2rem 0.6rem;
  }

  .range input {
    grid-column: 1 / -1;
    width: 100%;
    min-height: 2.75rem;
    margin: 0;
  }

  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--mr-color-accent, #3b82f6);
  }

  input:focus-visible {
    outline: 2px solid var(--mr-color-focus, #93c5fd);
    outline-offset: 2px;
  }

  meter {
    width: 100%;
    height: 0.75rem;
  }

  [part='error'] {
    margin: 0;
    color: var(--mr-color-danger, #fca5a5);
  }
`;
