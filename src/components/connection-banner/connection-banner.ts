import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import type { ConnectionPhase, RoomSnapshot } from '../../store/types.js';
import { selectHostLayout } from '../../store/host-layout.js';
import { NAME_SLOT, withName } from '../../internal/isolate.js';
import { sanitizeName } from '../../internal/text.js';
import { styles } from './connection-banner.styles.js';

interface View {
  phase: ConnectionPhase;
  reason: string | undefined;
  /** A fatal error is shown by `<media-room>` itself (with Retry): no second message. */
  fatal: boolean;
  /** The name of the host who ended the meeting for everyone ('' when unknown or not ended). */
  endedBy: string;
}

/** Reasons that end the meeting itself: no Rejoin (joining again would open an empty room). */
const ENDED = new Set(['host-ended', 'ended-for-everyone']);

const selectView = (s: RoomSnapshot): View => ({
  phase: s.connection.phase,
  reason: s.connection.reason,
  fatal: !!s.error?.fatal,
  endedBy: sanitizeName(selectHostLayout(s).ended?.by ?? ''),
});

/**
 * The state of the connection as a banner: "Reconnecting…" with a spinner while the connection is
 * recovered (livekit-client resuming or reconnecting, or the session rejoining at once),
 * "Connection restored." for a few seconds once it is back, and, after a disconnect, why
 * (localized) with a Rejoin button that joins again through the session ("The host ended the
 * meeting." names the host when known, and has no Rejoin: the meeting is over). Nothing is shown while
 * joining or connected. It follows the store's connection phase, as `<media-room>`'s
 * `reconnecting`, `reconnected` and `disconnected` events do, so it never says other than they.
 *
 * Reconnecting and restored are said politely (`role="status"`); a disconnect interrupts
 * (`role="alert"`). Both live regions are always in the shadow root (empty while there is
 * nothing to say), so screen readers announce the text when it appears. The spinner stops
 * turning under `prefers-reduced-motion`. A disconnect that comes with a fatal error is left to
 * `<media-room>`'s error box (which has Retry).
 *
 * @tag connection-banner
 * @summary Reconnecting / reconnected / disconnected banner with a Rejoin button.
 *
 * @csspart base - The wrapper of the two live regions.
 * @csspart banner - The banner (only while there is something to say).
 * @csspart spinner - The spinner shown while reconnecting.
 * @csspart message - The text.
 * @csspart rejoin - The Rejoin button after a disconnect.
 *
 * @cssproperty --connection-banner-background - Background of the banner.
 * @cssproperty --connection-banner-accent - Colour of the banner's edge while reconnecting.
 *
 * @cssstate reconnecting - The connection is being recovered.
 * @cssstate reconnected - The connection came back (for `reconnected-duration` ms).
 * @cssstate disconnected - The room was left or lost.
 */
export class ConnectionBanner extends LitElement {
  static override styles = styles;

  /** How long "Connection restored." stays, in milliseconds. */
  @property({ attribute: 'reconnected-duration', type: Number }) reconnectedDuration = 3000;

  @state() private showReconnected = false;

  readonly #localize = new LocalizeController(this);
  readonly #view = new StoreController(this, selectView, {
    fallback: { phase: 'idle', reason: undefined, fatal: false, endedBy: '' },
    equals: (a, b) =>
      a.phase === b.phase &&
      a.reason === b.reason &&
      a.fatal === b.fatal &&
      a.endedBy === b.endedBy,
  });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();
  #lastPhase: ConnectionPhase = 'idle';
  #timer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Taken off while "restored" showed: its timer is gone, so it is old news now.
    if (this.showReconnected && !this.#timer) this.showReconnected = false;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#clearTimer();
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const phase = this.#view.value.phase;
    if (phase !== this.#lastPhase) {
      if (this.#lastPhase === 'reconnecting' && phase === 'connected') {
        this.showReconnected = true;
        this.#clearTimer();
        this.#timer = setTimeout(() => {
          this.#timer = undefined;
          this.showReconnected = false;
        }, this.reconnectedDuration);
      } else if (phase !== 'connected') {
        this.#clearTimer();
        this.showReconnected = false;
      }
      this.#lastPhase = phase;
    }
  }

  override render(): TemplateResult {
    const { phase, reason, fatal, endedBy } = this.#view.value;
    const t = this.#localize;
    const reconnecting = phase === 'reconnecting';
    const reconnected = phase === 'connected' && this.showReconnected;
    const disconnected = phase === 'disconnected' && !fatal;
    setState(this.#internals, 'reconnecting', reconnecting);
    setState(this.#internals, 'reconnected', reconnected);
    setState(this.#internals, 'disconnected', disconnected);

    let polite: TemplateResult | typeof nothing = nothing;
    if (reconnecting) {
      polite = html`<div part="banner" class="reconnecting">
        <span part="spinner" aria-hidden="true"></span>
        <p part="message">${t.term('reconnecting')}</p>
      </div>`;
    } else if (reconnected) {
      polite = html`<div part="banner" class="reconnected">
        <p part="message">${t.term('reconnected')}</p>
      </div>`;
    }
    const again = t.term('rejoin');
    // The text as a property: no white space around it, whatever the formatter makes of the markup.
    const rejoin = html`<button
      part="rejoin"
      type="button"
      .textContent=${again}
      @click=${this.#rejoin}
    ></button>`;
    const alert = disconnected
      ? html`<div part="banner" class="disconnected">
          <p part="message">
            ${
              reason === 'client-initiated'
                ? t.term('left')
                : reason === 'host-ended' && endedBy
                  ? withName(t.term('hostEndedBy', NAME_SLOT), endedBy)
                  : t.termFor(`reason:${reason}`, 'disconnected')
            }
          </p>
          ${ENDED.has(reason ?? '') ? nothing : rejoin}
        </div>`
      : nothing;
    return html`<div part="base" dir=${t.dir} lang=${t.lang}>
      <div role="status" aria-live="polite">${polite}</div>
      <div role="alert">${alert}</div>
    </div>`;
  }

  #rejoin(): void {
    void this.#view.session?.rejoin();
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

define('connection-banner', ConnectionBanner);

declare global {
  interface HTMLElementTagNameMap {
    'connection-banner': ConnectionBanner;
  }
}
