import { LitElement, html, type TemplateResult } from 'lit';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { DeafenEvent } from '../../events/deafen-events.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import { icons } from '../../internal/icons.js';
import type { RoomSnapshot } from '../../store/types.js';
import { styles } from './deafen-button.styles.js';

interface Slice {
  readonly inRoom: boolean;
  readonly deafened: boolean;
  /** The grant lets the participant receive (unknown permissions allow). */
  readonly hears: boolean;
}

const selectDeafen = (s: RoomSnapshot): Slice => ({
  inRoom: !!s.local,
  deafened: s.audio.deafened,
  hears: s.local?.permissions?.canSubscribe !== false,
});

/**
 * Mutes every incoming sound here, or plays it again (deafen): the store's `audio.deafened`, set
 * with `session.setDeafened()`, which `<room-audio>` follows (its own `muted` and `volumes` multiply
 * with the store's). Local only: nobody else hears of it, and subscriptions stay. Hidden (state
 * `forbidden`) when the grant does not let the participant receive anything.
 *
 * @tag deafen-button
 * @summary A toggle that mutes all incoming audio here.
 *
 * @csspart base - The `<button>` (`aria-pressed` while deafened; named by the label term `deafenShort`, described by its title, the term `deafen`).
 * @csspart icon - The headphones icon (crossed out while deafened).
 * @csspart label - The visible label (hide it for an icon-only button; the name stays).
 *
 * @cssproperty --deafen-button-on-background - Background while deafened.
 * @cssproperty --deafen-button-on-background-hover - Background while deafened, on hover.
 *
 * @cssstate deafened - Incoming audio is muted.
 * @cssstate forbidden - The grant does not allow subscribing: there is nothing to hear.
 *
 * @event deafen - Before muting or playing incoming audio again (`deafened` is the new state); cancel it to prevent that. `DeafenEvent`.
 */
export class DeafenButton extends LitElement {
  static override styles = styles;

  readonly #t = new LocalizeController(this);
  readonly #slice = new StoreController(this, selectDeafen, {
    fallback: { inRoom: false, deafened: false, hears: true },
  });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  /** Whether incoming audio is muted here (the store's `audio.deafened`). */
  get deafened(): boolean {
    return this.#slice.value.deafened;
  }

  /** Deafen when hearing, hear again when deafened, as a click does (fires `deafen`). */
  toggle(): void {
    const session = this.#slice.session;
    const { inRoom, deafened } = this.#slice.value;
    if (!session || !inRoom) return;
    if (!this.dispatchEvent(new DeafenEvent(!deafened))) return;
    session.setDeafened(!deafened);
  }

  override render(): TemplateResult {
    const t = this.#t;
    const { inRoom, deafened, hears } = this.#slice.value;
    setState(this.#internals, 'deafened', deafened);
    setState(this.#internals, 'forbidden', inRoom && !hears);
    // The name is the visible label (so speech input can say what is shown), kept when the
    // label is hidden; the longer wording is the tooltip and the description.
    return html`<button
      part="base"
      type="button"
      aria-pressed=${deafened ? 'true' : 'false'}
      aria-label=${t.term('deafenShort')}
      title=${t.term('deafen')}
      ?disabled=${!inRoom}
      @click=${() => this.toggle()}
    >
      <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">
        ${deafened ? icons.headphonesOff : icons.headphones}
      </svg>
      <span part="label">${t.term('deafenShort')}</span>
    </button>`;
  }
}

define('deafen-button', DeafenButton);

declare global {
  interface HTMLElementTagNameMap {
    'deafen-button': DeafenButton;
  }
}
