import { css } from 'lit';
import './voice-settings.js';

const sheet = css`
  dialog[part='voice-dialog'] {
    max-width: min(26rem, calc(100vw - 2rem));
    padding: 1rem;
    border: none;
    border-radius: var(--mr-radius, 0.75rem);
    background: var(--device-picker-menu-background, var(--mr-color-surface, #1f2937));
    color: var(--mr-color-text, #f3f4f6);
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.4);
  }

  dialog[part='voice-dialog']::backdrop {
    background: rgb(0 0 0 / 0.4);
  }

  dialog[part='voice-dialog'] form {
    display: flex;
    justify-content: flex-end;
    margin-top: 0.6rem;
  }

  dialog[part='voice-dialog'] button {
    min-width: 2.75rem;
    min-height: 2.75rem;
    padding-inline: 1rem;
    border: 1px solid currentColor;
    border-radius: 0.4rem;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  dialog[part='voice-dialog'] button:focus-visible {
    outline: 2px solid var(--mr-color-focus, #93c5fd);
    outline-offset: 2px;
  }
`;

/**
 * The "Voice settings…" dialog of the microphone menu: a modal `<dialog>` in `host`'s shadow root
 * holding `<voice-settings>` and a Close button. Escape or Close closes it, removes it and gives
 * focus back to `opener()` (the menu's button).
 */
export function openVoiceDialog(
  host: HTMLElement,
  text: { label: string; close: string },
  opener: () => HTMLElement | undefined,
): HTMLDialogElement | undefined {
  const root = host.shadowRoot;
  if (!root) return undefined;
  root.querySelector('dialog[part="voice-dialog"]')?.remove();
  if (!root.adoptedStyleSheets.includes(sheet.styleSheet!)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet.styleSheet!];
  }
  const dialog = document.createElement('dialog');
  dialog.setAttribute('part', 'voice-dialog');
  dialog.setAttribute('aria-label', text.label);
  const settings = document.createElement('voice-settings');
  const form = document.createElement('form');
  form.method = 'dialog';
  const close = document.createElement('button');
  close.textContent = text.close;
  form.append(close);
  dialog.append(settings, form);
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener()?.focus();
  });
  root.append(dialog);
  dialog.showModal();
  return dialog;
}
