import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ParticipantsToggleEvent } from '../../events/participant-events.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import { icons } from '../../internal/icons.js';
import { selectRaisedHands } from '../../store/selectors.js';
import { selectWaitingIdentities } from '../../store/waiting-room.js';
import type { RoomSnapshot } from '../../store/types.js';
import { styles } from './participants-toggle.styles.js';

interface Slice {
  /** Everyone in the room, you included (0 outside it). */
  readonly count: number;
  /** Raised hands. */
  readonly hands: number;
}

const selectSlice = (s: RoomSnapshot): Slice => ({
  // Those waiting to be let in are not in the call yet (the list shows them apart).
  count: s.participants.size - selectWaitingIdentities(s).length,
  hands: selectRaisedHands(s).length,
});

/**
 * Shows and hides the participant list, with the number of people in the call (not counting
 * those waiting to be let in, whom the list shows apart) and a hand mark
 * while hands are raised (then its name says how many). The page owns the list: the toggle sets
 * its own `pressed` when the user presses it and fires `participants-toggle`; show or hide your
 * `<participant-list>` on that event (or set `pressed` yourself when you show or hide it some
 * other way).
 *
 * ```html
 * <participants-toggle></participants-toggle>
 * <participant-list hidden></participant-list>
 * <script>
 *   document.addEventListener('participants-toggle', (e) => (list.hidden = !e.open));
 * </script>
 * ```
 *
 * @tag participants-toggle
 * @summary A button that shows or hides the participant list, with the count and raised hands.
 *
 * @csspart base - The `<button>` (`aria-pressed`; its name says how many hands are raised, its description how many participants there are).
 * @csspart icon - The icon.
 * @csspart label - The visible label (hide it for an icon-only button; the name stays).
 * @csspart badge - The number of participants (shown in a room).
 * @csspart hands - The hand mark with the number of raised hands (shown while any are raised).
 *
 * @cssproperty --participants-toggle-badge-background - Background of the count badge.
 * @cssproperty --participants-toggle-badge-color - Text colour of the count badge.
 * @cssproperty --participants-toggle-hands-background - Background of the hand mark.
 * @cssproperty --participants-toggle-hands-color - Colour of the hand mark.
 *
 * @cssstate pressed - The list is shown (`pressed`).
 * @cssstate hands - Hands are raised.
 *
 * @event participants-toggle - The user pressed the button, before `pressed` changes; `open` says whether to show the list. Cancelable (then `pressed` stays). `ParticipantsToggleEvent`.
 */
export class ParticipantsToggle extends LitElement {
  static override styles = styles;

  /** The list is shown. Changed by the user's press (then `participants-toggle` fires). */
  @property({ type: Boolean, reflect: true }) pressed = false;

  readonly #localize = new LocalizeController(this);
  readonly #slice = new StoreController<Slice>(this, selectSlice, {
    fallback: { count: 0, hands: 0 },
  });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  /** The number of participants, you included; those waiting to be let in are not counted. */
  get count(): number {
    return this.#slice.value.count;
  }

  /** The number of raised hands. */
  get hands(): number {
    return this.#slice.value.hands;
  }

  /** Moves focus to the button (where `<media-call>` puts it back when the panel closes). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('button')?.focus(options);
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const { count, hands } = this.#slice.value;
    setState(this.#internals, 'pressed', this.pressed);
    setState(this.#internals, 'hands', hands > 0);
    return html`
      <button
        part="base"
        type="button"
        aria-pressed=${this.pressed ? 'true' : 'false'}
        aria-label=${hands > 0 ? t.term('participantsUnread', hands) : t.term('participants')}
        aria-describedby=${count > 0 ? 'count' : nothing}
        @click=${this.#onClick}
      >
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${icons.people}</svg>
        <span part="label">${t.term('participants')}</span>
        ${
          count > 0
            ? html`<span
                part="badge"
                aria-hidden="true"
                data-count=${count > 999 ? '999+' : count}
              ></span>`
            : nothing
        }
        ${
          hands > 0
            ? html`<span part="hands" aria-hidden="true" data-count=${hands > 99 ? '99+' : hands}
                ><svg viewBox="0 0 24 24">${icons.hand}</svg></span
              >`
            : nothing
        }
      </button>
      <span id="count" hidden>${count > 0 ? t.term('participantCount', count) : nothing}</span>
    `;
  }

  #onClick = () => {
    if (this.dispatchEvent(new ParticipantsToggleEvent(!this.pressed)))
      this.pressed = !this.pressed;
  };
}

define('participants-toggle', ParticipantsToggle);

declare global {
  interface HTMLElementTagNameMap {
    'participants-toggle': ParticipantsToggle;
  }
}
