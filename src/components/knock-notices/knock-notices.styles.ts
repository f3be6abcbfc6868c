import { css } from 'lit';
import { buttonStyles } from '../../internal/control-styles.js';

export const styles = [
  buttonStyles,
  css`
    :host {
      display: block;
      color: var(--mr-color-text, #f3f4f6);
    }

    :host([hidden]) {
      display: none;
    }

    [part='list'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.375rem;
    }

    [part='list']:empty {
      display: none;
    }

    [part='notice'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
      padding: 0.5rem 0.75rem;
      border-radius: var(--mr-radius, 0.75rem);
      background: var(--knock-notices-background, var(--mr-color-surface, #1f2937));
      border-inline-start: 4px solid var(--knock-notices-accent, var(--mr-color-accent, #3b82f6));
    }

    [part='message'] {
      flex: 1 1 12rem;
      min-width: 0;
      overflow-wrap: anywhere;
    }

    [part~='admit'] {
      background: var(--mr-color-accent, #2563eb);
      color: var(--mr-color-on-accent, #fff);
    }

    [part='more'] {
      margin: 0.25rem 0 0;
      font-size: 0.875rem;
      opacity: 0.85;
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
