import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { TrackToggleEvent } from '../../events/control-events.js';
import { define } from '../../internal/define.js';
import type { RoomError, RoomSnapshot, TrackState } from '../../store/types.js';
import { styles } from './track-toggle.styles.js';
import { setState } from '../../internal/custom-states.js';
import { canShareScreen } from '../../internal/capabilities.js';
import { icons } from '../../internal/icons.js';
import { mediaErrorCode } from '../../internal/media-errors.js';
import { canPublishSource } from '../../store/selectors.js';

/** Label, forbidden message and icons per source. */
const LOOKS = {
  microphone: {
    label: 'microphone',
    forbidden: 'microphoneForbidden',
    on: icons.micOn,
    off: icons.micOff,
  },
  camera: { label: 'camera', forbidden: 'cameraForbidden', on: icons.camOn, off: icons.camOff },
  screen_share: {
    label: 'shareScreen',
    forbidden: 'screenShareForbidden',
    on: icons.screen,
    off: icons.screen,
  },
} as const;

interface Slice {
  readonly track: TrackState | undefined;
  readonly inRoom: boolean;
  readonly allowed: boolean;
  readonly error: RoomError | undefined;
}

/** The sources a toggle can turn on and off. */
export type ToggleSource = 'microphone' | 'camera' | 'screen_share';

/**
 * Turns the local microphone, camera or screen share on and off.
 *
 * Reads the local participant from the store of the enclosing `<media-room>` and calls
 * `setMicrophoneEnabled` / `setCameraEnabled` / `setScreenShareEnabled` on its livekit-client
 * Room. For the screen share, closing the browser's picker without choosing is not an error: the
 * button just stays off. A `<button>` with
 * `aria-pressed`; while the call is in flight it is `aria-busy` and `aria-disabled` (it keeps
 * focus, and clicks are ignored until the call settles). When the device is
 * denied, missing or in use (the rejection, or the store's `error` with a code such as
 * `camera-denied` or `microphone-not-found`) it shows a warning mark and the localized message as
 * its `title` and description. When the participant's grant forbids the source
 * (`canPublish` false, or `canPublishSources` without it) the element hides itself (state
 * `forbidden`) and comes back when the grant changes; to show it disabled with the reason as its
 * title instead, style `track-toggle:state(forbidden) { display: inline-block }`.
 *
 * Through a reconnect or a rejoin, a source that was on stays shown on while it is published
 * again (`pending`, `aria-busy`; clicks are ignored until it settles). If it could not be, the
 * store's `republish-failed` error names it and the button shows the warning mark.
 *
 * @tag track-toggle
 * @summary A microphone, camera or screen-share on/off button.
 *
 * @csspart base - The `<button>`.
 * @csspart icon - The icon.
 * @csspart label - The visible label (hide it for an icon-only button; the name stays).
 * @csspart error-mark - The warning mark shown in the error state.
 *
 * @cssproperty --track-toggle-off-background - Background while the source is off.
 * @cssproperty --track-toggle-off-background-hover - Background while off, on hover.
 * @cssproperty --screen-share-button-on-background - Background while the screen is shared.
 *
 * @cssstate on - The source is published and unmuted.
 * @cssstate pending - Turning on or off is in flight, or the source is being published again after a reconnect.
 * @cssstate error - The device was denied, is missing or failed.
 * @cssstate forbidden - The participant may not publish this source.
 * @cssstate unsupported - A screen share where the browser cannot capture a screen (no `getDisplayMedia`, as on phones): nothing is shown.
 *
 * @event track-toggle - Before turning the source on or off; cancel it to prevent that. `TrackToggleEvent`.
 */
export class TrackToggle extends LitElement {
  static override styles = styles;

  /** Which source: `microphone`, `camera` or `screen_share`. */
  @property() source: ToggleSource = 'microphone';

  /** For the screen share: also share the audio of the tab or screen, where the browser offers it. */
  @property({ type: Boolean }) audio = false;

  @state() private pending = false;
  /** The error code of the last failed attempt (cleared by a successful one). */
  @state() private failed: string | undefined;

