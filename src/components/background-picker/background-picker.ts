import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { LocalizeController } from '../../controllers/localize.js';
import { define } from '../../internal/define.js';
import { BackgroundController, keyOf, type BackgroundOption } from './background-controller.js';
import { styles } from './background-picker.styles.js';

/**
 * Chooses the camera's background effect: none, a blur, or an image (ours, and the page's own:
 * `backgroundImages` of `<media-room>`). The choice applies at once, live, to the camera preview
 * and the published camera (same publication), and is remembered with the devices for the next
 * call (`session.background`; see "Background effects" in the README).
 *
 * A radio group: the choice checked; arrows (in reading order), Home and End move and choose;
 * Tab leaves. Images show as thumbnails named by their label. The first time an effect is
 * chosen its code and model load: the status line says so. In a browser that cannot process
 * video (no WebGL 2, no way to process frames) every choice is disabled and the status line says
 * why; an effect that could not be applied is said there too.
 *
 * `<pre-join>` shows it under its controls (loaded when the pre-join screen is); the camera menu
 * (`<device-picker kind="videoinput">`) offers the same choices as menu items.
 *
 * @tag background-picker
 * @summary Radio choices of the camera's background: none, blur, or an image.
 *
 * @csspart base - The radio group.
 * @csspart label - Its visible name ("Background").
 * @csspart option - A choice (`role="radio"`); also `image` for an image choice.
 * @csspart thumbnail - An image choice's picture.
 * @csspart status - The line saying the effect loads, why it cannot be used, or that it failed.
 *
 * @cssproperty --background-picker-size - Width of a choice (default 4rem; 16:9, at least 44 px tall).
 *
 * @event background-change - The user chose an effect, before it is applied; cancel it to keep the one in use. `BackgroundChangeEvent` with `choice`.
 */
export class BackgroundPicker extends LitElement {
  static override styles = styles;

  readonly #t = new LocalizeController(this);
  readonly #background = new BackgroundController(this);

  override render(): TemplateResult {
    const t = this.#t;
    const bg = this.#background;
    const options = bg.options(t);
    const checked = bg.state ? keyOf(bg.state.choice) : 'off';
    const unsupported = bg.unsupported;
    const status = bg.status(t);
    const focusable = options.some((o) => o.key === checked) ? checked : 'off';
    return html`
      <div
        part="base"
        role="radiogroup"
        aria-labelledby="label"
        aria-describedby="status"
        aria-disabled=${unsupported ? 'true' : nothing}
        dir=${t.dir}
        @keydown=${this.#onKeydown}
      >
        <span part="label" id="label">${t.term('background')}</span>
        ${options.map(
          (o) => html`
            <button
              type="button"
              part=${o.thumbnail ? 'option image' : 'option'}
              role="radio"
              aria-checked=${o.key === checked ? 'true' : 'false'}
              aria-disabled=${unsupported ? 'true' : nothing}
              aria-label=${o.label}
              title=${o.label}
              tabindex=${o.key === focusable ? '0' : '-1'}
              data-key=${o.key}
              @click=${() => this.#choose(o)}
            >
              ${
                o.thumbnail
                  ? html`<img part="thumbnail" src=${o.thumbnail} alt="" draggable="false" />`
                  : o.label
              }
            </button>
          `,
        )}
        <p part="status" id="status" role="status">${status}</p>
      </div>
    `;
  }

  #options(): HTMLButtonElement[] {
    return [...(this.shadowRoot?.querySelectorAll<HTMLButtonElement>('[role="radio"]') ?? [])];
  }

  #choose(option: BackgroundOption): void {
    if (this.#background.unsupported) return;
    void this.#background.choose(option);
  }

  #onKeydown = (event: KeyboardEvent) => {
    const items = this.#options();
    const current = items.indexOf(this.shadowRoot?.activeElement as HTMLButtonElement);
    if (current < 0) return;
    const rtl = this.#t.dir === 'rtl';
    const step: Record<string, number> = {
      ArrowDown: 1,
      ArrowUp: -1,
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
    };
    let next: number;
    if (event.key in step) next = (current + step[event.key]! + items.length) % items.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = items.length - 1;
    else return;
    event.preventDefault();
    const item = items[next]!;
    item.focus();
    const option = this.#background.options(this.#t).find((o) => o.key === item.dataset['key']);
    if (option) this.#choose(option);
  };
}

define('background-picker', BackgroundPicker);

declare global {
  interface HTMLElementTagNameMap {
    'background-picker': BackgroundPicker;
  }
}
