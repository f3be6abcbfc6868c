import { LitElement, html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { CaptionsToggleEvent } from '../../events/captions-events.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import type { RoomSnapshot } from '../../store/types.js';
import { styles } from './captions-toggle.styles.js';

const selectAvailable = (s: RoomSnapshot) => s.transcription?.available ?? false;

const ccIcon = svg`<path d="M3 6h18v12H3zM10.5 10.2a2.2 2.2 0 1 0 0 3.6m7-3.6a2.2 2.2 0 1 0 0 3.6" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;

/**
 * Shows and hides the live captions. The page owns the overlay: the toggle sets its own `pressed`
 * when the user presses it and fires `captions-toggle`; show or hide your `<captions-overlay>` on
 * that event (or set `pressed` yourself when you show or hide it some other way).
 *
 * Captions come from whoever transcribes the call (LiveKit Agents, on `lk.transcription`). Until
 * the room has a transcription source (a segment arrived, or an agent participant is in the room)
 * the button still works, and its description says that nobody transcribes the call yet (state
 * `unavailable`). `<media-call>` shows it only once there is a source.
 *
 * ```html
 * <captions-toggle></captions-toggle>
 * <captions-overlay hidden></captions-overlay>
 * <script>
 *   document.addEventListener('captions-toggle', (e) => (overlay.hidden = !e.open));
 * </script>
 * ```
 *
 * @tag captions-toggle
 * @summary A button that shows or hides the live captions.
 *
 * @csspart base - The `<button>` (`aria-pressed`; described by a hint while nobody transcribes the call).
 * @csspart icon - The icon.
 * @csspart label - The visible label (hide it for an icon-only button; the name stays).
 *
 * @cssproperty --captions-toggle-on-background - Background while the captions are shown.
 *
 * @cssstate pressed - The captions are shown (`pressed`).
 * @cssstate unavailable - The room has no transcription source yet.
 *
 * @event captions-toggle - The user pressed the button, before `pressed` changes; `open` says whether to show the captions. Cancelable (then `pressed` stays). `CaptionsToggleEvent`.
 */
export class CaptionsToggle extends LitElement {
  static override styles = styles;

  /** The captions are shown. Changed by the user's press (then `captions-toggle` fires). */
  @property({ type: Boolean, reflect: true }) pressed = false;

  readonly #localize = new LocalizeController(this);
  readonly #available = new StoreController<boolean>(this, selectAvailable, { fallback: false });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  /** The room has a transcription source (`transcription.available`). */
  get available(): boolean {
    return this.#available.value;
  }

  /** Moves focus to the button. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('button')?.focus(options);
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const available = this.#available.value;
    setState(this.#internals, 'pressed', this.pressed);
    setState(this.#internals, 'unavailable', !available);
    return html`
      <button
        part="base"
        type="button"
        aria-pressed=${this.pressed ? 'true' : 'false'}
        aria-describedby=${available ? nothing : 'hint'}
        title=${available ? nothing : t.term('captionsNone')}
        @click=${this.#onClick}
      >
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${ccIcon}</svg>
        <span part="label">${t.term('captions')}</span>
      </button>
      <span id="hint" hidden>${t.term('captionsNone')}</span>
    `;
  }

  #onClick = () => {
    if (this.dispatchEvent(new CaptionsToggleEvent(!this.pressed))) this.pressed = !this.pressed;
  };
}

define('captions-toggle', CaptionsToggle);

declare global {
  interface HTMLElementTagNameMap {
    'captions-toggle': CaptionsToggle;
  }
}