  readonly #localize = new LocalizeController(this);
  readonly #slice = new StoreController<Slice>(this, this.#select(), {
    fallback: { track: undefined, inRoom: false, allowed: true, error: undefined },
  });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  #select() {
    const source = this.source;
    return (s: RoomSnapshot): Slice => ({
      track: s.local?.tracks[source],
      inRoom: !!s.local,
      allowed: canPublishSource(s, source),
      error: s.error,
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source')) {
      this.#slice.select(this.#select());
      this.failed = undefined;
    }
  }

  /** Whether the source is published and unmuted. */
  get on(): boolean {
    const track = this.#slice.value.track;
    return !!track && !track.muted;
  }

  /** The error code shown, if any: this element's last failure, or the store's for this device. */
  get errorCode(): string | undefined {
    if (this.failed) return this.failed;
    const error = this.#slice.value.error;
    if (this.on || !error) return undefined;
    if (error.code.startsWith(`${this.source}-`)) return error.code;
    if (error.code === 'republish-failed' && error.sources?.includes(this.source))
      return error.code;
    return undefined;
  }

  /** Turning on or off is in flight, or the source is being published again after a reconnect. */
  get #busy(): boolean {
    return this.pending || !!this.#slice.value.track?.republishing;
  }

  override render(): TemplateResult | typeof nothing {
    // A browser that cannot capture a screen is not offered a button that cannot work.
    const unsupported = this.source === 'screen_share' && !canShareScreen();
    setState(this.#internals, 'unsupported', unsupported);
    if (unsupported) return nothing;
    const t = this.#localize;
    const { inRoom, allowed } = this.#slice.value;
    const on = this.on;
    const error = this.errorCode;
    const look = LOOKS[this.source];
    const label = t.term(look.label);
    const forbidden = inRoom && !allowed;
    const message = forbidden
      ? t.term(look.forbidden)
      : error
        ? t.termFor(`error:${error}`, 'error:unknown')
        : '';
    setState(this.#internals, 'on', on);
    const busy = this.#busy;
    setState(this.#internals, 'pending', busy);
    setState(this.#internals, 'error', !!error && !forbidden);
    setState(this.#internals, 'forbidden', forbidden);
    const icon = on ? look.on : look.off;
    return html`
      <button
        part="base"
        type="button"
        class=${this.source}
        aria-pressed=${on ? 'true' : 'false'}
        aria-busy=${busy ? 'true' : 'false'}
        aria-describedby=${message ? 'message' : nothing}
        title=${message || nothing}
        aria-disabled=${busy ? 'true' : nothing}
        ?disabled=${!inRoom || forbidden}
        @click=${this.#toggle}
      >
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${icon}</svg>
        <span part="label">${label}</span>
        ${
          error && !forbidden
            ? html`<svg part="error-mark" viewBox="0 0 24 24" aria-hidden="true">
                ${icons.warning}
              </svg>`
            : nothing
        }
      </button>
      ${message ? html`<span id="message" class="visually-hidden">${message}</span>` : nothing}
    `;
  }

  /** Turn the source on when off and off when on, as a click does. */
  async toggle(): Promise<void> {
    const session = this.#slice.session;
    const { inRoom, allowed } = this.#slice.value;
    if (!session || !inRoom || !allowed || this.#busy) return;
    if (this.source === 'screen_share' && !canShareScreen()) return;
    const enable = !this.on;
    if (!this.dispatchEvent(new TrackToggleEvent(this.source, enable))) return;
    const source = this.source;
    this.pending = true;
    try {
      await session.setSourceEnabled(source, enable, { audio: this.audio });
      this.failed = undefined;
    } catch (error) {
      this.failed =
        source !== 'screen_share'
          ? mediaErrorCode(error, source === 'camera' ? 'videoinput' : 'audioinput')
          : // The user closed the browser's picker: nothing went wrong.
            error instanceof Error && error.name === 'NotAllowedError'
            ? undefined
            : 'screen-share-failed';
    } finally {
      this.pending = false;
    }
  }

  #toggle = () => void this.toggle();
}

define('track-toggle', TrackToggle);

declare global {
  interface HTMLElementTagNameMap {
    'track-toggle': TrackToggle;
  }
}
