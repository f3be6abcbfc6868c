import { css } from 'lit';
import { accentButtonStyles, panelStyles } from '../../internal/control-styles.js';

export const styles = [
  accentButtonStyles,
  panelStyles,
  css`
    [part='base'] {
      background: var(--chat-panel-background, var(--mr-color-background, #111827));
    }

    [part='log'] {
      flex: 1 1 auto;
      min-height: 0;
      overflow-y: auto;
      /* A scrollbar of the panel's colours (Firefox otherwise draws a light one on the dark panel). */
      scrollbar-color: var(--mr-color-border, #6b7280) transparent;
      display: flex;
      flex-direction: column;
      gap: 0.4rem;
      padding: 0.25rem;
      border-radius: calc(var(--mr-radius, 0.75rem) / 1.5);
    }

    [part='log']:focus-visible,
    textarea:focus-visible,
    a:focus-visible,
    [part='show-more']:focus-visible {
      outline: 3px solid var(--mr-color-focus, #facc15);
      outline-offset: 2px;
    }

    [part='new-messages'] {
      align-self: center;
      margin-block-start: -0.25rem;
      padding: 0.25rem 0.9rem;
      border-radius: 999px;
      font-size: 0.875rem;
    }

    [part='empty'],
    [part='note'] {
      margin: 0;
      color: var(--mr-color-muted, #9ca3af);
      font-size: 0.875rem;
    }

    /*
     * A bubble holds its glyphs: stacked marks or a long word stay inside it. It never shrinks to
     * the log's height (flex: none): WebKit gives an overflow: clip flex item no
     * content-based minimum height, so an unfolded message was cut to what fit in the log.
     */
    article {
      flex: none;
      box-sizing: border-box;
      max-width: 85%;
      min-width: 0;
      overflow: clip;
      align-self: flex-start;
      padding: 0.35rem 0.6rem;
      border-radius: calc(var(--mr-radius, 0.75rem) / 1.5);
      background: var(--chat-panel-message-background, var(--mr-color-surface, #1f2937));
    }

    article[part~='local'] {
      align-self: flex-end;
      background: var(--chat-panel-local-background, var(--mr-color-surface, #1f2937));
      border-inline-end: 3px solid var(--mr-color-accent, #2563eb);
    }

    [part='meta'] {
      display: flex;
      gap: 0.5rem;
      min-width: 0;
      align-items: baseline;
      font-size: 0.75rem;
      color: var(--mr-color-muted, #9ca3af);
    }

    /* One line, cut with an ellipsis; the whole name is its title. */
    [part='sender'] {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      font-weight: 600;
      color: var(--mr-color-text, #f3f4f6);
    }

    [part='time'] {
      flex: none;
    }

    /* A message of yours not sent yet (pending) or not sent (failed, with Send again). */
    [part='delivery'] {
      margin: 0.15rem 0 0;
      font-size: 0.75rem;
      font-style: italic;
      color: var(--mr-color-muted, #9ca3af);
    }

    [part='delivery'].failed {
      font-style: normal;
      color: var(--mr-color-text, #f3f4f6);
    }

    [part='retry'] {
      margin-inline-start: 0.35rem;
      padding: 0 0.2rem;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      text-decoration: underline;
      cursor: pointer;
    }

    [part='retry']:focus-visible {
      outline: 3px solid var(--mr-color-focus, #facc15);
      outline-offset: 2px;
    }

    /*
     * A long message folds to 12 lines (FOLD_LINES in message-folds.ts). Until measured, the
     * clamp alone (content may overflow it, clipped by the bubble); once it folds, the rest is
     * hidden and the last lines fade out.
     */
    [part='text'] {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
      max-height: calc(12 * 1.2em);
      max-height: calc(12 * 1lh);
    }

    [part='text'].folded {
      overflow: hidden;
      -webkit-mask-image: linear-gradient(to bottom, #000 calc(100% - 2.5em), transparent);
      mask-image: linear-gradient(to bottom, #000 calc(100% - 2.5em), transparent);
    }

    [part='text'].expanded {
      max-height: none;
    }

    [part='show-more'] {
      display: block;
      margin-block-start: 0.15rem;
      padding: 0.1rem 0;
      font-size: 0.8125rem;
      font-weight: 600;
      color: var(--chat-panel-link-color, var(--mr-color-text, #f3f4f6));
      background: none;
      text-decoration: underline;
    }

    a {
      color: var(--chat-panel-link-color, inherit);
      text-decoration: underline;
    }

    form {
      display: flex;
      gap: 0.5rem;
      align-items: flex-end;
    }

    /* The field takes what Send (never squeezed: its label would be cut) leaves. */
    [part='send'] {
      flex: none;
    }

    textarea {
      flex: 1 1 0;
      min-width: 0;
      resize: vertical;
      font: inherit;
      padding: 0.4rem 0.5rem;
      color: inherit;
      background: var(--mr-color-surface, #1f2937);
      border: 1px solid var(--mr-color-border, #6b7280);
      border-radius: calc(var(--mr-radius, 0.75rem) / 1.5);
    }

    textarea:disabled,
    button:disabled {
      cursor: not-allowed;
      opacity: 0.55;
    }

    /* A finger needs a target of at least 44 × 44 px. */
    @media (pointer: coarse) {
      [part='send'],
      [part='new-messages'],
      [part='show-more'],
      textarea {
        box-sizing: border-box;
        min-width: 2.75rem;
        min-height: 2.75rem;
      }
    }

    @media (prefers-reduced-motion: reduce) {
      [part='log'] {
        scroll-behavior: auto;
      }
    }
  `,
];
