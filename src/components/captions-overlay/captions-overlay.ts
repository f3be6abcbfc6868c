import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { define } from '../../internal/define.js';
import type { RoomSnapshot, TranscriptSegment } from '../../store/types.js';
import { styles } from './captions-overlay.styles.js';

const EMPTY: readonly TranscriptSegment[] = Object.freeze([]);
const selectSegments = (s: RoomSnapshot) => s.transcription?.segments ?? EMPTY;
const keyOf = (s: TranscriptSegment) => `${s.sender}\u0000${s.id}`;

/** The segments looked at for newly settled ones (finals arrive at the end). */
const RECENT = 10;
/** The most characters of one segment shown (its end: the newest words). */
const SHOWN_CHARS = 240;
/** Announced segments kept in the live region. */
const ANNOUNCED = 3;

/**
 * Live captions over the call: the last few segments of speech (`lines`, 3 by default), each with
 * its speaker's name, the newest at the bottom, from the room store's `transcription` (LiveKit's
 * `lk.transcription` text streams). Interim text shows as it arrives (in italics) and is replaced
 * as the transcriber refines it; a long segment shows its newest words.
 *
 * Readable over video: white text on a near-black backdrop (`--captions-overlay-background`),
 * sized with the window (`--captions-overlay-font-size`). It lets pointer events through to the
 * tiles under it. New lines fade in, except with `prefers-reduced-motion: reduce`. Each name and
 * text is direction-isolated (`dir="auto"`): Arabic or Hebrew reads right to left whatever the
 * page's direction.
 *
 * Screen readers: the visible lines are hidden from them (interim text changes many times a
 * second); instead a polite live region reads each segment once, when it is final ("Ada: Hello").
 * Segments already final when the element appears are not read.
 *
 * `<media-call>` shows it over the tiles while its `<captions-toggle>` is pressed.
 *
 * @tag captions-overlay
 * @summary Live captions: the last lines of speech with the speaker's name.
 *
 * @csspart base - The backdrop holding the lines (hidden while there are none).
 * @csspart line - One segment (with `interim` while it may still change).
 * @csspart interim - A segment that may still change (with `line`).
 * @csspart speaker - The speaker's name.
 * @csspart text - The segment's text.
 *
 * @cssproperty --captions-overlay-font-size - Size of the captions.
 * @cssproperty --captions-overlay-background - The backdrop behind the lines.
 * @cssproperty --captions-overlay-color - Colour of the text.
 * @cssproperty --captions-overlay-speaker-color - Colour of the speakers' names.
 * @cssproperty --captions-overlay-max-width - Widest the backdrop grows.
 * @cssproperty --captions-overlay-max-height - Tallest the backdrop grows (older lines leave at the top).
 */
export class CaptionsOverlay extends LitElement {
  static override styles = styles;

  /** How many segments to show (1 to 6). */
  @property({ type: Number }) lines = 3;

  readonly #localize = new LocalizeController(this);
  readonly #segments = new StoreController<readonly TranscriptSegment[]>(this, selectSegments, {
    fallback: EMPTY,
  });
  /** Final text already seen, by segment key (only of the recent segments). */
  #seen = new Map<string, string>();
  /** Segments read out by the live region, oldest first. */
  #announced: readonly TranscriptSegment[] = EMPTY;
  /**
   * Set by the first update after connecting to a store: what is final by then is not read out.
   */
  #primed = false;
  #primedFor: unknown;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#primed = false;
    this.#primedFor = undefined;
    this.#seen.clear();
    this.#announced = EMPTY;
  }

  protected override willUpdate(): void {
    if (this.#segments.store !== this.#primedFor) {
      this.#primedFor = this.#segments.store;
      this.#primed = false;
    }
    const recent = this.#segments.value.slice(-RECENT);
    const seen = new Map<string, string>();
    const announce: TranscriptSegment[] = [];
    for (const s of recent) {
      const key = keyOf(s);
      if (!s.final) continue;
      seen.set(key, s.text);
      if (this.#primed && this.#seen.get(key) !== s.text) announce.push(s);
    }
    this.#seen = seen;
    if (announce.length > 0) this.#announced = [...this.#announced, ...announce].slice(-ANNOUNCED);
    this.#primed = true;
  }

  #speaker(s: TranscriptSegment): string {
    return s.isLocal ? this.#localize.term('captionsYou') : s.speakerName;
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const count = Math.min(6, Math.max(1, Math.floor(this.lines) || 3));
    const shown = this.#segments.value.slice(-count);
    return html`
      <div part="base" aria-hidden="true" ?hidden=${shown.length === 0}>
        ${repeat(shown, keyOf, (s) => {
          const text = s.text.length > SHOWN_CHARS ? `…${tail(s.text)}` : s.text;
          return html`<p part=${s.final ? 'line' : 'line interim'}>
            <span part="speaker" dir="auto">${this.#speaker(s)}</span
            ><span part="text" dir="auto">${text}</span>
          </p>`;
        })}
      </div>
      <div class="visually-hidden" role="log" aria-live="polite" aria-label=${t.term('captions')}>
        ${repeat(
          this.#announced,
          (s) => `${keyOf(s)}\u0000${s.text}`,
          (s) => html`<p>${t.term('captionLine', this.#speaker(s), s.text)}</p>`,
        )}
      </div>
    `;
  }
}

/** The end of a long text, from a word boundary where there is one. */
function tail(text: string): string {
  const end = text.slice(-SHOWN_CHARS);
  const space = end.indexOf(' ');
  return space > 0 && space < 40 ? end.slice(space + 1) : end;
}

define('captions-overlay', CaptionsOverlay);

declare global {
  interface HTMLElementTagNameMap {
    'captions-overlay': CaptionsOverlay;
  }
}
