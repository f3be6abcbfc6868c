import { css } from 'lit';
import { accentButtonStyles } from '../../internal/control-styles.js';

export const styles = [
  accentButtonStyles,
  css`
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
  `,
];
