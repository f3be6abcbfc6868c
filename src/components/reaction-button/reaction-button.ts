import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ReactionSendEvent } from '../../events/reaction-events.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import { anchorPopover, onPopoverKey } from '../../internal/popover.js';
import { icons } from '../../internal/icons.js';
import { isReaction, REACTIONS } from '../../store/reactions.js';
import { selectCanReact } from '../../store/selectors.js';
import type { RoomSnapshot } from '../../store/types.js';
import { styles } from './reaction-button.styles.js';

interface Slice {
  readonly inRoom: boolean;
  readonly allowed: boolean;
}

const selectReact = (s: RoomSnapshot): Slice => ({
  inRoom: !!s.local,
  allowed: selectCanReact(s),
});

/**
 * Sends an emoji reaction to everyone in the room: a button opening a small popover with one
 * button per emoji of `REACTIONS`. Choosing one fires `reaction-send`, then calls
 * `session.sendReaction(emoji)`: it shows for a few seconds over the sender's tile, here and for
 * everyone else (`<participant-tile>`). A failure to send is the store's non-fatal error
 * `reaction-failed`.
 *
 * The popover is a toolbar (`role="toolbar"`, labelled "Reactions"), positioned with Floating UI.
 * Keyboard: Enter, Space, ArrowUp or ArrowDown on the button open it with the first emoji
 * focused; ArrowLeft / ArrowRight (mirrored in right-to-left text) move between the emoji, Home
 * and End go to the first and last; Enter or Space send; Escape closes and returns focus to the
 * button; Tab and a click outside close it. Shift with a click (or Shift+Enter) sends and keeps
 * the popover open, for several reactions in a row.
 *
 * Disabled outside the room. When the grant does not allow reactions (`selectCanReact`: data
 * publishing denied, or a token whose `mr.capabilities` lack `reactions:send`), the `forbidden`
 * state is set and the element is hidden; to show it disabled with its reason (its `title` and
 * description) instead, style `reaction-button:state(forbidden) { display: inline-block }`.
 *
 * @tag reaction-button
 * @summary A button to send an emoji reaction, from a small popover.
 *
 * @csspart base - The `<button>` opening the popover (`aria-expanded`).
 * @csspart icon - The smile icon.
 * @csspart label - The visible label (hide it for an icon-only button; the name stays).
 * @csspart popover - The popover holding the emoji (positioned with Floating UI).
 * @csspart emoji - One emoji's `<button>` in the popover.
 *
 * @cssproperty --reaction-button-popover-background - Background of the popover.
 * @cssproperty --reaction-button-z-index - Stacking order of the popover (default 10).
 *
 * @cssstate open - The popover is open.
 * @cssstate forbidden - In the room, but the grant does not allow reactions.
 *
 * @event reaction-send - The user chose an emoji (`emoji`), before it is sent; cancel it to keep it unsent. `ReactionSendEvent`.
 */
export class ReactionButton extends LitElement {
  static override styles = styles;

  @state() private open = false;
  /** The emoji that takes focus in the popover (roving tab index). */
  @state() private active = 0;

