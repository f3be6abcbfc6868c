import { LitElement, html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ChatToggleEvent } from '../../events/chat-events.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import type { ChatMessage, RoomSnapshot } from '../../store/types.js';
import { styles } from './chat-toggle.styles.js';

const EMPTY: readonly ChatMessage[] = Object.freeze([]);
const selectChat = (s: RoomSnapshot) => s.chat ?? EMPTY;
const keyOf = (m: ChatMessage) => `${m.from}\u0000${m.id}`;

const chatIcon = svg`<path d="M4 5h16v11H9l-5 4V5Z" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"/>`;

/**
 * Shows and hides the chat, with the number of messages from others that arrived while it was
 * hidden. The page owns the panel: the toggle sets its own `pressed` when the user presses it and
 * fires `chat-toggle`; show or hide your `<chat-panel>` on that event (or set `pressed` yourself
 * when you show or hide it some other way). While `pressed`, every message counts as read.
 *
 * ```html
 * <chat-toggle></chat-toggle>
 * <chat-panel hidden></chat-panel>
 * <script>
 *   document.addEventListener('chat-toggle', (e) => (panel.hidden = !e.open));
 * </script>
 * ```
 *
 * @tag chat-toggle
 * @summary A button that shows or hides the chat, with the unread count.
 *
 * @csspart base - The `<button>` (`aria-pressed`; its name includes the unread count).
 * @csspart icon - The icon.
 * @csspart label - The visible label (hide it for an icon-only button; the name stays).
 * @csspart badge - The unread count (shown when there are unread messages).
 *
 * @cssproperty --chat-toggle-badge-background - Background of the unread badge.
 * @cssproperty --chat-toggle-badge-color - Text colour of the unread badge.
 *
 * @cssstate unread - There are unread messages.
 * @cssstate pressed - The chat is shown (`pressed`).
 *
 * @event chat-toggle - The user pressed the button, before `pressed` changes; `open` says whether to show the chat. Cancelable (then `pressed` stays). `ChatToggleEvent`.
 */
export class ChatToggle extends LitElement {
  static override styles = styles;

  /** The chat is shown. Changed by the user's press (then `chat-toggle` fires). */
  @property({ type: Boolean, reflect: true }) pressed = false;

  readonly #localize = new LocalizeController(this);
  readonly #chat = new StoreController<readonly ChatMessage[]>(this, selectChat, {
    fallback: EMPTY,
  });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();
  /** The newest message when the chat was last shown (undefined: none seen yet). */
  #seen: string | undefined;

  /** Messages from others since the chat was last shown. */
  get unread(): number {
    const chat = this.#chat.value;
    if (this.pressed) return 0;
    const from = this.#seen === undefined ? -1 : chat.findLastIndex((m) => keyOf(m) === this.#seen);
    let n = 0;
    for (let i = from + 1; i < chat.length; i += 1) if (!chat[i]!.isLocal) n += 1;
    return n;
  }

  protected override willUpdate(): void {
    const last = this.#chat.value.at(-1);
    if (this.pressed && last) this.#seen = keyOf(last);
  }

  /** Moves focus to the button (where `<media-call>` puts it back when the panel closes). */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector('button')?.focus(options);
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const unread = this.unread;
    setState(this.#internals, 'unread', unread > 0);
    setState(this.#internals, 'pressed', this.pressed);
    return html`
      <button
        part="base"
        type="button"
        aria-pressed=${this.pressed ? 'true' : 'false'}
        aria-label=${unread > 0 ? t.term('chatUnread', unread) : t.term('chat')}
        @click=${this.#onClick}
      >
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${chatIcon}</svg>
        <span part="label">${t.term('chat')}</span>
        ${
          unread > 0
            ? html`<span part="badge" aria-hidden="true">${unread > 99 ? '99+' : unread}</span>`
            : nothing
        }
      </button>
    `;
  }

  #onClick = () => {
    if (this.dispatchEvent(new ChatToggleEvent(!this.pressed))) this.pressed = !this.pressed;
  };
}

define('chat-toggle', ChatToggle);

declare global {
  interface HTMLElementTagNameMap {
    'chat-toggle': ChatToggle;
  }
}
