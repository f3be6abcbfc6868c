import { LitElement, html, svg, type TemplateResult } from 'lit';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import { pipSupport, type PipState } from '../../session/pip.js';
import type { RoomSession } from '../../session/room-session.js';
import type { RoomSnapshot } from '../../store/types.js';
import { styles } from './pip-button.styles.js';

const pipIcon = svg`<path d="M3 5h18v14H3zM12 11h7v6h-7z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`;

const selectInRoom = (s: RoomSnapshot): boolean => !!s.local;

/**
 * Shows the call in picture-in-picture, or brings it back: `session.openPictureInPicture()`.
 * Where the browser has Document Picture-in-Picture (Chromium on desktop, Firefox), a small window that
 * stays on top holds a compact call — the active speaker (or the pinned tile, or a shared screen)
 * large, yourself small, microphone, camera and Leave — following the speaker; closing it puts
 * everything back. Where only the video element's own picture-in-picture exists (Safari), the
 * large tile's video goes there. Where neither exists (older Firefox, phones), the button is not
 * shown (state `unsupported`).
 *
 * @tag pip-button
 * @summary A toggle that shows the call in a picture-in-picture window.
 *
 * @csspart base - The `<button>` (`aria-pressed` while picture-in-picture is open; named by the term `pipShort`, described by its title, the term `pip`).
 * @csspart icon - The icon.
 * @csspart label - The visible label (hide it for an icon-only button; the name stays).
 *
 * @cssproperty --pip-button-on-background - Background while picture-in-picture is open.
 *
 * @cssstate open - Picture-in-picture is open.
 * @cssstate unsupported - This browser has no picture-in-picture: the button is hidden.
 *
 * @event pip-change - Picture-in-picture opened (the window shows the call) or closed (the call is back in the page alone); `open` and `mode` say which. `PipChangeEvent`.
 */
export class PipButton extends LitElement {
  static override styles = styles;

  readonly #t = new LocalizeController(this);
  readonly #inRoom = new StoreController(this, selectInRoom, { fallback: false });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();
  #watched: RoomSession | undefined;
  #offState: (() => void) | undefined;

  /** Whether picture-in-picture of this call is open (or opening). */
  get open(): boolean {
    return this.#state !== 'closed';
  }

  get #state(): PipState {
    return this.#inRoom.session?.pictureInPicture.$state.get() ?? 'closed';
  }

  /** Open picture-in-picture, or close it, as a click does (call it from a user gesture). */
  async toggle(): Promise<void> {
    const session = this.#inRoom.session;
    if (!session) return;
    if (this.open) session.closePictureInPicture();
    else if (this.#inRoom.value) {
      const { lang, dir } = this.#t;
      await session.openPictureInPicture({ from: this, lang, dir }).catch(() => {
        /* Refused by the browser: the session shows the notice `pip-failed`. */
      });
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#watch(this.#inRoom.session);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#watch(undefined);
  }

  override render(): TemplateResult {
    const t = this.#t;
    this.#watch(this.isConnected ? this.#inRoom.session : undefined);
    const state = this.#state;
    const pressed = state === 'document' || state === 'video';
    setState(this.#internals, 'open', pressed);
    setState(this.#internals, 'unsupported', !pipSupport());
    return html`<button
      part="base"
      type="button"
      aria-pressed=${pressed ? 'true' : 'false'}
      aria-busy=${state === 'opening' ? 'true' : 'false'}
      aria-label=${t.term('pipShort')}
      title=${t.term('pip')}
      ?disabled=${!this.#inRoom.value && !pressed}
      @click=${() => void this.toggle()}
    >
      <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${pipIcon}</svg>
      <span part="label">${t.term('pipShort')}</span>
    </button>`;
  }

  /** Follow the picture-in-picture state of the session in use. */
  #watch(session: RoomSession | undefined): void {
    if (session === this.#watched) return;
    this.#offState?.();
    this.#offState = session?.pictureInPicture.$state.listen(() => this.requestUpdate());
    this.#watched = session;
  }
}

define('pip-button', PipButton);

declare global {
  interface HTMLElementTagNameMap {
    'pip-button': PipButton;
  }
}
