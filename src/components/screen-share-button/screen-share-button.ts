import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { TrackToggleEvent } from '../../events/control-events.js';
import { define } from '../../internal/define.js';
import type { RoomSnapshot, TrackState } from '../../store/types.js';
import { icons } from '../../internal/icons.js';
import { setState } from '../../internal/custom-states.js';
import { canPublishSource } from '../../store/selectors.js';
import { styles } from './screen-share-button.styles.js';

interface Slice {
  readonly track: TrackState | undefined;
  readonly inRoom: boolean;
  readonly allowed: boolean;
}

/**
 * Starts and stops sharing the screen (`setScreenShareEnabled` on the Room of the enclosing
 * `<media-room>`).
 *
 * A `<button>` with `aria-pressed`; `aria-busy` and `aria-disabled` (keeping focus, ignoring
 * clicks) while the browser's picker is open.
 * Closing the picker without choosing (the browser's `NotAllowedError`) is not an error: the
 * button just stays off. Other failures show a warning mark and a localized message as the
 * title. When the grant forbids screen sharing the button is disabled, says why in its title and
 * description, and the `forbidden` state is set.
 *
 * @tag screen-share-button
 * @summary A button that starts and stops screen sharing.
 *
 * @csspart base - The `<button>`.
 * @csspart icon - The icon.
 * @csspart label - The visible label (hide it for an icon-only button; the name stays).
 * @csspart error-mark - The warning mark shown in the error state.
 *
 * @cssproperty --screen-share-button-on-background - Background while sharing.
 *
 * @cssstate on - The screen is being shared.
 * @cssstate pending - Starting or stopping is in flight (the picker may be open).
 * @cssstate error - Sharing could not be started.
 * @cssstate forbidden - The participant may not share the screen.
 *
 * @event track-toggle - Before starting or stopping (`source` is `screen_share`); cancel it to prevent that. `TrackToggleEvent`.
 */
export class ScreenShareButton extends LitElement {
  static override styles = styles;

  /** Also share the audio of the tab or screen, where the browser offers it. */
  @property({ type: Boolean }) audio = false;

  @state() private pending = false;
  @state() private failed = false;

  readonly #localize = new LocalizeController(this);
  readonly #slice = new StoreController<Slice>(
    this,
    (s: RoomSnapshot) => ({
      track: s.local?.tracks.screen_share,
      inRoom: !!s.local,
      allowed: canPublishSource(s, 'screen_share'),
    }),
    { fallback: { track: undefined, inRoom: false, allowed: true } },
  );
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  /** Whether the screen is being shared. */
  get on(): boolean {
    const track = this.#slice.value.track;
    return !!track && !track.muted;
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const { inRoom, allowed } = this.#slice.value;
    const on = this.on;
    const forbidden = inRoom && !allowed;
    const message = forbidden
      ? t.term('screenShareForbidden')
      : this.failed
        ? t.term('error:screen-share-failed')
        : '';
    setState(this.#internals, 'on', on);
    setState(this.#internals, 'pending', this.pending);
    setState(this.#internals, 'error', this.failed && !forbidden);
    setState(this.#internals, 'forbidden', forbidden);
    return html`
      <button
        part="base"
        type="button"
        aria-pressed=${on ? 'true' : 'false'}
        aria-busy=${this.pending ? 'true' : 'false'}
        aria-describedby=${message ? 'message' : nothing}
        title=${message || nothing}
        aria-disabled=${this.pending ? 'true' : nothing}
        ?disabled=${!inRoom || forbidden}
        @click=${this.#toggle}
      >
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${icons.screen}</svg>
        <span part="label">${t.term('shareScreen')}</span>
        ${
          this.failed && !forbidden
            ? html`<svg part="error-mark" viewBox="0 0 24 24" aria-hidden="true">
                ${icons.warning}
              </svg>`
            : nothing
        }
      </button>
      ${message ? html`<span id="message" class="visually-hidden">${message}</span>` : nothing}
    `;
  }

  /** Start sharing when off, stop when on, as a click does. */
  async toggle(): Promise<void> {
    const room = this.#slice.store?.room;
    const { inRoom, allowed } = this.#slice.value;
    if (!room || !inRoom || !allowed || this.pending) return;
    const enable = !this.on;
    if (!this.dispatchEvent(new TrackToggleEvent('screen_share', enable))) return;
    this.pending = true;
    try {
      await room.localParticipant.setScreenShareEnabled(
        enable,
        enable ? { audio: this.audio } : undefined,
      );
      this.failed = false;
    } catch (error) {
      // The user closed the browser's picker: nothing went wrong.
      this.failed = !(error instanceof Error && error.name === 'NotAllowedError');
    } finally {
      this.pending = false;
    }
  }

  #toggle = () => void this.toggle();
}

define('screen-share-button', ScreenShareButton);

declare global {
  interface HTMLElementTagNameMap {
    'screen-share-button': ScreenShareButton;
  }
}
