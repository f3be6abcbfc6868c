import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { EndForEveryoneEvent, LeaveEvent } from '../../events/control-events.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import { anchorPopover, onPopoverKey } from '../../internal/popover.js';
import { selectCanModerate } from '../../store/selectors.js';
import type { RoomSnapshot } from '../../store/types.js';
import { icons } from '../../internal/icons.js';
import { styles } from './leave-button.styles.js';

interface View {
  inRoom: boolean;
  /** A host (a moderator is configured and the token allows it): Leave offers a choice. */
  host: boolean;
}

const selectView = (s: RoomSnapshot): View => ({ inRoom: !!s.local, host: selectCanModerate(s) });

/**
 * Leaves the call through the session of the enclosing `<media-room>` (which also stops a rejoin
 * under way). Fires a cancelable `leave` first.
 * Disabled while not in a room.
 *
 * For a host (the session has a moderator and the token lists `moderate:participants`) the button
 * opens a small menu instead (`role="menu"`): "Leave", which leaves as above, and "End for
 * everyone", which fires a cancelable `end-for-everyone` and then ends the meeting through the
 * session (`RoomSession.endForEveryone`: the server helper deletes the room, and everyone else
 * reads "The host ended the meeting."). The menu opens with Enter, Space or the arrow keys, its
 * items are reached with the arrow keys, Home and End, and Escape closes it (focus back on the
 * button); Tab or a press outside closes it too. A refused end (not a host after all) is shown
 * as the session's `moderation-failed` error, and the call goes on.
 *
 * @tag leave-button
 * @summary A button that leaves the call (for a host: Leave, or End for everyone).
 *
 * @csspart base - The `<button>`.
 * @csspart icon - The icon.
 * @csspart label - The visible label (hide it for an icon-only button; the name stays).
 * @csspart menu - A host's menu (positioned with Floating UI, while open).
 * @csspart leave-item - The menu's "Leave" item.
 * @csspart end-item - The menu's "End for everyone" item.
 *
 * @cssproperty --leave-button-background - Background of the button.
 * @cssproperty --leave-button-background-hover - Background on hover.
 * @cssproperty --leave-button-color - Text and icon colour.
 * @cssproperty --leave-button-z-index - Stacking order of the menu (default 10).
 *
 * @cssstate open - A host's menu is open.
 * @cssstate host - The button offers a host's choice.
 *
 * @event leave - Before leaving; cancel it to stay. `LeaveEvent`.
 * @event end-for-everyone - A host chose "End for everyone", before it is asked of the server; cancel it to go on. `EndForEveryoneEvent`.
 */
export class LeaveButton extends LitElement {
  static override styles = styles;

  @state() private open = false;

  readonly #localize = new LocalizeController(this);
  readonly #view = new StoreController<View>(this, selectView, {
    fallback: { inRoom: false, host: false },
    equals: (a, b) => a.inRoom === b.inRoom && a.host === b.host,
  });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();
  readonly #button = createRef<HTMLButtonElement>();
  readonly #menu = createRef<HTMLElement>();
  #unanchor: (() => void) | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#close(false);
  }

  protected override willUpdate(): void {
    // Out of the room, or no longer a host: the menu goes.
    if (this.open && !(this.#view.value.inRoom && this.#view.value.host)) this.#close(false);
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const { inRoom, host } = this.#view.value;
    setState(this.#internals, 'open', this.open);
    setState(this.#internals, 'host', host);
    return html`
      <button
        ${ref(this.#button)}
        part="base"
        type="button"
        aria-haspopup=${host ? 'menu' : nothing}
        aria-expanded=${host ? (this.open ? 'true' : 'false') : nothing}
        aria-controls=${this.open ? 'menu' : nothing}
        ?disabled=${!inRoom}
        @click=${this.#onClick}
        @keydown=${this.#onButtonKeydown}
      >
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${icons.leave}</svg>
        <span part="label">${t.term('leave')}</span>
      </button>
      ${this.open ? this.#renderMenu() : nothing}
    `;
  }

  #renderMenu(): TemplateResult {
    const t = this.#localize;
    return html`<div
      ${ref(this.#menu)}
      id="menu"
      part="menu"
      role="menu"
      aria-label=${t.term('leaveOptions')}
      dir=${t.dir}
      lang=${t.lang}
      @keydown=${this.#onMenuKeydown}
    >
      <button
        part="leave-item"
        type="button"
        role="menuitem"
        tabindex="-1"
        @click=${this.#leaveItem}
      >
        ${t.term('leaveOnly')}
      </button>
      <button part="end-item" type="button" role="menuitem" tabindex="-1" @click=${this.#endItem}>
        ${t.term('endForEveryone')}
      </button>
    </div>`;
  }

  /** Leave as a click does for everyone but a host (the `leave` event first). */
  async leave(): Promise<void> {
    this.#close(false);
    if (!this.dispatchEvent(new LeaveEvent())) return;
    await this.#view.session?.leave();
  }

  /**
   * End the meeting for everyone as a host's "End for everyone" does (`end-for-everyone` first).
   * Resolves once done; a refusal is the session's `moderation-failed` error (and stays in the call).
   */
  async endForEveryone(): Promise<void> {
    this.#close(false);
    const session = this.#view.session;
    if (!session || !this.dispatchEvent(new EndForEveryoneEvent())) return;
    await session.endForEveryone().catch(() => {
      /* Reported by the session as `moderation-failed`: the error box says it. */
    });
  }

  /** Open a host's menu with its first item focused (nothing for anyone else). */
  async show(last = false): Promise<void> {
    const { inRoom, host } = this.#view.value;
    if (this.open || !inRoom || !host) return;
    this.open = true;
    await this.updateComplete;
    const button = this.#button.value;
    const menu = this.#menu.value;
    if (!button || !menu || !this.open) return;
    this.#unanchor = anchorPopover(this, button, menu, 'top-end', () => this.#close(false));
    const items = this.#items();
    items[last ? items.length - 1 : 0]?.focus();
  }

  /** Close a host's menu; `focusButton` gives the focus back to the button. */
  hide(focusButton = true): void {
    this.#close(focusButton);
  }

  #items(): HTMLButtonElement[] {
    return [...(this.#menu.value?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  }

  #close(focusButton: boolean): void {
    this.#unanchor?.();
    this.#unanchor = undefined;
    if (!this.open) return;
    this.open = false;
    if (focusButton) this.#button.value?.focus();
  }

  #onClick = (): void => {
    if (!this.#view.value.host) void this.leave();
    else if (this.open) this.#close(true);
    else void this.show();
  };

  #onButtonKeydown = (event: KeyboardEvent): void => {
    if (!this.#view.value.host) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show(event.key === 'ArrowUp');
    }
  };

  // Enter and Space reach the focused item's button as a click.
  #onMenuKeydown = (event: KeyboardEvent): void =>
    onPopoverKey(event, {
      items: this.#items(),
      active: this.shadowRoot?.activeElement,
      close: (focusButton) => this.#close(focusButton),
    });

  #leaveItem = () => void this.leave();

  #endItem = () => void this.endForEveryone();
}

define('leave-button', LeaveButton);

declare global {
  interface HTMLElementTagNameMap {
    'leave-button': LeaveButton;
  }
}