  readonly #t = new LocalizeController(this);
  readonly #slice = new StoreController(this, selectReact, {
    fallback: { inRoom: false, allowed: true },
  });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();
  readonly #button = createRef<HTMLButtonElement>();
  readonly #popover = createRef<HTMLElement>();
  #unanchor: (() => void) | undefined;

  /** Whether a reaction can be sent now: in the room with a grant that allows it. */
  get #usable(): boolean {
    const { inRoom, allowed } = this.#slice.value;
    return !!this.#slice.session && inRoom && allowed;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#close(false);
  }

  protected override willUpdate(): void {
    // Leaving the room, or losing the grant, closes the popover.
    if (this.open && !this.#usable) this.#close(false);
  }

  override render(): TemplateResult {
    const t = this.#t;
    const { inRoom, allowed } = this.#slice.value;
    const forbidden = inRoom && !allowed;
    const reason = forbidden ? t.term('reactionsForbidden') : '';
    setState(this.#internals, 'open', this.open);
    setState(this.#internals, 'forbidden', forbidden);
    return html`
      <button
        ${ref(this.#button)}
        part="base"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.open ? 'popover' : nothing}
        aria-describedby=${reason ? 'reason' : nothing}
        title=${reason || nothing}
        ?disabled=${!this.#usable}
        @click=${this.#onButtonClick}
        @keydown=${this.#onButtonKeydown}
      >
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${icons.smile}</svg>
        <span part="label">${t.term('react')}</span>
      </button>
      ${reason ? html`<span id="reason" class="visually-hidden">${reason}</span>` : nothing}
      ${this.open ? this.#renderPopover() : nothing}
    `;
  }

  #renderPopover(): TemplateResult {
    const t = this.#t;
    return html`
      <div
        ${ref(this.#popover)}
        id="popover"
        part="popover"
        role="toolbar"
        aria-label=${t.term('reactions')}
        @keydown=${this.#onPopoverKeydown}
        @focusin=${this.#onPopoverFocusin}
      >
        ${REACTIONS.map(
          (emoji, i) => html`
            <button
              part="emoji"
              type="button"
              tabindex=${i === this.active ? '0' : '-1'}
              aria-label=${t.term(`reaction:${emoji}`)}
              title=${t.term(`reaction:${emoji}`)}
              data-emoji=${emoji}
              @click=${(event: MouseEvent) => this.#choose(emoji, event.shiftKey)}
            >
              <span aria-hidden="true">${emoji}</span>
            </button>
          `,
        )}
      </div>
    `;
  }

  #items(): HTMLButtonElement[] {
    return [...(this.#popover.value?.querySelectorAll<HTMLButtonElement>('[part="emoji"]') ?? [])];
  }

  /** Open the popover with the first emoji focused. Does nothing while reactions cannot be sent. */
  async show(): Promise<void> {
    if (this.open || !this.#usable) return;
    this.active = 0;
    this.open = true;
    await this.updateComplete;
    const button = this.#button.value;
    const popover = this.#popover.value;
    if (!button || !popover || !this.open) return;
    this.#unanchor = anchorPopover(this, button, popover, 'top', () => this.#close(false));
    this.#items()[0]?.focus();
  }

  /** Close the popover; `focusButton` returns focus to the button. */
  hide(focusButton = true): void {
    this.#close(focusButton);
  }

  /**
   * Send `emoji` (one of `REACTIONS`) as choosing it does: fires `reaction-send`, then, unless
   * that was cancelled, sends it through the session. Does nothing while reactions cannot be sent.
   */
  async send(emoji: string): Promise<void> {
    const session = this.#slice.session;
    if (!session || !this.#usable || !isReaction(emoji)) return;
    if (!this.dispatchEvent(new ReactionSendEvent(emoji))) return;
    await session.sendReaction(emoji);
  }

  #close(focusButton: boolean): void {
    this.#unanchor?.();
    this.#unanchor = undefined;
    if (!this.open) return;
    this.open = false;
    if (focusButton) this.#button.value?.focus();
  }

  #choose(emoji: string, keepOpen: boolean): void {
    if (!keepOpen) this.#close(true);
    void this.send(emoji);
  }

  #onButtonClick = () => {
    if (this.open) this.#close(true);
    else void this.show();
  };

  #onButtonKeydown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show();
    }
  };

  #onPopoverFocusin = (event: FocusEvent) => {
    const at = this.#items().indexOf(event.target as HTMLButtonElement);
    if (at >= 0) this.active = at;
  };

  // Enter and Space reach the focused emoji's button as a click.
  #onPopoverKeydown = (event: KeyboardEvent) =>
    onPopoverKey(event, {
      items: this.#items(),
      active: this.shadowRoot?.activeElement,
      axis: 'horizontal',
      rtl: this.#t.dir === 'rtl',
      close: (focusButton) => this.#close(focusButton),
    });
}

define('reaction-button', ReactionButton);

declare global {
  interface HTMLElementTagNameMap {
    'reaction-button': ReactionButton;
  }
}
