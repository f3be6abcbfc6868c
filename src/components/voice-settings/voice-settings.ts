import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { define } from '../../internal/define.js';
import type { RoomSession } from '../../session/room-session.js';
import { VOICE_DEFAULTS, type VoiceSettings } from '../../session/voice.js';
import { styles } from './voice-settings.styles.js';
import { VOICE_SWITCHES as SWITCHES } from './voice-switches.js';
import { englishEffects } from '../../locales/en-effects.js';

/**
 * The microphone's voice processing, every setting at once: the browser's noise suppression,
 * echo cancellation and automatic gain, the stronger noise suppressor (RNNoise) as switches
 * (`role="switch"` checkboxes), and two sliders: input volume (0–200 %) and input sensitivity (a
 * noise gate, off to 0 dB). A meter shows the level sent while the Web Audio step runs.
 *
 * Reads and changes the session's `voice.$settings` (`session.setVoiceProcessing`), live and
 * remembered with the devices. The microphone menu of `<device-picker kind="audioinput">` opens
 * it in a dialog ("Voice settings…"); it can also be placed anywhere inside `<media-room>`.
 *
 * Keyboard: Tab between the controls; Space toggles a switch; arrows, Page Up/Down, Home and End
 * move a slider.
 *
 * @tag voice-settings
 * @summary Voice processing settings: switches, input volume and sensitivity, and a level meter.
 *
 * @csspart base - The settings' wrapper.
 * @csspart heading - The heading.
 * @csspart error - Said when the processing could not be set up.
 */
export class VoiceSettingsElement extends LitElement {
  static override styles = styles;

  @state() private settings: VoiceSettings = { ...VOICE_DEFAULTS };
  @state() private failed = false;
  @state() private metering = false;

  readonly #localize = new LocalizeController(this);
  readonly #slice = new StoreController(this, () => 0, { fallback: 0 });
  #off: (() => void) | undefined;
  #session: RoomSession | undefined;
  #frame = 0;

  constructor() {
    super();
    englishEffects(); // this UI's English words (not loaded up front)
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#follow();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#off?.();
    this.#off = this.#session = undefined;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }

  /** Follow the session's settings (it may come after connecting, through context). */
  #follow(): void {
    const session = this.#slice.session;
    if (session === this.#session) return;
    this.#off?.();
    this.#session = session;
    if (!session) return;
    const offSettings = session.voice.$settings.subscribe((s) => (this.settings = s));
    const offFailed = session.voice.$failed.subscribe((f) => (this.failed = f));
    this.#off = () => (offSettings(), offFailed());
    this.#meter();
  }

  /** The level meter, read each frame while the Web Audio step runs. */
  #meter = () => {
    const level = this.#session?.voice.level();
    this.metering = level !== undefined;
    const meter = this.renderRoot.querySelector('meter');
    if (meter && level !== undefined) meter.value = Math.min(1, level * 4);
    this.#frame = this.isConnected ? requestAnimationFrame(this.#meter) : 0;
  };

  #set(change: Partial<VoiceSettings>): void {
    void this.#session?.setVoiceProcessing(change).catch(() => undefined);
  }

  override render(): TemplateResult {
    this.#follow();
    const t = this.#localize;
    const s = this.settings;
    const disabled = !this.#session;
    const volume = Math.round(s.inputVolume * 100);
    const gate =
      s.inputSensitivity <= -100
        ? t.term('voiceGateOff')
        : t.term('voiceGateDb', s.inputSensitivity);
    const percent = new Intl.NumberFormat(t.lang, { style: 'percent' }).format(s.inputVolume);
    return html`
      <div part="base" role="group" aria-labelledby="heading">
        <h2 id="heading" part="heading">${t.term('voiceProcessing')}</h2>
        ${SWITCHES.map(
          ([key, label]) => html`
            <label>
              <input
                type="checkbox"
                role="switch"
                data-voice=${key}
                .checked=${s[key]}
                ?disabled=${disabled}
                @change=${(e: Event) => this.#set({ [key]: (e.target as HTMLInputElement).checked })}
              />
              <span>${t.term(label)}</span>
            </label>
          `,
        )}
        <div class="range">
          <label for="volume">${t.term('voiceInputVolume')}</label>
          <output for="volume" aria-hidden="true">${percent}</output>
          <input
            id="volume"
            type="range"
            min="0"
            max="200"
            step="5"
            .value=${String(volume)}
            aria-valuetext=${percent}
            ?disabled=${disabled}
            @input=${(e: Event) =>
              this.#set({ inputVolume: Number((e.target as HTMLInputElement).value) / 100 })}
          />
        </div>
        <div class="range">
          <label for="gate">${t.term('voiceInputSensitivity')}</label>
          <output for="gate" aria-hidden="true">${gate}</output>
          <input
            id="gate"
            type="range"
            min="-100"
            max="0"
            step="1"
            .value=${String(s.inputSensitivity)}
            aria-valuetext=${gate}
            ?disabled=${disabled}
            @input=${(e: Event) =>
              this.#set({ inputSensitivity: Number((e.target as HTMLInputElement).value) })}
          />
        </div>
        ${
          this.metering
            ? html`<label
                >${t.term('voiceInputLevel')}<meter min="0" max="1" low="0.6" high="0.9"></meter
              ></label>`
            : nothing
        }
        ${this.failed ? html`<p part="error" role="alert">${t.term('voiceFailed')}</p>` : nothing}
      </div>
    `;
  }
}

define('voice-settings', VoiceSettingsElement);

declare global {
  interface HTMLElementTagNameMap {
    'voice-settings': VoiceSettingsElement;
  }
}
