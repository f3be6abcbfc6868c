import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ChatSendEvent } from '../../events/chat-events.js';
import { define } from '../../internal/define.js';
import { escapeClosesPanel } from '../../internal/panel-close.js';
import type { ChatMessage, RoomSnapshot } from '../../store/types.js';
import { isVisiblyEmpty } from '../../internal/text.js';
import { styles } from './chat-panel.styles.js';
import { MessageFolds } from './message-folds.js';

/** The most characters a message may have. */
export const CHAT_MAX_LENGTH = 2000;

interface ChatView {
  readonly chat: readonly ChatMessage[];
  /** In the room (a local participant exists). */
  readonly inRoom: boolean;
  /** The grant lets the local participant publish data (unknown permissions allow). */
  readonly mayPublishData: boolean;
}

const EMPTY: readonly ChatMessage[] = Object.freeze([]);

const selectChatView = (s: RoomSnapshot): ChatView => ({
  chat: s.chat ?? EMPTY,
  inRoom: !!s.local,
  mayPublishData: s.local?.permissions?.canPublishData !== false,
});

const keyOf = (m: ChatMessage) => `${m.from}\u0000${m.id}`;

/** How close to the end (in pixels) still counts as "at the newest message". */
const STICK_DISTANCE = 32;

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeFormat(lang: string): Intl.DateTimeFormat {
  let format = timeFormats.get(lang);
  if (!format) {
    try {
      format = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
    } catch {
      format = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' });
    }
    timeFormats.set(lang, format);
  }
  return format;
}

/**
 * The room's chat (LiveKit's `lk.chat`, so it talks with LiveKit's own apps and agents): the
 * messages with sender and time, and a field to write one. Messages come from the room store,
 * which keeps them for the whole session (leaving the room does not clear them).
 *
 * Message text is shown as text only, never as HTML, the sender's name and each message in a
 * direction-isolating box; `http:` and `https:` addresses become links that open in a new tab
 * (`rel="noopener noreferrer"`) and read as their real address (host in punycode, anything but
 * printable ASCII percent-encoded); anything else (`javascript:` …) stays text. Messages that show
 * nothing are neither shown nor sent.
 *
 * A message taller than 12 lines (by its rendered height at the panel's width, whoever sent it) is
 * shown folded: its first lines, fading out, and a Show more button (`aria-expanded`,
 * `aria-controls` the text) that unfolds it in place; Show less folds it back, keeping the button
 * where it was. While folded, only about as much text as fills the fold is in the page: that is
 * what the log reads out as the message arrives (not 70,000 characters), and the rest is behind
 * the button. Unfolding is not read out by the log (the text of a folded message is
 * `aria-live="off"`); the reader reads on from the button. A link cut by the fold is text until the
 * message is unfolded.
 * The list is a `role="log"` read out politely as messages arrive. Each time the panel is shown it
 * starts at the newest message; while shown it follows new messages as long as the reader is at
 * (or near) the end. When the reader scrolled up, new messages leave the view where it is and a
 * New messages button appears under the list: it scrolls to the newest (and goes away, as it does
 * when the reader scrolls to the end). Enter sends, Shift+Enter starts a new line; the draft
 * survives re-renders and is kept when sending fails (the store then reports `chat-send-failed`).
 * A message of yours sent while the connection is lost shows "Waiting for the connection…" and
 * goes out once the call is back; one the session could not send (it gave up on the call) shows
 * "Not sent." with a Send again button.
 * Writing is disabled, with the reason shown, outside the room or when the participant's grant
 * forbids publishing data (`canPublishData: false`).
 *
 * Escape inside the panel fires `panel-close`; the panel does not hide itself. `<media-call>`
 * hides it and gives focus back to its `<chat-toggle>`; on a page of your own, do the same:
 *
 * ```html
 * <chat-toggle></chat-toggle>
 * <chat-panel hidden></chat-panel>
 * <script>
 *   toggle.addEventListener('chat-toggle', (e) => {
 *     panel.hidden = !e.open;
 *     if (e.open) panel.updateComplete.then(() => panel.focus());
 *   });
 *   panel.addEventListener('panel-close', () => {
 *     panel.hidden = true;
 *     toggle.pressed = false;
 *     toggle.focus();
 *   });
 * </script>
 * ```
 *
 * @tag chat-panel
 * @summary The room's text chat: messages and a field to send one.
 *
 * @csspart base - The wrapper.
 * @csspart log - The message list (`role="log"`).
 * @csspart empty - The line shown while there are no messages.
 * @csspart message - One message.
 * @csspart local - A message the local participant sent (with `message`).
 * @csspart meta - The line with the sender and the time.
 * @csspart sender - The sender's name (or "You").
 * @csspart time - The time the message was sent (`<time>`).
 * @csspart text - The message text.
 * @csspart link - A link in a message.
 * @csspart delivery - Under a message of yours not sent: waiting for the connection (class `pending`), or not sent (class `failed`).
 * @csspart retry - The Send again button of a message of yours not sent.
 * @csspart show-more - The Show more / Show less button of a long message (`aria-expanded`).
 * @csspart new-messages - The New messages button (shown while the reader is scrolled up and newer messages came).
 * @csspart form - The form with the field and the Send button.
 * @csspart input - The `<textarea>`.
 * @csspart send - The Send button.
 * @csspart note - The explanation shown while sending is not possible.
 *
 * @cssproperty --chat-panel-background - Background of the element.
 * @cssproperty --chat-panel-message-background - Background of others' messages.
 * @cssproperty --chat-panel-local-background - Background of your own messages.
 * @cssproperty --chat-panel-link-color - Colour of links.
 *
 * @event chat-send - Before a message is sent; cancel it to keep it unsent. `ChatSendEvent` with `text`.
 * @event panel-close - Escape was pressed inside the panel: close it (the panel does not hide itself). Cancelable: `<media-call>` then keeps it open. `PanelCloseEvent`.
 */
