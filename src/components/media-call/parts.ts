import { html, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize.js';
import { PanelCloseEvent } from '../../events/panel-events.js';
import { icons } from '../../internal/icons.js';

/**
 * A side panel's sheet: a heading and a close button over the panel. The close button fires the
 * panel's own `panel-close` (from inside the sheet), the path Escape takes, so its owner closes it
 * and gives focus back to the button that opened it.
 */
export function sheet(
  t: LocalizeController,
  id: string,
  title: string,
  open: boolean,
  onClose: (e: PanelCloseEvent) => void,
  panel: TemplateResult,
): TemplateResult {
  return html`<div part="panel" class="sheet" ?hidden=${!open} @panel-close=${onClose}>
    <div part="panel-header">
      <h2 part="panel-heading" id=${`${id}-heading`}>${title}</h2>
      <button
        part="panel-close"
        type="button"
        aria-label=${t.term('closePanel', title)}
        @click=${closeFrom}
      >
        <svg viewBox="0 0 24 24" aria-hidden="true">${icons.close}</svg>
      </button>
    </div>
    ${panel}
  </div>`;
}

function closeFrom(e: Event): void {
  (e.currentTarget as HTMLElement).dispatchEvent(new PanelCloseEvent());
}

/**
 * The "More" button and the group of controls it shows and hides (a disclosure: the controls stay
 * in the tab order right after the button while shown). Escape or a press outside hides it.
 */
export function moreMenu(
  t: LocalizeController,
  open: boolean,
  onToggle: () => void,
  controls: TemplateResult,
): TemplateResult {
  return html`<div slot="end" class="more">
    <button
      part="more"
      type="button"
      aria-expanded=${open ? 'true' : 'false'}
      aria-controls="more-menu"
      aria-label=${t.term('moreControls')}
      @click=${onToggle}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">${icons.more}</svg>
    </button>
    <div
      id="more-menu"
      part="more-menu"
      role="group"
      aria-label=${t.term('moreControlsLabel')}
      ?hidden=${!open}
    >
      ${controls}
    </div>
  </div>`;
}
