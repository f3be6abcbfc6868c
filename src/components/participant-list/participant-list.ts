import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { ParticipantActionEvent } from '../../events/participant-events.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import { icons } from '../../internal/icons.js';
import { shallowEqual } from '../../store/equality.js';
import {
  isModerator,
  isViewer,
  selectCanModerate,
  selectRaisedHands,
} from '../../store/selectors.js';
import type { ModerationAction, ParticipantState, RoomSnapshot } from '../../store/types.js';
import { styles } from './participant-list.styles.js';

/** A microphone or camera: published and live, published and muted, or not published. */
type MediaState = 'on' | 'off' | 'none';

/** What a row shows of one participant: nothing else, so speaking and levels do not re-render. */
interface Row {
  readonly identity: string;
  /** The display name, or the identity when there is none. */
  readonly name: string;
  readonly isLocal: boolean;
  /** The token lists `moderate:participants`. */
  readonly host: boolean;
  /** May not publish (an audience member). */
  readonly viewer: boolean;
  readonly mic: MediaState;
  /** The microphone's track sid ('' when none is published), for a moderator's mute. */
  readonly micSid: string;
  readonly camera: MediaState;
  /** Place in the raised-hands queue, from 1; 0 when the hand is down. */
  readonly hand: number;
}

interface View {
  /** Everyone: local first, then raised hands in queue order, then the rest in join order. */
  readonly rows: readonly Row[];
  readonly canModerate: boolean;
  readonly volumes: Readonly<Record<string, number>>;
}

const EMPTY_VIEW: View = Object.freeze({
  rows: Object.freeze([]) as readonly Row[],
  canModerate: false,
  volumes: Object.freeze({}),
});

function mediaState(p: ParticipantState, source: 'microphone' | 'camera'): MediaState {
  const track = p.tracks[source];
  if (!track) return 'none';
  return track.muted ? 'off' : 'on';
}

function rowOf(p: ParticipantState, hand: number): Row {
  return {
    identity: p.identity,
    name: p.name || p.identity,
    isLocal: p.isLocal,
    host: isModerator(p),
    viewer: isViewer(p),
    mic: mediaState(p, 'microphone'),
    micSid: p.tracks.microphone?.sid ?? '',
    camera: mediaState(p, 'camera'),
    hand,
  };
}

/** The rows in display order; a new array every time, compared row by row (`sameView`). */
const selectParticipantRows = (s: RoomSnapshot): readonly Row[] => {
  const hands = selectRaisedHands(s);
  const place = new Map(hands.map((identity, i) => [identity, i + 1]));
  const rows: Row[] = [];
  if (s.local) rows.push(rowOf(s.local, place.get(s.local.identity) ?? 0));
  const raised: Row[] = [];
  const rest: Row[] = [];
  for (const p of s.remotes) {
    const row = rowOf(p, place.get(p.identity) ?? 0);
    (row.hand ? raised : rest).push(row);
  }
  raised.sort((a, b) => a.hand - b.hand);
  return [...rows, ...raised, ...rest];
};

const selectView = (s: RoomSnapshot): View => ({
  rows: selectParticipantRows(s),
  canModerate: selectCanModerate(s),
  volumes: s.audio?.volumes ?? EMPTY_VIEW.volumes,
});

/** Equal when every row shows the same: a speaker change makes an equal view. */
function sameView(a: View, b: View): boolean {
  if (a.canModerate !== b.canModerate || !shallowEqual(a.volumes, b.volumes)) return false;
  if (a.rows.length !== b.rows.length) return false;
  return a.rows.every((row, i) => shallowEqual(row, b.rows[i]));
}

/** Lower case without accents, for a forgiving search (`é` finds `e`, `E` finds `é`). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Up to two initials of a display name, for the avatar. */
function initials(name: string): string {
  const words = name
    .trim()
    .split(/[\s._@-]+/u)
    .filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [words[0] ?? '?'];
  return (
    letters
      .map((w) => Array.from(w ?? '')[0] ?? '')
      .join('')
      .toUpperCase() || '?'
  );
}

const percentFormats = new Map<string, Intl.NumberFormat>();
function percent(lang: string, value: number): string {
  let format = percentFormats.get(lang);
  if (!format) {
    try {
      format = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 });
    } catch {
      format = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });
    }
    percentFormats.set(lang, format);
  }
  return format.format(value);
}

const busyKey = (action: ModerationAction, identity: string) => `${action}\u0000${identity}`;

