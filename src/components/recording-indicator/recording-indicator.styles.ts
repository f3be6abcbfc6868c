import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    color: var(--mr-color-text, #f3f4f6);
    font-family: var(--mr-font-family, system-ui, sans-serif);
  }

  :host(:not(:state(recording))) [part='base'] {
    /* Empty but present: the live region must exist before it announces. */
    padding: 0;
    background: none;
  }

  [part='base'] {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.2rem 0.6rem;
    border-radius: 999px;
    background: var(--mr-color-surface, #1f2937);
    font-size: 0.875rem;
  }

  [part='dot'] {
    width: 0.6rem;
    height: 0.6rem;
    border-radius: 50%;
    background: var(--recording-indicator-color, var(--mr-color-danger, #dc2626));
    animation: pulse 1.6s ease-in-out infinite;
  }

  @keyframes pulse {
    50% {
      opacity: 0.35;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part='dot'] {
      animation: none;
    }
  }
`;
