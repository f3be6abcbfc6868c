import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { define } from '../../internal/define.js';
import { selectCanPlaybackAudio } from '../../store/selectors.js';
import { styles } from './start-audio.styles.js';

/**
 * Offers a "Start audio" button while the browser blocks the call's sound (autoplay policy), and
 * shows nothing otherwise.
 *
 * It reads `canPlaybackAudio` from the store of the enclosing `<media-room>` (livekit-client
 * reports it with `AudioPlaybackStatusChanged`). The button calls the room's `startAudio()`,
 * which is allowed because it runs inside the user's click; the element hides itself once
 * livekit-client says playback works.
 *
 * While hidden it renders nothing (and `display: none`), so nothing is announced or focusable;
 * when shown it is a short explanation and a labelled, keyboard-operable button.
 *
 * @tag start-audio
 * @summary A "Start audio" button shown only while the browser blocks the call's sound.
 *
 * @csspart base - The wrapper of the explanation and button (only while shown).
 * @csspart message - The explanation.
 * @csspart button - The "Start audio" button.
 *
 * @cssproperty --start-audio-background - Background of the box.
 *
 * @cssstate blocked - The browser blocks audio playback; the element is shown.
 */
export class StartAudio extends LitElement {
  static override styles = styles;

  readonly #localize = new LocalizeController(this);
  readonly #canPlay = new StoreController(this, selectCanPlaybackAudio, { fallback: true });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  override render(): TemplateResult | typeof nothing {
    const blocked = !this.#canPlay.value;
    const states = this.#internals?.states;
    if (states) {
      if (blocked) states.add('blocked');
      else states.delete('blocked');
    }
    if (!blocked) return nothing;
    const t = this.#localize;
    return html`<div part="base" dir=${t.dir} lang=${t.lang}>
      <span part="message">${t.term('startAudioHint')}</span>
      <button part="button" type="button" @click=${this.#start}>${t.term('startAudio')}</button>
    </div>`;
  }

  #start(): void {
    void this.#canPlay.session?.startAudio();
  }
}

define('start-audio', StartAudio);

declare global {
  interface HTMLElementTagNameMap {
    'start-audio': StartAudio;
  }
}
