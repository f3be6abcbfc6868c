import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }

  :host(:not(:state(blocked))) {
    display: none;
  }

  [part='base'] {
    display: inline-flex;
    align-items: center;
    gap: 0.75rem;
    flex-wrap: wrap;
    padding: 0.5rem 0.75rem;
    border-radius: var(--mr-radius, 0.75rem);
    color: var(--mr-color-text, #f3f4f6);
    background: var(--start-audio-background, var(--mr-color-surface, #1f2937));
    font-family: var(--mr-font-family, system-ui, sans-serif);
  }

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
