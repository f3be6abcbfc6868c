import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    box-sizing: border-box;
    padding: 1rem;
    color: var(--mr-color-text, #f3f4f6);
    background: var(--pre-join-background, var(--mr-color-background, #111827));
    border-radius: var(--mr-radius, 0.75rem);
    font-family: var(--mr-font-family, system-ui, sans-serif);
  }

  [part='base'] {
    min-width: 0;
    max-width: var(--pre-join-max-width, 40rem);
    margin: 0 auto;
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
  }

  [part='preview'] {
    position: relative;
    aspect-ratio: 16 / 9;
    /* The Join button stays in view in a short window: the preview gives up height first. */
    max-height: 55vh;
    border-radius: var(--mr-radius, 0.75rem);
    overflow: hidden;
    background: var(--mr-color-surface, #1f2937);
    display: grid;
    place-items: center;
  }

  video {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
    transform: scaleX(-1);
  }

  video[hidden] {
    display: none;
  }

  [part='placeholder'] {
    opacity: 0.8;
  }

  [part='media-error'] {
    overflow-wrap: anywhere;
    position: absolute;
    inset-inline: 0.75rem;
    inset-block-end: 0.75rem;
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: 0.5rem;
    background: rgb(0 0 0 / 0.75);
    border-inline-start: 4px solid var(--mr-color-warning, #fbbf24);
  }

  [part='controls'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
  }

  [part='form'] {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem;
  }

  label {
    flex: 1 1 14rem;
    min-width: 0;
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }

  input {
    min-width: 0;
    font: inherit;
    color: inherit;
    background: var(--mr-color-surface, #1f2937);
    border: 1px solid var(--mr-color-border, #4b5563);
    border-radius: calc(var(--mr-radius, 0.75rem) / 1.5);
    padding: 0.5rem 0.75rem;
  }

  button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    color: var(--mr-color-text, #f3f4f6);
    background: var(--mr-color-surface, #1f2937);
    border: 1px solid var(--mr-color-border, #4b5563);
    border-radius: calc(var(--mr-radius, 0.75rem) / 1.5);
    padding: 0.45rem 0.8rem;
    cursor: pointer;
  }

  button[aria-pressed='false'] {
    background: var(--mr-color-danger-surface, #7f1d1d);
  }

  button[part='join'] {
    color: var(--mr-color-on-accent, #fff);
    background: var(--mr-color-accent, #2563eb);
    border-color: transparent;
    padding-inline: 1.5rem;
    font-weight: 600;
  }

  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }

  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--mr-color-focus, #facc15);
    outline-offset: 2px;
  }

  svg {
    width: 1.1rem;
    height: 1.1rem;
  }

  /* A finger needs a target of at least 44 × 44 px. */
  @media (pointer: coarse) {
    button,
    input {
      min-height: 2.75rem;
      box-sizing: border-box;
    }
  }

  /* A phone held sideways: the preview beside the controls and the form. */
  @media (orientation: landscape) and (max-height: 30rem) {
    [part='base'] {
      max-width: 56rem;
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      grid-template-rows: auto auto 1fr;
      align-items: start;
    }

    [part='preview'] {
      grid-row: 1 / span 3;
      max-height: calc(100vh - 4rem);
    }

    [part='form'] {
      flex-direction: column;
      align-items: stretch;
    }

    label {
      flex: none;
    }
  }
`;
