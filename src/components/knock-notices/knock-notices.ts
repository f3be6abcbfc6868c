import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ParticipantActionEvent } from '../../events/participant-events.js';
import { define } from '../../internal/define.js';
import { NAME_SLOT, withName } from '../../internal/isolate.js';
import { selectCanModerate } from '../../store/selectors.js';
import type { RoomSnapshot } from '../../store/types.js';
import { selectWaiting } from '../../store/waiting-room.js';
import { styles } from './knock-notices.styles.js';

interface Knock {
  readonly identity: string;
  readonly name: string;
}

interface View {
  readonly knocks: readonly Knock[];
}

const made = new WeakMap<object, Knock>();

/** The waiting participants, for a moderator only (nobody else may let anyone in). */
const selectView = (s: RoomSnapshot): View => {
  if (!selectCanModerate(s)) return { knocks: [] };
  return {
    knocks: selectWaiting(s).map((p) => {
      let knock = made.get(p);
      if (!knock) made.set(p, (knock = { identity: p.identity, name: p.displayName }));
      return knock;
    }),
  };
};

const sameView = (a: View, b: View): boolean =>
  a.knocks.length === b.knocks.length && a.knocks.every((k, i) => k === b.knocks[i]);

type Answer = 'admit' | 'deny';

/**
 * A host's notices of newcomers knocking in a waiting room (room metadata
 * `{"waitingRoom": true}`): "Ada asks to join" with Admit and Deny, one notice per newcomer in
 * the order they knocked, stacked (the first `max` shown, then how many more wait; all of them
 * are in `<participant-list>`'s Waiting group). Shown only to a participant who can moderate; it
 * renders nothing for anyone else and while nobody waits.
 *
 * It never takes the focus: each new knock is announced politely (a `role="status"` live region)
 * and the notices come next in the tab order. Admit and Deny are buttons (Enter or Space); each
 * fires the cancelable `participant-action` first, then asks the server helper through
 * `RoomSession.moderate` (busy until it answers; a refusal is reported as `moderation-failed`).
 * When the answered notice held the focus, the focus moves to the next notice's Admit, so the
 * keyboard is never left on nothing while others wait.
 *
 * @tag knock-notices
 * @summary "Ada asks to join — Admit / Deny" notices for a host in a waiting room.
 *
 * @csspart base - The wrapper (`<section>`, labelled "Asking to join").
 * @csspart announcer - The polite live region that announces each new knock (visually hidden).
 * @csspart list - The list of notices.
 * @csspart notice - One newcomer's notice.
 * @csspart message - "Ada asks to join" (the name in its own `<bdi>`).
 * @csspart admit - The Admit button.
 * @csspart deny - The Deny button.
 * @csspart more - How many more wait beyond those shown.
 *
 * @cssproperty --knock-notices-background - Background of a notice.
 * @cssproperty --knock-notices-accent - Colour of a notice's edge.
 *
 * @event participant-action - Admit or Deny was chosen, before it is sent; cancel it to send nothing. `ParticipantActionEvent` with `action` (`admit` or `deny`) and `identity`.
 */
export class KnockNotices extends LitElement {
  static override styles = styles;

  /** At most this many notices show at once; the others are counted. */
  @property({ type: Number }) max = 3;

  /** Requests under way (`action:identity`). */
  @state() private busy: ReadonlySet<string> = new Set();
  /** The text of the live region: the newest knocks. */
  @state() private announcement = '';

  readonly #t = new LocalizeController(this);
  readonly #view = new StoreController<View>(this, selectView, {
    fallback: { knocks: [] },
    equals: sameView,
  });
  /** Who has been announced (and is still waiting). */
  #announced = new Set<string>();
  /** The identity of the notice that held the focus before this update. */
  #focused: string | undefined;

  protected override willUpdate(): void {
    const active = this.shadowRoot?.activeElement?.closest<HTMLElement>('li');
    this.#focused = active?.dataset.identity;
    const { knocks } = this.#view.value;
    const fresh = knocks.filter((k) => !this.#announced.has(k.identity));
    this.#announced = new Set(knocks.map((k) => k.identity));
    if (fresh.length > 0) {
      this.announcement = fresh.map((k) => this.#t.term('waitingKnock', k.name)).join('. ');
    }
  }

  override render(): TemplateResult {
    const t = this.#t;
    const { knocks } = this.#view.value;
    const shown = knocks.slice(0, Math.max(1, this.max));
    const more = knocks.length - shown.length;
    return html`<section
      part="base"
      aria-label=${t.term('waitingKnocks')}
      dir=${t.dir}
      lang=${t.lang}
    >
      <p part="announcer" class="visually-hidden" role="status">${this.announcement}</p>
      <ul part="list" role="list">
        ${repeat(
          shown,
          (k) => k.identity,
          (k) => this.#notice(k),
        )}
      </ul>
      ${more > 0 ? html`<p part="more">${t.term('waitingMore', more)}</p>` : nothing}
    </section>`;
  }

  protected override updated(): void {
    // The answered notice held the focus: give it to the next one rather than to nothing.
    const focused = this.#focused;
    if (focused === undefined || this.#view.value.knocks.some((k) => k.identity === focused))
      return;
    this.#focused = undefined;
    if (this.shadowRoot?.activeElement) return;
    // Only when the focus went with the notice (nothing holds it now), never away from elsewhere.
    const holder = document.activeElement;
    if (holder && holder !== document.body) return;
    this.renderRoot.querySelector<HTMLElement>('[part~="admit"]')?.focus();
  }

  #notice(knock: Knock): TemplateResult {
    const t = this.#t;
    return html`<li part="notice" data-identity=${knock.identity}>
      <span part="message">${withName(t.term('waitingKnock', NAME_SLOT), knock.name)}</span>
      ${this.#button(knock, 'admit', t.term('waitingAdmit'), t.term('waitingAdmitName', knock.name))}
      ${this.#button(knock, 'deny', t.term('waitingDeny'), t.term('waitingDenyName', knock.name))}
    </li>`;
  }

  #button(knock: Knock, action: Answer, text: string, label: string): TemplateResult {
    const busy = this.busy.has(`${action}:${knock.identity}`);
    return html`<button
      part=${action}
      type="button"
      aria-label=${label}
      aria-busy=${busy ? 'true' : 'false'}
      aria-disabled=${busy ? 'true' : nothing}
      @click=${() => void this.#answer(action, knock.identity)}
    >
      ${text}
    </button>`;
  }

  /** Fire `participant-action`, then ask the session; busy until it answers. */
  async #answer(action: Answer, identity: string): Promise<void> {
    const key = `${action}:${identity}`;
    const session = this.#view.session;
    if (!session || this.busy.has(key)) return;
    if (!this.dispatchEvent(new ParticipantActionEvent(action, identity))) return;
    this.busy = new Set(this.busy).add(key);
    try {
      await session.moderate({ action, identity });
    } catch {
      // Reported by the store (`moderation-failed`); the button just stops being busy.
    } finally {
      const busy = new Set(this.busy);
      busy.delete(key);
      this.busy = busy;
    }
  }
}

define('knock-notices', KnockNotices);

declare global {
  interface HTMLElementTagNameMap {
    'knock-notices': KnockNotices;
  }
}
