import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { LocalVideoTrack } from 'livekit-client';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { TrackController } from '../../controllers/track-controller.js';
import { LeaveEvent } from '../../events/control-events.js';
import { define } from '../../internal/define.js';
import { icons } from '../../internal/icons.js';
import type { RoomSession } from '../../session/room-session.js';
import { shallowEqual } from '../../store/equality.js';
import type { RoomSnapshot } from '../../store/types.js';
import { selectHostPresent, selectLocalWaiting } from '../../store/waiting-room.js';
import { styles } from './waiting-screen.styles.js';

interface View {
  waiting: boolean;
  hostPresent: boolean;
}

const selectView = (s: RoomSnapshot): View => ({
  waiting: selectLocalWaiting(s),
  hostPresent: selectHostPresent(s),
});

/**
 * What a newcomer sees in a waiting room (room metadata `{"waitingRoom": true}`) until a host
 * lets them in: "Waiting for a host to let you in", their own camera as a local preview (the
 * session's `$waitingPreview`: never published, nobody else sees it) and a Leave button. When no
 * host is in the room (the host left while they wait), it says so in a polite live region: they
 * will be let in when one arrives. `<media-call>` shows it in place of the call while the local
 * participant waits (the server-set `mr.waiting` attribute); once admitted, the call starts where
 * it is, without a reload, publishing what the pre-join chose.
 *
 * Shown, it takes the focus onto its heading when nothing else holds it (the pre-join's Join
 * button is gone), so a screen reader reads where the user is; Leave is the one control (Tab).
 * Taken off the page, it lets go of the preview (the session stops the track if they leave).
 *
 * @tag waiting-screen
 * @summary "Waiting for a host to let you in", with your own camera preview and Leave.
 *
 * @csspart base - The wrapper (`<section>`, labelled by the heading).
 * @csspart preview - The box of the camera preview.
 * @csspart video - The preview `<video>` (mirrored; hidden without a camera).
 * @csspart placeholder - The camera-off icon shown without a camera.
 * @csspart title - The heading: "Waiting for a host to let you in".
 * @csspart no-host - The polite live region saying no host is here (empty while one is).
 * @csspart leave - The Leave button.
 *
 * @cssproperty --waiting-screen-preview-background - Background of the preview box.
 * @cssproperty --waiting-screen-leave-background - Background of the Leave button.
 *
 * @event leave - Before leaving (the Leave button); cancel it to stay. `LeaveEvent`.
 */
export class WaitingScreen extends LitElement {
  static override styles = styles;

  readonly #t = new LocalizeController(this);
  readonly #view = new StoreController<View>(this, selectView, {
    fallback: { waiting: false, hostPresent: true },
    equals: shallowEqual,
  });
  readonly #video = createRef<HTMLVideoElement>();
  readonly #preview = new TrackController(this, () => this.#video.value);
  readonly #heading = createRef<HTMLElement>();
  /** The session whose preview is followed, and how to stop following it. */
  #following: RoomSession | undefined;
  #offPreview: (() => void) | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#offPreview?.();
    this.#offPreview = undefined;
    this.#following = undefined;
  }

  /** The camera preview shown (undefined without one). */
  get previewTrack(): LocalVideoTrack | undefined {
    return this.#view.session?.$waitingPreview.get();
  }

  override render(): TemplateResult {
    const t = this.#t;
    const { hostPresent } = this.#view.value;
    const track = this.previewTrack;
    return html`<section part="base" aria-labelledby="title" dir=${t.dir} lang=${t.lang}>
      <div part="preview">
        <video
          ${ref(this.#video)}
          part="video"
          ?hidden=${!track}
          muted
          playsinline
          autoplay
          aria-label=${t.term('waitingPreview')}
        ></video>
        ${
          track
            ? nothing
            : html`<span part="placeholder" aria-hidden="true"
                ><svg viewBox="0 0 24 24">${icons.camOff}</svg></span
              >`
        }
      </div>
      <h2 part="title" id="title" tabindex="-1" ${ref(this.#heading)}>${t.term('waitingTitle')}</h2>
      <p part="no-host" role="status">${hostPresent ? nothing : t.term('waitingNoHost')}</p>
      <button part="leave" type="button" @click=${this.#onLeave}>${t.term('waitingLeave')}</button>
    </section>`;
  }

  protected override firstUpdated(): void {
    // The Join button that held the focus is gone: bring it here, unless something else has it.
    const active = document.activeElement;
    if (!active || active === document.body) this.#heading.value?.focus();
  }

  protected override updated(): void {
    const session = this.#view.session;
    if (session !== this.#following) {
      this.#offPreview?.();
      this.#following = session;
      this.#offPreview = session?.$waitingPreview.listen(() => this.requestUpdate());
    }
    this.#preview.set(this.previewTrack);
  }

  /** Leave as the button does (the `leave` event first). */
  async leave(): Promise<void> {
    if (!this.dispatchEvent(new LeaveEvent())) return;
    await this.#view.session?.leave();
  }

  #onLeave = () => void this.leave();
}

define('waiting-screen', WaitingScreen);

declare global {
  interface HTMLElementTagNameMap {
    'waiting-screen': WaitingScreen;
  }
}
