import { css } from 'lit';
import { buttonStyles, panelStyles } from '../../internal/control-styles.js';

export const styles = [
  buttonStyles,
  panelStyles,
  css`
    [part='base'] {
      position: relative;
      background: var(--participant-list-background, var(--mr-color-background, #111827));
    }

    [part='heading'] {
      margin: 0;
      padding: 0.1rem 0.25rem 0;
      font-size: 1rem;
      font-weight: 600;
    }

    [part='count'] {
      color: var(--mr-color-muted, #9ca3af);
      font-weight: 400;
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
    }

    [part='filter']::placeholder {
      color: var(--mr-color-muted, #9ca3af);
      opacity: 1;
    }

    [part='status'] {
      margin: 0;
      font-size: 0.75rem;
      color: var(--mr-color-muted, #9ca3af);
    }

    /* Out of sight while idle, but still in the accessibility tree, so later counts are read. */
    [part='status'].idle {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    .scroller {
      flex: 1 1 auto;
      min-height: 0;
      overflow-y: auto;
      /* A scrollbar of the panel's colours (Firefox otherwise draws a light one on the dark panel). */
      scrollbar-color: var(--mr-color-border, #6b7280) transparent;
      /* Rows off view are padding measured as they render: the view must not follow it. */
      overflow-anchor: none;
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }

    [part='empty'] {
      margin: 0;
      padding: 0.25rem;
      color: var(--mr-color-muted, #9ca3af);
      font-size: 0.875rem;
    }

    [part='group'] {
      display: flex;
      flex-direction: column;
      gap: 0.35rem;
    }

    [part='group-heading'] {
      margin: 0;
      padding: 0 0.25rem;
      font-size: 0.75rem;
      font-weight: 600;
      letter-spacing: 0.04em;
      text-transform: uppercase;
      color: var(--mr-color-muted, #9ca3af);
    }

    [part='list'] {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: var(--participant-list-row-gap, 0.25rem);
    }

    [part~='item'] {
      min-width: 0;
      display: flex;
      flex-direction: column;
      gap: 0.3rem;
      padding: 0.4rem 0.5rem;
      border-radius: calc(var(--mr-radius, 0.75rem) / 1.5);
      background: var(--participant-list-item-background, var(--mr-color-surface, #1f2937));
    }

    [part~='item'][part~='local'] {
      border-inline-start: 3px solid var(--mr-color-accent, #2563eb);
    }

    .main {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-width: 0;
    }

    [part='avatar'] {
      flex: none;
      width: 2rem;
      height: 2rem;
      display: grid;
      place-items: center;
      border-radius: 50%;
      background: var(--participant-list-avatar-background, var(--mr-color-accent, #2563eb));
      color: var(--mr-color-on-accent, #fff);
      font-size: 0.75rem;
      font-weight: 600;
    }

    .who {
      flex: 1 1 auto;
      min-width: 0;
      display: flex;
      align-items: center;
      gap: 0.4rem;
    }

    [part='name'] {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-size: 0.875rem;
    }

    [part~='role'] {
      flex: none;
      padding: 0 0.4rem;
      border-radius: 999px;
      font-size: 0.6875rem;
      line-height: 1.1rem;
      font-weight: 600;
      border: 1px solid var(--mr-color-border, #6b7280);
      color: var(--mr-color-muted, #9ca3af);
    }

    /* Kept through a grace period after vanishing (the row's class is \`reconnecting\`). */
    [part='reconnecting'] {
      flex: none;
      font-size: 0.75rem;
      font-style: italic;
      color: var(--mr-color-muted, #9ca3af);
    }

    [part~='role'][part~='host'] {
      border-color: transparent;
      background: var(--mr-color-accent, #2563eb);
      color: var(--mr-color-on-accent, #fff);
    }

    .states {
      flex: none;
      display: flex;
      align-items: center;
      gap: 0.35rem;
    }

    .states svg {
      width: 1.1rem;
      height: 1.1rem;
    }

    [part='hand'] {
      display: inline-flex;
      align-items: center;
      gap: 0.1rem;
      padding: 0 0.3rem 0 0.15rem;
      border-radius: 999px;
      font-size: 0.75rem;
      font-weight: 600;
      line-height: 1.4rem;
      background: var(--mr-color-warning, #fbbf24);
      color: #111827;
    }

    [part~='mic'],
    [part~='camera'] {
      display: inline-flex;
      color: var(--mr-color-text, #f3f4f6);
    }

    [part~='mic'][part~='off'] {
      color: var(--mr-color-danger, #dc2626);
    }

    [part~='camera'][part~='off'] {
      color: var(--mr-color-muted, #9ca3af);
    }

    [part~='controls'] {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2rem;
      /* Under the name, past the avatar. */
      padding-inline-start: 2.5rem;
    }

    [part='volume'] {
      flex: 1 1 auto;
      min-width: 4rem;
      display: flex;
      align-items: center;
      gap: 0.3rem;
      color: var(--mr-color-muted, #9ca3af);
    }

    [part='volume'] svg {
      width: 1rem;
      height: 1rem;
    }

    [part='volume'] input {
      flex: 1 1 auto;
      min-width: 0;
      margin: 0;
      accent-color: var(--mr-color-accent, #2563eb);
    }

    [part='actions'] {
      flex: none;
      display: flex;
      gap: 0.25rem;
      margin-inline-start: auto;
    }

    [part='actions'] button {
      min-width: 2rem;
      min-height: 2rem;
      padding: 0.25rem;
      background: transparent;
      border-color: var(--mr-color-border, #6b7280);
    }

    [part='actions'] button:hover {
      background: var(--mr-color-surface-hover, #374151);
    }

    [part~='spotlight'][part~='on'] {
      background: var(--mr-color-accent, #2563eb);
      border-color: transparent;
      color: var(--mr-color-on-accent, #fff);
    }

    [part='actions'] svg {
      width: 1.1rem;
      height: 1.1rem;
    }

    [part='remove']:hover,
    [part='confirm'] {
      color: #fff;
    }

    [part='remove']:hover,
    [part='confirm'],
    [part='confirm']:hover:not(:disabled) {
      background: var(--mr-color-danger, #dc2626);
      border-color: transparent;
    }

    [part~='confirmation'] {
      flex-wrap: wrap;
      font-size: 0.8125rem;
    }

    /* A long name wraps anywhere, at most three lines; the group is named with all of it. */
    .question {
      flex: 1 1 100%;
      min-width: 0;
      overflow: hidden;
      overflow-wrap: anywhere;
      display: -webkit-box;
      -webkit-box-orient: vertical;
      -webkit-line-clamp: 3;
      line-clamp: 3;
    }

    [part='confirm'],
    [part='cancel'] {
      min-height: 2rem;
      padding: 0.2rem 0.75rem;
    }

    [part='cancel'] {
      border-color: var(--mr-color-border, #6b7280);
    }

    button[aria-disabled='true'] {
      cursor: progress;
    }

    [part='filter']:focus-visible,
    [part='volume'] input:focus-visible {
      outline: 3px solid var(--mr-color-focus, #facc15);
      outline-offset: 2px;
    }

    /* A finger needs a target of at least 44 × 44 px. */
    @media (pointer: coarse) {
      [part='filter'],
      [part='volume'] input,
      [part='actions'] button,
      [part='confirm'],
      [part='cancel'] {
        box-sizing: border-box;
        min-width: 2.75rem;
        min-height: 2.75rem;
      }

      [part='volume'] input {
        height: 2.75rem;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .scroller {
        scroll-behavior: auto;
      }
    }
  `,
];
