import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { define } from '../../internal/define.js';
import { escapeClosesPanel } from '../../internal/panel-close.js';
import type { RoomSnapshot, TranscriptSegment, TranscriptionState } from '../../store/types.js';
import { toPlainText, toWebVTT } from './transcript-format.js';
import { styles } from './transcript-panel.styles.js';

interface View {
  readonly transcription: TranscriptionState | undefined;
  readonly room: string;
}

const selectView = (s: RoomSnapshot): View => ({
  transcription: s.transcription,
  room: s.room.name,
});
const EMPTY: readonly TranscriptSegment[] = Object.freeze([]);
const keyOf = (s: TranscriptSegment) => `${s.sender}\u0000${s.id}`;
/** How close to the end (in pixels) still counts as "at the newest segment". */
const STICK_DISTANCE = 32;

/** Lower case without accents, for a forgiving search (`é` finds `e`, `E` finds `é`). */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();
function timeFormat(lang: string): Intl.DateTimeFormat {
  let format = timeFormats.get(lang);
  if (!format) {
    const options = { hour: 'numeric', minute: '2-digit', second: '2-digit' } as const;
    try {
      format = new Intl.DateTimeFormat(lang, options);
    } catch {
      format = new Intl.DateTimeFormat('en', options);
    }
    timeFormats.set(lang, format);
  }
  return format;
}

/**
 * The call's transcript: every segment of the session in order (the room store keeps the last
 * `TRANSCRIPT_LIMIT`), each with its speaker and the time it began, searchable, and exportable:
 * Copy puts it on the clipboard as plain text, and it downloads as WebVTT (`.vtt`: a numbered cue
 * per segment, timed from the first segment, the speaker as the cue's voice `<v Name>`) or plain
 * text (`[hh:mm:ss] Name: text` a line). Exports hold the whole transcript, whatever the search
 * shows; a segment still being transcribed is exported as it stands.
 *
 * The search field narrows the list to the segments whose text or speaker holds what was typed
 * (ignoring case and accents), and a polite status says how many match. The list is not a live
 * region (`<captions-overlay>` reads the finished segments); interim text shows in italics. While
 * shown, the list follows new segments as long as the reader is at (or near) the end.
 *
 * Escape inside the panel fires `panel-close` (in the search field holding text, it clears the
 * field first); the panel does not hide itself. `<media-call>` hides it and gives focus back to
 * its `<transcript-toggle>`. `focus()` moves focus to the search field.
 *
 * @tag transcript-panel
 * @summary The call's transcript: searchable, with copy and WebVTT or text download.
 *
 * @csspart base - The wrapper (a region named "Transcript").
 * @csspart filter - The search field.
 * @csspart actions - The group of the Copy and Download buttons.
 * @csspart copy - The Copy button.
 * @csspart download-vtt - The Download WebVTT button.
 * @csspart download-text - The Download text button.
 * @csspart status - The polite status: how many segments match, or what Copy did (class `error` when it failed).
 * @csspart list - The list of segments.
 * @csspart segment - One segment (with `interim` while it may still change).
 * @csspart interim - A segment that may still change (with `segment`).
 * @csspart meta - The line with the speaker and the time.
 * @csspart speaker - The speaker's name (or "You").
 * @csspart time - When the segment began (`<time>`).
 * @csspart text - The segment's text.
 * @csspart empty - The line shown while there is nothing (or nothing matching) to show.
 *
 * @cssproperty --transcript-panel-background - Background of the element.
 *
 * @event panel-close - Escape was pressed inside the panel: close it (the panel does not hide itself). Cancelable: `<media-call>` then keeps it open. `PanelCloseEvent`.
 */
export class TranscriptPanel extends LitElement {
  static override styles = styles;

  /** The search text. */
  @state() private query = '';
  /** What the last Copy did. */
  @state() private copied: 'ok' | 'failed' | undefined;

