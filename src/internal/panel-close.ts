import { PanelCloseEvent } from '../events/panel-events.js';

/**
 * Escape inside a side panel asks its owner to close it (`panel-close`). Skipped when something
 * inside already used the key (a popover, a question: they call `preventDefault()` or stop it),
 * while composing text, and with modifiers. When nobody cancelled `panel-close`, the key counts as
 * used, so that an outer dialog does not close too.
 */
export function escapeClosesPanel(panel: HTMLElement, e: KeyboardEvent): void {
  if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing) return;
  if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
  if (panel.dispatchEvent(new PanelCloseEvent())) e.preventDefault();
}