/**
 * Everyone in the room: you first, then raised hands in the order they were raised, then the
 * others in the order they joined. Each row shows the initials, the name, a Host or Viewer badge,
 * the hand with its place in the queue, and whether the microphone and camera are on. When the
 * room has viewers (participants whose grant forbids publishing), the rows are grouped under On
 * stage and Audience.
 *
 * A search field narrows the list (by name or identity, ignoring case and accents) and announces
 * how many are shown. Each remote row has a volume slider: how loud that participant plays here
 * (`RoomStore.setVolume`, local only).
 *
 * When the store has a moderator (`RoomStore.setModerator`) and your token lists
 * `moderate:participants`, remote rows also offer Mute (while their microphone is on), Bring onto
 * the stage (viewers), Lower hand (raised hands) and Remove (after an inline confirmation; Escape
 * cancels). Each fires `participant-action` first; the request then goes to `RoomStore.moderate`.
 * While it is under way the button is busy; a failure is reported by the store
 * (`moderation-failed`). The server checks the token again: hiding the actions is only for the UI.
 *
 * The element re-renders only when something it shows changes (not when someone starts or stops
 * speaking).
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
 * @csspart group - A group of rows (On stage, Audience), when the room has viewers.
 * @csspart group-heading - The heading of a group.
 * @csspart list - A list of rows (`role="list"`).
 * @csspart item - One participant's row (`role="listitem"`); also `local` for yours.
 * @csspart avatar - The initials.
 * @csspart name - The name (with "(you)" on yours).
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

  protected override shouldUpdate(): boolean {
    return !this.hidden;
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const { rows, canModerate } = this.#view.value;
    const query = fold(this.query.trim());
    const filtering = query !== '';
    const shown = filtering
      ? rows.filter((r) => fold(r.name).includes(query) || fold(r.identity).includes(query))
      : rows;
    const grouped = rows.some((r) => r.viewer);
    setState(this.#internals, 'filtering', filtering);
    setState(this.#internals, 'moderator', canModerate);
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
        <div class="scroller">
          ${
            filtering && shown.length === 0
              ? html`<p part="empty">${t.term('participantsNoMatch')}</p>`
              : nothing
          }
          ${
            grouped
              ? html`${this.#renderGroup(
                  t.term('participantsOnStage'),
                  shown.filter((r) => !r.viewer),
                )}${this.#renderGroup(
                  t.term('participantsAudience'),
                  shown.filter((r) => r.viewer),
                )}`
              : shown.length > 0
                ? this.#renderList(shown, t.term('participants'))
                : nothing
          }
        </div>
      </section>
    `;
  }

  #renderGroup(label: string, rows: readonly Row[]): TemplateResult | typeof nothing {
    if (rows.length === 0) return nothing;
    return html`<div part="group">
      <h3 part="group-heading">${label}</h3>
      ${this.#renderList(rows, label)}
    </div>`;
  }

  #renderList(rows: readonly Row[], label: string): TemplateResult {
    return html`<ul part="list" role="list" aria-label=${label}>
      ${repeat(
        rows,
        (r) => r.identity,
        (r) => this.#renderRow(r),
      )}
    </ul>`;
  }

  #renderRow(row: Row): TemplateResult {
    const t = this.#localize;
    const hand = row.hand ? t.term('handRaised', row.hand) : '';
    const mic = row.mic === 'on' ? t.term('microphoneOn') : t.term('microphoneMuted');
    const camera = row.camera === 'on' ? t.term('cameraOn') : t.term('cameraOff');
    return html`<li part=${row.isLocal ? 'item local' : 'item'} data-identity=${row.identity}>
      <div class="main">
        <span part="avatar" aria-hidden="true">${initials(row.name)}</span>
        <span class="who">
          <span part="name">${row.isLocal ? t.term('you', row.name) : row.name}</span>
          ${
            row.host
              ? html`<span part="role host">${t.term('roleHost')}</span>`
              : row.viewer
                ? html`<span part="role viewer">${t.term('roleViewer')}</span>`
                : nothing
          }
        </span>
        <span class="states">
          ${
            row.hand
              ? html`<span part="hand" role="img" aria-label=${hand} title=${hand}
                  ><svg viewBox="0 0 24 24" aria-hidden="true">${icons.hand}</svg>${row.hand}</span
                >`
              : nothing
          }
          ${
            row.mic === 'none'
              ? nothing
              : html`<span
                  part=${row.mic === 'on' ? 'mic' : 'mic off'}
                  role="img"
                  aria-label=${mic}
                  title=${mic}
                  ><svg viewBox="0 0 24 24" aria-hidden="true">
                    ${row.mic === 'on' ? icons.micOn : icons.micOff}
                  </svg></span
                >`
          }
          ${
            row.camera === 'none'
              ? nothing
              : html`<span
                  part=${row.camera === 'on' ? 'camera' : 'camera off'}
                  role="img"
                  aria-label=${camera}
                  title=${camera}
                  ><svg viewBox="0 0 24 24" aria-hidden="true">
                    ${row.camera === 'on' ? icons.camOn : icons.camOff}
                  </svg></span
                >`
          }
        </span>
      </div>
      ${row.isLocal ? nothing : this.#renderControls(row)}
    </li>`;
  }

  #renderControls(row: Row): TemplateResult {
    const t = this.#localize;
    const { canModerate, volumes } = this.#view.value;
    if (canModerate && this.confirming === row.identity) {
      const question = t.term('moderateRemoveConfirm', row.name);
      const busy = this.busy.has(busyKey('remove', row.identity));
      return html`<div
        part="controls confirmation"
        role="group"
        aria-label=${question}
        @keydown=${this.#onConfirmKeyDown}
      >
        <span class="question">${question}</span>
        <button
          part="confirm"
          type="button"
          aria-busy=${busy ? 'true' : 'false'}
          aria-disabled=${busy ? 'true' : nothing}
          @click=${() => void this.#act('remove', row)}
        >
          ${t.term('confirm')}
        </button>
        <button part="cancel" type="button" @click=${() => void this.#cancelRemove(row.identity)}>
          ${t.term('cancel')}
        </button>
      </div>`;
    }
    const volume = volumes[row.identity] ?? 1;
    const volumeLabel = t.term('volumeOf', row.name);
    return html`<div part="controls">
      <label part="volume" title=${volumeLabel}>
        <svg viewBox="0 0 24 24" aria-hidden="true">${icons.volume}</svg>
        <input
          type="range"
          min="0"
          max="100"
          step="1"
          aria-label=${volumeLabel}
          aria-valuetext=${percent(t.lang, volume)}
          .value=${String(Math.round(volume * 100))}
          @input=${(e: Event) => this.#onVolume(row.identity, e)}
        />
      </label>
      ${
        canModerate
          ? html`<div
              part="actions"
              role="group"
              aria-label=${t.term('participantActions', row.name)}
            >
              ${
                row.mic === 'on' && row.micSid
                  ? this.#actionButton(row, 'mute', t.term('moderateMute', row.name), icons.micOff)
                  : nothing
              }
              ${
                row.viewer
                  ? this.#actionButton(
                      row,
                      'promote',
                      t.term('moderatePromote', row.name),
                      icons.stage,
                    )
                  : nothing
              }
              ${
                row.hand
                  ? this.#actionButton(
                      row,
                      'lower-hand',
                      t.term('moderateLowerHand', row.name),
                      icons.hand,
                    )
                  : nothing
              }
              <button
                part="remove"
                type="button"
                aria-label=${t.term('moderateRemove', row.name)}
                title=${t.term('moderateRemove', row.name)}
                @click=${() => void this.#askRemove(row.identity)}
              >
                <svg viewBox="0 0 24 24" aria-hidden="true">${icons.removePerson}</svg>
              </button>
            </div>`
          : nothing
      }
    </div>`;
  }

  #actionButton(
    row: Row,
    action: 'mute' | 'promote' | 'lower-hand',
    label: string,
    icon: (typeof icons)[keyof typeof icons],
  ): TemplateResult {
    const busy = this.busy.has(busyKey(action, row.identity));
    return html`<button
      part=${action}
      type="button"
      aria-label=${label}
      title=${label}
      aria-busy=${busy ? 'true' : 'false'}
      aria-disabled=${busy ? 'true' : nothing}
      @click=${() => void this.#act(action, row)}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true">${icon}</svg>
    </button>`;
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

  #onFilter = (e: Event) => {
    this.query = (e.target as HTMLInputElement).value;
  };

  #onVolume(identity: string, e: Event): void {
    const value = Number((e.target as HTMLInputElement).value);
    this.#view.session?.setVolume(identity, value / 100);
  }
}

define('participant-list', ParticipantList);

declare global {
  interface HTMLElementTagNameMap {
    'participant-list': ParticipantList;
  }
}
