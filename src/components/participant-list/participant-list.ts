import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ParticipantActionEvent } from '../../events/participant-events.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import { escapeClosesPanel } from '../../internal/panel-close.js';
import type { ModerationAction } from '../../store/types.js';
import {
  busyKey,
  EMPTY_VIEW,
  filterRows,
  sameView,
  searchKey,
  selectView,
  type Row,
  type View,
} from './rows.js';
import { groupTemplate, listTemplate, type RowContext } from './templates.js';
import { styles } from './participant-list.styles.js';
import { RowHeights } from './virtual.js';

/**
 * Everyone in the room: you first, then raised hands in the order they were raised, then the
 * others in the order they joined. Each row shows the initials, the name, a Host or Viewer badge,
 * the hand with its place in the queue, and whether the microphone and camera are on. When the
 * room has viewers (participants whose grant forbids publishing), the rows are grouped under On
 * stage and Audience.
 *
 * A search field narrows the list (by name or identity, ignoring case and accents) and announces
 * how many are shown. Each remote row has a volume slider: how loud that participant plays here
 * (`RoomSession.setVolume`, local only).
 *
 * When the session has a moderator (`RoomSession.setModerator`) and your token lists
 * `moderate:participants`, remote rows also offer Mute (while their microphone is on), Bring onto
 * the stage (viewers), Lower hand (raised hands) and Remove (after an inline confirmation; Escape
 * cancels); in a waiting room, those waiting to be let in are listed first under Waiting, each
 * with Admit and Deny (others do not list them at all). Each fires `participant-action` first; the request then goes to `RoomSession.moderate`.
 * Every row (yours too) also offers "Spotlight Ada for everyone" (a toggle; pressed, "Remove
 * spotlight from Ada"), which goes to `RoomSession.spotlight`: the participant becomes the large
 * tile of every `<layout-grid>` in the room.
 * While it is under way the button is busy; a failure is reported by the store
 * (`moderation-failed`). The server checks the token again: hiding the actions is only for the UI.
 *
 * The element re-renders only when something it shows changes (not when someone starts or stops
 * speaking), and renders only the rows in view and some around them (with 1000 participants, a
 * few dozen rows): the list keeps its whole height, each row says its place (`aria-posinset` of
 * `aria-setsize`), the focused row stays rendered, and the search looks through everyone. A
 * participant kept through a grace period (`reconnecting`) is marked "Reconnecting…".
 *
 * Escape inside the list fires `panel-close` (unless it answered the removal question, or cleared
 * the search field); the list does not hide itself. `<media-call>` hides it and gives focus back to
 * its `<participants-toggle>`; on a page of your own, listen for `panel-close` and do the same.
 * `focus()` moves focus to the search field.
 *
 * @tag participant-list
 * @summary Everyone in the room, with their state, a search, volumes and moderator actions.
 *
 * @csspart base - The wrapper (`<section>`).
 * @csspart heading - The heading: "Participants" and the count.
 * @csspart count - The number of participants in the heading.
 * @csspart filter - The search field.
 * @csspart status - The polite live region that says how many are shown while searching.
 * @csspart empty - The line shown when nobody matches the search.
 * @csspart group - A group of rows (On stage, Audience), when the room has viewers; Waiting, when someone waits to be let in.
 * @csspart group-heading - The heading of a group.
 * @csspart list - A list of rows (`role="list"`).
 * @csspart item - One participant's row (`role="listitem"`); also `local` for yours.
 * @csspart avatar - The initials.
 * @csspart name - The name (with "(you)" on yours).
 * @csspart reconnecting - "Reconnecting…" beside the name of a participant kept through a grace period.
 * @csspart role - The Host or Viewer badge; also `host` or `viewer`.
 * @csspart hand - The raised hand with its place in the queue.
 * @csspart mic - The microphone state (on or muted; absent when none is published); also `off` when muted.
 * @csspart camera - The camera state (on or off; absent when none is published); also `off` when off.
 * @csspart controls - The line under a remote row with the volume and the actions.
 * @csspart volume - The volume slider's label, holding the icon and the `<input type="range">`.
 * @csspart actions - The moderator's buttons of a row (`role="group"`).
 * @csspart mute - The Mute button.
 * @csspart promote - The Bring onto the stage button.
 * @csspart lower-hand - The Lower hand button.
 * @csspart remove - The Remove button.
 * @csspart waiting-actions - A waiting participant's Admit and Deny buttons (a waiting room; moderators only).
 * @csspart admit - The Admit button of a waiting participant.
 * @csspart deny - The Deny button of a waiting participant.
 * @csspart spotlight - A host's Spotlight for everyone toggle (`aria-pressed`); also `on` while that participant is in the spotlight.
 * @csspart confirmation - The inline question before removing someone.
 * @csspart confirm - The Confirm button of the question.
 * @csspart cancel - The Cancel button of the question.
 *
 * @cssproperty --participant-list-background - Background of the element.
 * @cssproperty --participant-list-item-background - Background of a row.
 * @cssproperty --participant-list-row-gap - Space between rows.
 * @cssproperty --participant-list-avatar-background - Background of the initials.
 *
 * @cssstate filtering - The search field holds text.
 * @cssstate moderator - You can moderate (a moderator is configured and your token allows it).
 *
 * @attr {boolean} hidden - The global attribute, watched: while it is set the list does not render
 * (a closed panel costs nothing on a mute or a join); removed, it renders the room as it is then.
 *
 * @event panel-close - Escape was pressed inside the list: close it (the list does not hide itself). Cancelable: `<media-call>` then keeps it open. `PanelCloseEvent`.
 * @event participant-action - A moderator chose an action (for `remove`, confirmed it), before it is sent; cancel it to send nothing. `ParticipantActionEvent` with `action` and `identity`.
 */
