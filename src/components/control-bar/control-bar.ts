import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { canPublishSource } from '../../store/selectors.js';
import type { RoomSnapshot } from '../../store/types.js';
import { canShareScreen } from '../../internal/capabilities.js';
import { define } from '../../internal/define.js';
import '../device-picker/device-picker.js';
import '../leave-button/leave-button.js';
import '../screen-share-button/screen-share-button.js';
import '../track-toggle/track-toggle.js';
import { styles } from './control-bar.styles.js';

/**
 * The call's controls in one bar: microphone toggle and microphone picker, camera toggle and
 * camera picker, screen share, and leave; extra buttons go in the `start` and `end` slots.
 *
 * On touch screens (`pointer: coarse`) every control is at least 44 × 44 px. It wraps when there
 * is not room for one line (`<media-call>` moves its extras behind "More" on a phone instead), and below a width of 36rem (a container query on
 * the bar itself) the buttons show icons only; their labels stay as accessible names. Each part
 * can be left out with an attribute: `no-microphone`, `no-camera`, `no-screen-share`, `no-leave`,
 * and `no-device-pickers` (the pickers only). `speaker-picker` adds a speaker (`audiooutput`)
 * picker; `screen-share-audio` shares the tab's or screen's audio too.
 *
 * It shows only what the participant's grant allows (`canPublish`, `canPublishSources`): a viewer
 * gets no microphone, camera or screen-share controls, and gets them as soon as the grant changes
 * (a moderator brings them onto the stage). Screen share is left out where the browser cannot
 * capture a screen (no `getDisplayMedia`, as on phones).
 *
 * Reads the room from the enclosing `<media-room>`, like the elements it is made of; their events
 * (`track-toggle`, `device-change`, `leave`) bubble out of it.
 *
 * @tag control-bar
 * @summary Microphone, camera, device pickers, screen share and leave in one bar.
 *
 * @slot start - Extra controls before the built-in ones.
 * @slot end - Extra controls after the built-in ones, before Leave.
 *
 * @csspart base - The bar (`role="group"`, labelled; each control is its own tab stop).
 * @csspart microphone - The microphone `<track-toggle>`.
 * @csspart microphone-picker - The microphone `<device-picker>`.
 * @csspart camera - The camera `<track-toggle>`.
 * @csspart camera-picker - The camera `<device-picker>`.
 * @csspart speaker-picker - The speaker `<device-picker>` (with `speaker-picker`).
 * @csspart screen-share - The `<screen-share-button>`.
 * @csspart leave - The `<leave-button>`.
 *
 * @cssproperty --control-bar-gap - Space between controls.
 * @cssproperty --control-bar-padding - Padding around the controls.
 * @cssproperty --control-bar-background - Background of the bar.
 *
 * @event track-toggle - From the toggles inside; cancelable. `TrackToggleEvent`.
 * @event device-change - From the pickers inside; cancelable. `DeviceChangeEvent`.
 * @event leave - From the leave button inside; cancelable. `LeaveEvent`.
 */
export class ControlBar extends LitElement {
  static override styles = styles;

  /** Leave out the microphone toggle and picker. */
  @property({ type: Boolean, attribute: 'no-microphone' }) noMicrophone = false;
  /** Leave out the camera toggle and picker. */
  @property({ type: Boolean, attribute: 'no-camera' }) noCamera = false;
  /** Leave out the screen share button. */
  @property({ type: Boolean, attribute: 'no-screen-share' }) noScreenShare = false;
  /** Leave out the leave button. */
  @property({ type: Boolean, attribute: 'no-leave' }) noLeave = false;
  /** Leave out the microphone and camera pickers (the toggles stay). */
  @property({ type: Boolean, attribute: 'no-device-pickers' }) noDevicePickers = false;
  /** Add a speaker (`audiooutput`) picker. */
  @property({ type: Boolean, attribute: 'speaker-picker' }) speakerPicker = false;
  /** Share the tab's or screen's audio along with the screen. */
  @property({ type: Boolean, attribute: 'screen-share-audio' }) screenShareAudio = false;

  readonly #localize = new LocalizeController(this);
  readonly #allowed = new StoreController(this, selectAllowed, {
    fallback: { microphone: true, camera: true, screen: true },
  });

  override render(): TemplateResult {
    const pickers = !this.noDevicePickers;
    const allowed = this.#allowed.value;
    return html`
      <div part="base" role="group" aria-label=${this.#localize.term('callControls')}>
        <slot name="start"></slot>
        ${
          this.noMicrophone || !allowed.microphone
            ? nothing
            : html`<span class="group">
                <track-toggle part="microphone" source="microphone"></track-toggle>
                ${
                  pickers
                    ? html`<device-picker
                        part="microphone-picker"
                        kind="audioinput"
                      ></device-picker>`
                    : nothing
                }
              </span>`
        }
        ${
          this.noCamera || !allowed.camera
            ? nothing
            : html`<span class="group">
                <track-toggle part="camera" source="camera"></track-toggle>
                ${
                  pickers
                    ? html`<device-picker part="camera-picker" kind="videoinput"></device-picker>`
                    : nothing
                }
              </span>`
        }
        ${
          this.speakerPicker
            ? html`<device-picker part="speaker-picker" kind="audiooutput"></device-picker>`
            : nothing
        }
        ${
          this.noScreenShare || !allowed.screen || !canShareScreen()
            ? nothing
            : html`<screen-share-button
                part="screen-share"
                ?audio=${this.screenShareAudio}
              ></screen-share-button>`
        }
        <slot name="end"></slot>
        ${this.noLeave ? nothing : html`<leave-button part="leave"></leave-button>`}
      </div>
    `;
  }
}

/** Which sources the local grant allows (unknown permissions allow). */
const selectAllowed = (s: RoomSnapshot) => ({
  microphone: canPublishSource(s, 'microphone'),
  camera: canPublishSource(s, 'camera'),
  screen: canPublishSource(s, 'screen_share'),
});

define('control-bar', ControlBar);

declare global {
  interface HTMLElementTagNameMap {
    'control-bar': ControlBar;
  }
}
