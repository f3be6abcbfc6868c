import { css } from 'lit';
import { accentButtonStyles } from '../../internal/control-styles.js';

export const styles = [
  accentButtonStyles,
  css`
    :host {
      display: block;
      position: relative;
      box-sizing: border-box;
      min-height: 12rem;
      color: var(--mr-color-text, #f3f4f6);
      background: var(--media-room-background, var(--mr-color-background, #111827));
      font-family: var(--mr-font-family, system-ui, sans-serif);
      border-radius: var(--mr-radius, 0.75rem);
      overflow: hidden;
    }

    [part='base'] {
      display: flex;
      flex-direction: column;
      gap: var(--media-room-gap, 0.5rem);
      height: 100%;
      min-width: 0;
      box-sizing: border-box;
      padding: var(--media-room-gap, 0.5rem);
    }

    [part='status'] {
      margin: 0;
      padding: 0.5rem 0.75rem;
      display: flex;
      align-items: center;
      gap: 0.75rem;
      flex-wrap: wrap;
      overflow-wrap: anywhere;
    }

    [part='error'] {
      margin: auto;
      max-width: 32rem;
      padding: 1rem 1.25rem;
      border-radius: var(--mr-radius, 0.75rem);
      background: var(--mr-color-surface, #1f2937);
      border: 1px solid var(--mr-color-danger, #dc2626);
    }

    [part='error-message'] {
      margin: 0 0 0.5rem;
      font-weight: 600;
    }

    [part='error-detail'] {
      margin: 0 0 0.75rem;
      font-size: 0.875em;
      opacity: 0.8;
      overflow-wrap: anywhere;
    }

    [part='notice'] {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      flex-wrap: wrap;
      padding: 0.5rem 0.75rem;
      border-radius: var(--mr-radius, 0.75rem);
      background: var(--mr-color-surface, #1f2937);
      border-inline-start: 4px solid var(--mr-color-warning, #fbbf24);
      overflow-wrap: anywhere;
    }

    [part='notice'] [part='error-detail'] {
      margin: 0;
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