export class ParticipantList extends LitElement {
  static override styles = styles;

  /**
   * Hidden (closed beside the tiles), the list does not render: a mute or a join anywhere in the
   * room costs it nothing. Shown again (the `hidden` attribute removed), it renders the room as
   * it is then.
   */
  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'hidden'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'hidden') this.requestUpdate();
  }

  /** The search text. */
  @state() private query = '';
  /** The row whose removal is being confirmed. */
  @state() private confirming: string | undefined;
  /** Requests under way (`busyKey`). */
  @state() private busy: ReadonlySet<string> = new Set();

  readonly #localize = new LocalizeController(this);
  readonly #view = new StoreController<View>(this, selectView, {
    fallback: EMPTY_VIEW,
    equals: sameView,
  });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();
  readonly #heights = new RowHeights();
  /** Where each list (by label) starts in the scroller's content, in pixels. */
  readonly #offsets = new Map<string, number>();
  /** The part of the scroller's content in view (pixels from its top). */
  #inView = { top: 0, bottom: 800 };
  /** Scrolled to the end: stay there while rows measured anew change the height. */
  #atEnd = false;
  /** The identity of the row holding the focus. */
  #focused: string | undefined;
  #resize: ResizeObserver | undefined;

  constructor() {
    super();
    this.addEventListener('keydown', this.#onKeyDown);
    this.addEventListener('focusin', this.#onFocusIn);
    this.addEventListener('focusout', this.#onFocusOut);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The page scrolling (a list taller than the page) moves what is in view too.
    window.addEventListener('scroll', this.#onScroll, { capture: true, passive: true });
    this.#resize ??= new ResizeObserver(this.#onScroll);
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('scroll', this.#onScroll, { capture: true });
    this.#resize?.disconnect();
  }

  /** Moves focus to the search field. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('[part="filter"]')?.focus(options);
  }

  protected override shouldUpdate(): boolean {
    return !this.hidden;
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const { rows: all, canModerate, volumes, spotlight } = this.#view.value;
    // Waiting to be let in (listed for a moderator only): a group of their own, first.
    const waiting = all.filter((r) => r.waiting);
    const rows = waiting.length > 0 ? all.filter((r) => !r.waiting) : all;
    const query = searchKey(this.query);
    const filtering = query !== '';
    const shown = filterRows(rows, query);
    const shownWaiting = filterRows(waiting, query);
    const grouped = rows.some((r) => r.viewer);
    setState(this.#internals, 'filtering', filtering);
    setState(this.#internals, 'moderator', canModerate);
    const ctx: RowContext = {
      t,
      canModerate,
      volumes,
      confirming: this.confirming,
      busy: this.busy,
      act: this.#onAct,
      spotlight,
      toggleSpotlight: this.#onToggleSpotlight,
      askRemove: this.#onAskRemove,
      cancelRemove: this.#onCancelRemove,
      onConfirmKeyDown: this.#onConfirmKeyDown,
      onVolume: this.#onVolume,
      window: (label, rows) => {
        const offset = this.#offsets.get(label) ?? 0;
        const focused = this.#focused;
        return this.#heights.window(
          rows,
          this.#inView.top - offset,
          this.#inView.bottom - offset,
          focused === undefined ? -1 : rows.findIndex((r) => r.identity === focused),
        );
      },
    };
    this.#heights.keepOnly(new Set(all.map((r) => r.identity)));
    return html`
      <section part="base" aria-labelledby="heading">
        <h2 part="heading" id="heading">
          ${t.term('participants')} <span part="count">(${rows.length})</span>
        </h2>
        <input
          part="filter"
          type="search"
          autocomplete="off"
          spellcheck="false"
          aria-label=${t.term('participantsFilter')}
          placeholder=${t.term('participantsFilter')}
          .value=${this.query}
          @input=${this.#onFilter}
        />
        <p part="status" role="status" class=${filtering ? '' : 'idle'}>
          ${filtering ? t.term('participantsShown', shown.length, rows.length) : nothing}
        </p>
        <div class="scroller" @scroll=${this.#onScroll}>
          ${
            filtering && shown.length === 0 && shownWaiting.length === 0
              ? html`<p part="empty">${t.term('participantsNoMatch')}</p>`
              : nothing
          }
          ${groupTemplate(ctx, t.term('participantsWaiting'), shownWaiting)}
          ${
            grouped
              ? html`${groupTemplate(
                  ctx,
                  t.term('participantsOnStage'),
                  shown.filter((r) => !r.viewer),
                )}${groupTemplate(
                  ctx,
                  t.term('participantsAudience'),
                  shown.filter((r) => r.viewer),
                )}`
              : shown.length > 0
                ? listTemplate(ctx, shown, t.term('participants'))
                : nothing
          }
        </div>
      </section>
    `;
  }

  protected override willUpdate(): void {
    // A participant who left (or a moderation that ended) takes the question with it.
    if (
      this.confirming !== undefined &&
      (!this.#view.value.canModerate ||
        !this.#view.value.rows.some((r) => r.identity === this.confirming))
    ) {
      this.confirming = undefined;
    }
  }

  /** Measure what was rendered; render again when the rows in view are not those rendered. */
  protected override updated(): void {
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!scroller) return;
    const { scrollTop, clientHeight, scrollHeight } = scroller;
    if (this.#atEnd && scrollTop > 0 && scrollTop + clientHeight < scrollHeight - 1) {
      scroller.scrollTop = scrollHeight;
    }
    let changed = this.#readView(scroller);
    const top = scroller.getBoundingClientRect().top - scroller.scrollTop;
    for (const list of this.renderRoot.querySelectorAll<HTMLElement>('ul[data-list]')) {
      if (this.#heights.measure(list)) changed = true;
      const offset = list.getBoundingClientRect().top - top;
      const label = list.dataset.list!;
      if (Math.abs((this.#offsets.get(label) ?? -1) - offset) > 0.5) changed = true;
      this.#offsets.set(label, offset);
    }
    // A second pass, with what only the rendered rows could tell (after this update, not in it).
    if (changed) queueMicrotask(() => this.requestUpdate());
  }

  /** Read the part of the scroller's content in view; true when it moved. */
  #readView(scroller: HTMLElement): boolean {
    const rect = scroller.getBoundingClientRect();
    const visibleTop = Math.max(rect.top, 0);
    const visibleBottom = Math.min(rect.bottom, window.innerHeight);
    // Off the page (or not laid out): the first screenful.
    const height =
      visibleBottom > visibleTop
        ? visibleBottom - visibleTop
        : Math.min(scroller.clientHeight || window.innerHeight, window.innerHeight);
    const top = scroller.scrollTop + (visibleBottom > visibleTop ? visibleTop - rect.top : 0);
    const view = { top: Math.round(top), bottom: Math.round(top + height) };
    if (view.top === this.#inView.top && view.bottom === this.#inView.bottom) return false;
    this.#inView = view;
    return true;
  }

  #onScroll = () => {
    if (this.hidden || !this.isConnected) return;
    const scroller = this.renderRoot.querySelector<HTMLElement>('.scroller');
    if (!scroller) return;
    this.#atEnd =
      scroller.scrollTop > 0 &&
      scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
    if (this.#readView(scroller)) this.requestUpdate();
  };

  /** The focused row (and its neighbours) stays rendered, so Tab always finds the next one. */
  #onFocusIn = (e: FocusEvent) => {
    const li = (e.composedPath()[0] as Element | undefined)?.closest?.<HTMLElement>(
      'li[data-identity]',
    );
    const identity = li?.dataset.identity;
    if (identity === this.#focused) return;
    this.#focused = identity;
    this.requestUpdate();
  };

  #onFocusOut = (e: FocusEvent) => {
    if (e.relatedTarget instanceof Node && this.renderRoot.contains(e.relatedTarget)) return;
    this.#focused = undefined;
  };

  #row(identity: string): HTMLElement | undefined {
    for (const li of this.renderRoot.querySelectorAll<HTMLElement>('li[data-identity]')) {
      if (li.dataset.identity === identity) return li;
    }
    return undefined;
  }

  async #focusIn(identity: string, part: string): Promise<void> {
    await this.updateComplete;
    this.#row(identity)?.querySelector<HTMLElement>(`[part~='${part}']`)?.focus();
  }

  #askRemove(identity: string): Promise<void> {
    this.confirming = identity;
    return this.#focusIn(identity, 'confirm');
  }

  #cancelRemove(identity: string): Promise<void> {
    if (this.confirming !== identity) return Promise.resolve();
    this.confirming = undefined;
    return this.#focusIn(identity, 'remove');
  }

  #onAct = (action: ModerationAction, row: Row): void => void this.#act(action, row);

  #onAskRemove = (identity: string): void => void this.#askRemove(identity);

  #onCancelRemove = (identity: string): void => void this.#cancelRemove(identity);

  #onConfirmKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || this.confirming === undefined) return;
    e.preventDefault();
    e.stopPropagation();
    void this.#cancelRemove(this.confirming);
  };

  /** Fire `participant-action`, then ask the session to moderate; busy until it answers. */
  async #act(action: ModerationAction, row: Row): Promise<void> {
    const session = this.#view.session;
    const key = busyKey(action, row.identity);
    if (!session || !this.#view.value.canModerate || this.busy.has(key)) return;
    const proceed = this.dispatchEvent(new ParticipantActionEvent(action, row.identity));
    if (proceed) {
      this.busy = new Set(this.busy).add(key);
      try {
        await session.moderate(
          action === 'mute' && row.micSid
            ? { action, identity: row.identity, trackSid: row.micSid }
            : { action, identity: row.identity },
        );
      } catch {
        // The store reported `moderation-failed`; the button just stops being busy.
      } finally {
        const busy = new Set(this.busy);
        busy.delete(key);
        this.busy = busy;
      }
    }
    if (action === 'remove') await this.#cancelRemove(row.identity);
  }

  /** Spotlight the row's participant for everyone, or take it away; busy until it answers. */
  #onToggleSpotlight = async (row: Row): Promise<void> => {
    const session = this.#view.session;
    const key = busyKey('spotlight', row.identity);
    if (!session || !this.#view.value.canModerate || this.busy.has(key)) return;
    this.busy = new Set(this.busy).add(key);
    try {
      await session.spotlight(this.#view.value.spotlight === row.identity ? null : row.identity);
    } catch {
      // The store reported `moderation-failed`; the button just stops being busy.
    } finally {
      const busy = new Set(this.busy);
      busy.delete(key);
      this.busy = busy;
    }
  };

  #onKeyDown = (e: KeyboardEvent) => {
    // In a search field holding text, Escape clears it (the browser's own behaviour) first.
    const from = e.composedPath()[0];
    if (from instanceof HTMLInputElement && from.type === 'search' && from.value !== '') return;
    escapeClosesPanel(this, e);
  };

  #onFilter = (e: Event) => {
    this.query = (e.target as HTMLInputElement).value;
  };

  #onVolume = (identity: string, e: Event): void => {
    const value = Number((e.target as HTMLInputElement).value);
    this.#view.session?.setVolume(identity, value / 100);
  };
}

define('participant-list', ParticipantList);

declare global {
  interface HTMLElementTagNameMap {
    'participant-list': ParticipantList;
  }
}
