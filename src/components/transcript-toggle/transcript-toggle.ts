import { LitElement, html, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { TranscriptToggleEvent } from '../../events/captions-events.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import { styles } from './transcript-toggle.styles.js';

const transcriptIcon = svg`<path d="M6 3h9l4 4v14H6zM14 3v5h5M9 12h7m-7 4h7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;

/**
 * Shows and hides the transcript. The page owns the panel: the toggle sets its own `pressed` when
 * the user presses it and fires `transcript-toggle`; show or hide your `<transcript-panel>` on that
 * event (or set `pressed` yourself when you show or hide it some other way). `<media-call>` shows
 * it once the room has a transcription source, as it does `<captions-toggle>`.
 *
 * ```html
 * <transcript-toggle></transcript-toggle>
 * <transcript-panel hidden></transcript-panel>
 * <script>
 *   document.addEventListener('transcript-toggle', (e) => (panel.hidden = !e.open));
 * </script>
 * ```
 *
 * @tag transcript-toggle
 * @summary A button that shows or hides the transcript.
 *
 * @csspart base - The `<button>` (`aria-pressed`).
 * @csspart icon - The icon.
 * @csspart label - The visible label (hide it for an icon-only button; the name stays).
 *
 * @cssproperty --transcript-toggle-on-background - Background while the transcript is shown.
 *
 * @cssstate pressed - The transcript is shown (`pressed`).
 *
 * @event transcript-toggle - The user pressed the button, before `pressed` changes; `open` says whether to show the transcript. Cancelable (then `pressed` stays). `TranscriptToggleEvent`.
 */
export class TranscriptToggle extends LitElement {
  static override styles = styles;

  /** The transcript is shown. Changed by the user's press (then `transcript-toggle` fires). */
  @property({ type: Boolean, reflect: true }) pressed = false;

  readonly #localize = new LocalizeController(this);
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  /** Moves focus to the button (where `<media-call>` puts it back when the panel closes). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('button')?.focus(options);
  }

  override render(): TemplateResult {
    const t = this.#localize;
    setState(this.#internals, 'pressed', this.pressed);
    return html`
      <button
        part="base"
        type="button"
        aria-pressed=${this.pressed ? 'true' : 'false'}
        @click=${this.#onClick}
      >
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${transcriptIcon}</svg>
        <span part="label">${t.term('transcript')}</span>
      </button>
    `;
  }

  #onClick = () => {
    if (this.dispatchEvent(new TranscriptToggleEvent(!this.pressed))) this.pressed = !this.pressed;
  };
}

define('transcript-toggle', TranscriptToggle);

declare global {
  interface HTMLElementTagNameMap {
    'transcript-toggle': TranscriptToggle;
  }
}