  readonly #t = new LocalizeController(this);
  readonly #view = new StoreController<View>(this, selectView, {
    fallback: { transcription: undefined, room: '' },
  });
  #stick = true;
  /** Object URLs of downloads not yet revoked (revoked once the download has begun). */
  readonly #urls = new Set<string>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();

  constructor() {
    super();
    this.addEventListener('keydown', this.#onKeyDown);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
    for (const url of this.#urls) URL.revokeObjectURL(url);
    this.#urls.clear();
  }

  /** Moves focus to the search field. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLInputElement>('[part="filter"]')?.focus(options);
  }

  /** The whole transcript as WebVTT. */
  toWebVTT(): string {
    const t = this.#view.value.transcription;
    return toWebVTT(this.#named(t?.segments ?? EMPTY), t?.since);
  }

  /** The whole transcript as plain text. */
  toPlainText(): string {
    const t = this.#view.value.transcription;
    return toPlainText(this.#named(t?.segments ?? EMPTY), t?.since);
  }

  /** Segments with the local speaker named as shown ("You"). */
  #named(segments: readonly TranscriptSegment[]): readonly TranscriptSegment[] {
    const you = this.#t.term('captionsYou');
    return segments.map((s) => (s.isLocal ? { ...s, speakerName: you } : s));
  }

  get #list(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part="list"]');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const list = this.#list;
    if (list && list.clientHeight > 0) this.#stick = isAtEnd(list);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const list = this.#list;
    if (list && this.#stick) list.scrollTop = list.scrollHeight;
  }

  override render(): TemplateResult {
    const t = this.#t;
    const segments = this.#view.value.transcription?.segments ?? EMPTY;
    const key = fold(this.query.trim());
    const shown =
      key === ''
        ? segments
        : segments.filter((s) => fold(s.text).includes(key) || fold(s.speakerName).includes(key));
    const format = shown.length > 0 ? timeFormat(t.lang) : undefined;
    const status =
      this.copied === 'ok'
        ? t.term('transcriptCopied')
        : this.copied === 'failed'
          ? t.term('transcriptCopyFailed')
          : key !== ''
            ? t.term('transcriptMatches', shown.length, segments.length)
            : '';
    const none = segments.length === 0;
    return html`
      <section part="base" aria-label=${t.term('transcript')}>
        <input
          part="filter"
          type="search"
          aria-label=${t.term('transcriptSearch')}
          placeholder=${t.term('transcriptSearch')}
          .value=${this.query}
          @input=${this.#onFilter}
        />
        <div part="actions" role="group" aria-label=${t.term('transcriptExport')}>
          <button part="copy" type="button" ?disabled=${none} @click=${this.#onCopy}>
            ${t.term('transcriptCopy')}
          </button>
          <button part="download-vtt" type="button" ?disabled=${none} @click=${this.#onVtt}>
            ${t.term('transcriptDownloadVtt')}
          </button>
          <button part="download-text" type="button" ?disabled=${none} @click=${this.#onText}>
            ${t.term('transcriptDownloadText')}
          </button>
        </div>
        <p
          part="status"
          class=${this.copied === 'failed' ? 'error' : ''}
          role="status"
          aria-live="polite"
        >
          ${status}
        </p>
        ${
          shown.length === 0
            ? html`<p part="empty">
                ${none ? t.term('transcriptEmpty') : t.term('transcriptNoMatch')}
              </p>`
            : nothing
        }
        <ol
          part="list"
          tabindex="0"
          aria-label=${t.term('transcriptSegments')}
          ?hidden=${shown.length === 0}
          @scroll=${this.#onScroll}
        >
          ${repeat(shown, keyOf, (s) => this.#renderSegment(s, format!))}
        </ol>
      </section>
    `;
  }

  #renderSegment(s: TranscriptSegment, format: Intl.DateTimeFormat): TemplateResult {
    const t = this.#t;
    const date = new Date(s.startedAt);
    const speaker = s.isLocal ? t.term('captionsYou') : s.speakerName;
    return html`<li part=${s.final ? 'segment' : 'segment interim'}>
      <div part="meta">
        <span part="speaker" dir="auto" title=${speaker}>${speaker}</span>
        <time part="time" datetime=${date.toISOString()}>${format.format(date)}</time>
        ${s.final ? nothing : html`<span class="visually-hidden">${t.term('transcriptInterim')}</span>`}
      </div>
      <p part="text" dir="auto">${s.text}</p>
    </li>`;
  }

  /**
   * Put the whole transcript on the clipboard as plain text. Resolves `true` once copied; `false`
   * when there is nothing to copy or the browser refused (the status says so).
   */
  async copy(): Promise<boolean> {
    const text = this.toPlainText();
    if (text === '') return false;
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      this.copied = 'ok';
      return true;
    } catch {
      this.copied = 'failed';
      return false;
    }
  }

  /** Download the whole transcript as `format` (`vtt` or `txt`), through an object URL. */
  download(format: 'vtt' | 'txt'): void {
    const text = format === 'vtt' ? this.toWebVTT() : this.toPlainText();
    const type = format === 'vtt' ? 'text/vtt' : 'text/plain';
    const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
    this.#urls.add(url);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${fileStem(this.#view.value.room)}.${format}`;
    a.hidden = true;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    // Revoked once the browser has taken the download (it reads the URL after this task).
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.#urls.delete(url);
      URL.revokeObjectURL(url);
    }, 0);
    this.#timers.add(timer);
  }

  #onCopy = () => void this.copy();
  #onVtt = () => this.download('vtt');
  #onText = () => this.download('txt');

  #onFilter = (e: Event) => {
    this.query = (e.target as HTMLInputElement).value;
    this.copied = undefined;
  };

  #onScroll = (e: Event) => {
    this.#stick = isAtEnd(e.currentTarget as HTMLElement);
  };

  #onKeyDown = (e: KeyboardEvent) => {
    // In the search field holding text, Escape clears it first (in every browser).
    const from = e.composedPath()[0];
    if (e.key === 'Escape' && from instanceof HTMLInputElement && from.value !== '') {
      e.preventDefault();
      this.query = '';
      return;
    }
    escapeClosesPanel(this, e);
  };
}

function isAtEnd(el: HTMLElement): boolean {
  return el.scrollHeight - el.scrollTop - el.clientHeight <= STICK_DISTANCE;
}

/** A file name for the transcript of `room`: `transcript-<room>` (letters, digits, - and _). */
function fileStem(room: string): string {
  const safe = room
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 60);
  return safe ? `transcript-${safe}` : 'transcript';
}

define('transcript-panel', TranscriptPanel);

declare global {
  interface HTMLElementTagNameMap {
    'transcript-panel': TranscriptPanel;
  }
}
