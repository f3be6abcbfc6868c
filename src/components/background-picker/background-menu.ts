import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize.js';
import { icons } from '../../internal/icons.js';
import { BackgroundController, keyOf } from './background-controller.js';

/**
 * The background choices of the camera menu (`<device-picker kind="videoinput">`), loaded with
 * the menu the first time it opens: a group of `menuitemradio` items (none, blur, each image with
 * its thumbnail) after the cameras, and, while the effect loads, cannot be used (with why) or
 * failed, a disabled item saying so. The menu's own keys move through them.
 */
export class BackgroundMenu {
  readonly #bg: BackgroundController;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#bg = new BackgroundController(host);
  }

  render(t: LocalizeController): TemplateResult {
    const bg = this.#bg;
    const checked = bg.state ? keyOf(bg.state.choice) : 'off';
    const unsupported = bg.unsupported;
    const status = bg.status(t);
    return html`
      <div role="separator"></div>
      <div role="group" aria-label=${t.term('background')}>
        ${bg.options(t).map(
          (o) => html`
            <div
              part="item"
              role="menuitemradio"
              tabindex="-1"
              aria-checked=${o.key === checked ? 'true' : 'false'}
              aria-disabled=${unsupported ? 'true' : nothing}
              data-background=${o.key}
            >
              <svg viewBox="0 0 24 24" aria-hidden="true">${icons.check}</svg>
              ${
                o.thumbnail
                  ? html`<img src=${o.thumbnail} alt="" width="32" height="18" draggable="false" />`
                  : nothing
              }
              <span class="label" dir="auto">${o.label}</span>
            </div>
          `,
        )}
        ${
          status
            ? html`<div part="item" role="menuitem" aria-disabled="true" tabindex="-1">
                ${status}
              </div>`
            : nothing
        }
      </div>
    `;
  }

  /** The user chose the item with `key` (`data-background`). */
  choose(key: string, t: LocalizeController): void {
    const option = this.#bg.options(t).find((o) => o.key === key);
    if (option) void this.#bg.choose(option);
  }
}
