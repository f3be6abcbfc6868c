import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { HandRaiseEvent } from '../../events/hand-events.js';
import { buttonStyles } from '../../internal/control-styles.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import { icons } from '../../internal/icons.js';
import { HAND_ATTRIBUTE } from '../../store/attributes.js';
import { selectCanRaiseHand } from '../../store/selectors.js';
import type { RoomSnapshot } from '../../store/types.js';

interface Slice {
  readonly inRoom: boolean;
  readonly raised: boolean;
  readonly allowed: boolean;
}

const selectHand = (s: RoomSnapshot): Slice => ({
  inRoom: !!s.local,
  raised: !!s.local?.attributes[HAND_ATTRIBUTE],
  // Without permissions (a room handed in before joining), allow: the server has the last word.
  allowed: !s.local || selectCanRaiseHand(s),
});

/**
 * Raises and lowers the local participant's hand through the session (the server helper's hand
 * endpoint, which stamps `mr.hand` with the server's time), so everyone sees the same queue, in
 * order (`selectRaisedHands`). A moderator can lower it through the server helper. When the
 * token does not allow raising a hand, it hides itself (state `forbidden`; style
 * `hand-raise-button:state(forbidden)` to show it disabled with the reason as its title instead).
 *
 * @tag hand-raise-button
 * @summary A button to raise and lower your hand.
 *
 * @csspart base - The `<button>` (`aria-pressed` while raised).
 * @csspart icon - The hand icon.
 * @csspart label - The visible label.
 *
 * @cssstate raised - Your hand is raised.
 * @cssstate forbidden - The grant does not allow raising a hand.
 *
 * @event hand-raise - Before raising or lowering (`raised` is the new state); cancel it to prevent that. `HandRaiseEvent`.
 */
export class HandRaiseButton extends LitElement {
  static override styles = [
    buttonStyles,
    css`
      :host(:state(forbidden)) {
        display: none;
      }
    `,
  ];

  @state() private pending = false;

  readonly #t = new LocalizeController(this);
  readonly #slice = new StoreController(this, selectHand, {
    fallback: { inRoom: false, raised: false, allowed: true },
  });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  /** Whether your hand is raised. */
  get raised(): boolean {
    return this.#slice.value.raised;
  }

  /** Raise the hand when lowered, lower it when raised, as a click does. */
  async toggle(): Promise<void> {
    const session = this.#slice.session;
    const { inRoom, allowed, raised } = this.#slice.value;
    if (!session || !inRoom || !allowed || this.pending) return;
    if (!this.dispatchEvent(new HandRaiseEvent(!raised))) return;
    this.pending = true;
    try {
      await session.setHandRaised(!raised);
    } finally {
      this.pending = false;
    }
  }

  override render(): TemplateResult {
    const { inRoom, allowed, raised } = this.#slice.value;
    setState(this.#internals, 'raised', raised);
    setState(this.#internals, 'forbidden', inRoom && !allowed);
    return html`<button
      part="base"
      type="button"
      aria-pressed=${raised ? 'true' : 'false'}
      aria-busy=${this.pending ? 'true' : 'false'}
      title=${!allowed && inRoom ? this.#t.term('handRaiseForbidden') : nothing}
      ?disabled=${!inRoom || !allowed}
      @click=${() => void this.toggle()}
    >
      <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${icons.hand}</svg>
      <span part="label">${this.#t.term('raiseHand')}</span>
    </button>`;
  }
}

define('hand-raise-button', HandRaiseButton);

declare global {
  interface HTMLElementTagNameMap {
    'hand-raise-button': HandRaiseButton;
  }
}
