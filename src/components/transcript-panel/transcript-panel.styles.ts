import { css } from 'lit';
import { buttonStyles, panelStyles } from '../../internal/control-styles.js';

export const styles = [
  buttonStyles,
  panelStyles,
  css`
    [part='base'] {
      background: var(--transcript-panel-background, var(--mr-color-background, #111827));
    }

    [part='filter'] {
      font: inherit;
      font-size: 0.875rem;
      padding: 0.4rem 0.5rem;
      color: inherit;
      background: var(--mr-color-surface, #1f2937);
      border: 1px solid var(--mr-color-border, #6b7280);
      border-radius: calc(var(--mr-radius, 0.75rem) / 1.5);
      min-width: 0;
      min-height: 2.5rem;
      box-sizing: border-box;
    }

    [part='filter']::placeholder {
      color: var(--mr-color-muted, #9ca3af);
      opacity: 1;
    }

    [part='actions'] {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
    }

    [part='actions'] button {
      flex: 1 1 auto;
      font-size: 0.8125rem;
      padding-inline: 0.5rem;
    }

    [part='status'] {
      margin: 0;
      min-height: 1lh;
      font-size: 0.75rem;
      color: var(--mr-color-muted, #9ca3af);
    }

    [part='status'].error {
      color: var(--mr-color-danger-text, #fca5a5);
    }

    [part='list'] {
      flex: 1 1 auto;
      min-height: 0;
      overflow-y: auto;
      scrollbar-color: var(--mr-color-border, #6b7280) transparent;
      margin: 0;
      padding: 0.25rem;
      list-style: none;
      display: flex;
      flex-direction: column;
      gap: 0.5rem;
      border-radius: calc(var(--mr-radius, 0.75rem) / 1.5);
    }

    [part='list']:focus-visible,
    [part='filter']:focus-visible {
      outline: 3px solid var(--mr-color-focus, #facc15);
      outline-offset: 2px;
    }

    [part~='segment'] {
      flex: none;
      min-width: 0;
    }

    [part='meta'] {
      display: flex;
      gap: 0.5rem;
      align-items: baseline;
      min-width: 0;
      font-size: 0.75rem;
      color: var(--mr-color-muted, #9ca3af);
    }

    [part='speaker'] {
      font-weight: 600;
      color: var(--mr-color-text, #f3f4f6);
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      min-width: 0;
    }

    [part='text'] {
      margin: 0.1rem 0 0;
      overflow-wrap: anywhere;
    }

    [part~='interim'] [part='text'] {
      font-style: italic;
      color: var(--mr-color-muted, #9ca3af);
    }

    [part='empty'] {
      margin: 0;
      color: var(--mr-color-muted, #9ca3af);
      font-size: 0.875rem;
    }

    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    @media (pointer: coarse) {
      [part='filter'] {
        min-height: 2.75rem;
      }
    }
  `,
];