export class ChatPanel extends LitElement {
  static override styles = styles;

  /** The text being written. Kept across re-renders; cleared once a message was sent. */
  @state() private draft = '';
  @state() private sending = false;
  /** Newer messages came while the reader was scrolled up: the New messages button shows. */
  @state() private unseen = false;

  readonly #localize = new LocalizeController(this);
  readonly #view = new StoreController<ChatView>(this, selectChatView, {
    fallback: { chat: EMPTY, inRoom: false, mayPublishData: true },
  });
  /** Follow new messages: true unless the user scrolled away from the newest. */
  #stick = true;
  #lastCount = 0;
  #lastChat: readonly ChatMessage[] = EMPTY;
  /** The coming render adds messages to follow (scroll to the newest once they are in). */
  #follow = false;
  /** The log had a size at the last resize (the panel was shown). */
  #shown = false;
  #resize: ResizeObserver | undefined;
  /** Long messages: split once, folded to about what fills their first lines. */
  readonly #folds = new MessageFolds();
  /** The coming render folds or unfolds a message: keep the scroll position (no following). */
  #toggled: { button: HTMLElement; top: number; folding: boolean } | undefined;

  constructor() {
    super();
    this.addEventListener('keydown', (e) => escapeClosesPanel(this, e));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.hasUpdated) this.#observe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = undefined;
    this.#shown = false;
  }

  protected override firstUpdated(): void {
    this.#observe();
  }

  /** Moves focus to the message field (to the message list while writing is not possible). */
  override focus(options?: FocusOptions): void {
    const input = this.renderRoot.querySelector<HTMLTextAreaElement>('textarea');
    if (input && !input.disabled) input.focus(options);
    else this.#log?.focus(options);
  }

  get #log(): HTMLElement | undefined {
    return this.renderRoot.querySelector<HTMLElement>('[part="log"]') ?? undefined;
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const { chat, inRoom, mayPublishData } = this.#view.value;
    const canSend = inRoom && mayPublishData;
    // Made on the first message only: an Intl formatter costs milliseconds to build.
    const format = chat.length > 0 ? timeFormat(t.lang) : undefined;
    const note = !inRoom
      ? t.term('chatNotInRoom')
      : !mayPublishData
        ? t.term('chatCannotSend')
        : '';
    return html`
      <section part="base" aria-label=${t.term('chat')}>
        <div
          part="log"
          role="log"
          aria-live="polite"
          aria-label=${t.term('chatMessages')}
          tabindex="0"
          @scroll=${this.#onScroll}
        >
          ${chat.length === 0 ? html`<p part="empty">${t.term('chatEmpty')}</p>` : nothing}
          ${repeat(chat, keyOf, (m) => this.#renderMessage(m, format!))}
        </div>
        ${
          this.unseen
            ? html`<button part="new-messages" type="button" @click=${this.#onNewMessages}>
                ${t.term('chatNewMessages')}
              </button>`
            : nothing
        }
        ${note ? html`<p part="note" id="note">${note}</p>` : nothing}
        <form part="form" @submit=${this.#onSubmit}>
          <textarea
            part="input"
            rows="2"
            maxlength=${CHAT_MAX_LENGTH}
            aria-label=${t.term('chatMessage')}
            aria-describedby=${note ? 'note hint' : 'hint'}
            .value=${this.draft}
            ?disabled=${!canSend}
            @input=${this.#onInput}
            @keydown=${this.#onKeyDown}
          ></textarea>
          <span id="hint" hidden>${t.term('chatHint')}</span>
          <button
            part="send"
            type="submit"
            ?disabled=${!canSend || isVisiblyEmpty(this.draft)}
            aria-busy=${this.sending ? 'true' : 'false'}
          >
            ${this.sending ? t.term('chatSending') : t.term('chatSend')}
          </button>
        </form>
      </section>
    `;
  }

  #renderMessage(m: ChatMessage, format: Intl.DateTimeFormat): TemplateResult {
    const t = this.#localize;
    const date = new Date(m.timestamp);
    const time = Number.isNaN(date.getTime())
      ? nothing
      : html`<time part="time" datetime=${date.toISOString()}>${format.format(date)}</time>`;
    const sender = m.isLocal ? t.term('chatYou') : m.fromName;
    const fold = this.#folds.get(keyOf(m), m.text);
    const foldable = fold.overflows || fold.expanded;
    const foldClass = fold.expanded ? 'expanded' : fold.overflows ? 'folded' : '';
    // Text bindings only: each piece is a text node or an <a> whose text is its own address.
    const content = this.#folds
      .shown(fold)
      .map((s) =>
        s.href
          ? html`<a part="link" dir="ltr" href=${s.href} target="_blank" rel="noopener noreferrer"
              >${s.href}</a
            >`
          : s.text,
      );
    // No white space around the content: the text keeps it (`pre-wrap`). A foldable text is not
    // read out again as it unfolds (the log would read it all).
    // prettier-ignore
    const text = html`<div part="text" id=${fold.id} dir="auto" class=${foldClass} aria-live=${foldable ? 'off' : nothing}>${content}</div>`;
    // Sender and text each isolated (`dir="auto"`): neither can reorder what is around it.
    return html`
      <article part=${m.isLocal ? 'message local' : 'message'}>
        <div part="meta">
          <span part="sender" dir="auto" title=${sender}>${sender}</span> ${time}
        </div>
        ${text} ${m.delivery ? this.#renderDelivery(m) : nothing}
        ${
          foldable
            ? html`<button
                part="show-more"
                type="button"
                aria-expanded=${fold.expanded ? 'true' : 'false'}
                aria-controls=${fold.id}
                @click=${this.#onShowMore}
              >
                ${fold.expanded ? t.term('chatShowLess') : t.term('chatShowMore')}
              </button>`
            : nothing
        }
      </article>
    `;
  }

  /** A message of yours not sent: waiting for the connection, or not sent with Send again. */
  #renderDelivery(m: ChatMessage): TemplateResult {
    const t = this.#localize;
    if (m.delivery === 'pending') {
      return html`<p part="delivery" class="pending">${t.term('chatPending')}</p>`;
    }
    return html`<p part="delivery" class="failed">
      ${t.term('chatNotSent')}
      <button part="retry" type="button" data-id=${m.id} @click=${this.#onRetry}>
        ${t.term('chatRetry')}
      </button>
    </p>`;
  }

  #onRetry = (e: Event) => {
    const id = (e.currentTarget as HTMLElement).dataset.id ?? '';
    // A failure is reported by the store (`chat-send-failed`); the message stays marked not sent.
    this.#view.session?.retryChat(id).catch(() => undefined);
  };

  protected override willUpdate(): void {
    const chat = this.#view.value.chat;
    const grew = chat.length !== this.#lastCount;
    this.#lastCount = chat.length;
    if (chat !== this.#lastChat) this.#folds.keepOnly(new Set(chat.map(keyOf)));
    this.#lastChat = chat;
    // Decide before the new messages are in the DOM whether to follow them (a hidden log has no
    // position to read: it goes to the newest when shown).
    const log = this.#log;
    if (log && log.clientHeight > 0) this.#stick = isAtEnd(log);
    if (!grew) return;
    // Always show a message the user just sent.
    this.#follow = this.#stick || !!chat.at(-1)?.isLocal;
    this.unseen = !this.#follow;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const log = this.#log;
    const toggled = this.#toggled;
    this.#toggled = undefined;
    if (toggled && log) {
      // Folding back keeps the button where it was (under the pointer); unfolding keeps the
      // position, so the text reads on below. Either way, follow again only from the end.
      if (toggled.folding)
        log.scrollTop += toggled.button.getBoundingClientRect().top - toggled.top;
      this.#stick = isAtEnd(log);
    } else if (this.#follow || (this.#stick && log && log.clientHeight > 0)) {
      // New messages to follow, or the messages changed height (folded once measured) while the
      // reader was at the end.
      this.#toEnd();
    }
    this.#follow = false;
    this.#measure();
  }

  /** Measures the messages whose shown text changed; renders again those that fold or grow. */
  #measure(): void {
    let again = false;
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('[part="text"]')) {
      const fold = this.#folds.byId(el.id);
      if (fold && this.#folds.measure(fold, el)) again = true;
    }
    // Only a render can tell: the next one starts once this one is complete.
    if (again) queueMicrotask(() => this.requestUpdate());
  }

  #onShowMore = (e: Event) => {
    const button = e.currentTarget as HTMLElement;
    const fold = this.#folds.byId(button.getAttribute('aria-controls') ?? '');
    if (!fold) return;
    fold.expanded = !fold.expanded;
    this.#toggled = { button, top: button.getBoundingClientRect().top, folding: !fold.expanded };
    this.requestUpdate();
  };

  #observe(): void {
    const log = this.#log;
    if (!log || typeof ResizeObserver === 'undefined') return;
    this.#resize ??= new ResizeObserver(this.#onResize);
    this.#resize.observe(log);
  }

  /** Shown (after being hidden), the log starts at the newest; resized, it keeps to the end. */
  #onResize = () => {
    const log = this.#log;
    if (!log) return;
    const shown = log.clientHeight > 0;
    const opened = shown && !this.#shown;
    this.#shown = shown;
    // A new width folds messages anew; messages that came while hidden are measured once shown
    // (after the render this asks for).
    if ((shown && this.#folds.resize(log)) || opened) this.requestUpdate();
    if (opened) {
      this.#toEnd();
      this.unseen = false;
    } else if (shown && this.#stick) {
      this.#toEnd();
    }
  };

  #toEnd(): void {
    const log = this.#log;
    if (!log) return;
    log.scrollTop = log.scrollHeight;
    this.#stick = true;
  }

  #onScroll = (e: Event) => {
    this.#stick = isAtEnd(e.currentTarget as HTMLElement);
    if (this.#stick && this.unseen) this.unseen = false;
  };

  #onNewMessages = () => {
    this.#toEnd();
    this.unseen = false;
    // The button goes away: the list, now at its newest, keeps the focus.
    this.#log?.focus();
  };

  #onInput = (e: InputEvent) => {
    this.draft = (e.target as HTMLTextAreaElement).value;
  };

  #onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
    e.preventDefault();
    void this.send();
  };

  #onSubmit = (e: SubmitEvent) => {
    e.preventDefault();
    void this.send();
  };

  /**
   * Send the draft as the Send button does (`chat-send` first). Resolves `true` once sent (or kept
   * to send once the connection is back); `false`
   * when there was nothing to send, sending is not possible, the event was cancelled, or it failed
   * (the draft is then kept).
   */
  async send(): Promise<boolean> {
    const session = this.#view.session;
    const { inRoom, mayPublishData } = this.#view.value;
    const text = this.draft.trim().slice(0, CHAT_MAX_LENGTH);
    if (!session || !inRoom || !mayPublishData || isVisiblyEmpty(text) || this.sending) {
      return false;
    }
    if (!this.dispatchEvent(new ChatSendEvent(text))) return false;
    const draft = this.draft;
    this.sending = true;
    this.draft = '';
    try {
      await session.sendChat(text);
      return true;
    } catch {
      // The store reported `chat-send-failed`; give the text back unless a new one was begun.
      if (this.draft === '') this.draft = draft;
      return false;
    } finally {
      this.sending = false;
    }
  }
}

function isAtEnd(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight <= STICK_DISTANCE;
}

define('chat-panel', ChatPanel);

declare global {
  interface HTMLElementTagNameMap {
    'chat-panel': ChatPanel;
  }
}
