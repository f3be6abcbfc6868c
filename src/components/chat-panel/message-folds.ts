import { segments, type Segment } from '../../internal/links.js';

/**
 * How many lines a folded message shows. The styles clamp a message's text to this many line
 * heights (`[part='text']` in chat-panel.styles.ts says the same number).
 */
export const FOLD_LINES = 12;

/**
 * The narrowest average glyph, in em, assumed when estimating how much text fills the fold. Latin
 * text averages about 0.5em, CJK 1em; text narrower than this (a run of `i` or of spaces) does not
 * fill the fold with the estimate, and the estimate is then doubled until it does.
 */
const GLYPH_EM = 0.4;

/** One message's text, split once, and how it is folded. */
export interface Fold {
  /** The id of the message's text element (for `aria-controls`). */
  readonly id: string;
  readonly text: string;
  /** The whole text split into text and links (`segments`), once per text. */
  readonly segments: readonly Segment[];
  /** The text is taller than the fold (measured): it shows folded, with a Show more button. */
  overflows: boolean;
  /** The reader unfolded it. */
  expanded: boolean;
  /** The text goes past the end of line `FOLD_LINES + 1` (by line breaks) here, or `text.length`. */
  lineEnd: number;
  /** The estimate that filled too little was doubled this many times. */
  grown: number;
  /** How many characters the last render showed (`shown`). */
  shownLength: number;
  /** The length last measured, or -1: the text must be measured after the next render. */
  measured: number;
  /** `shown` memoized: the segments of the first `cutAt` characters. */
  cutAt: number;
  cut: readonly Segment[];
}

/** Where line `lines + 1` ends: after its line break, or at the end of the text. */
function lineEnd(text: string, lines: number): number {
  let at = -1;
  for (let n = 0; n <= lines; n += 1) {
    at = text.indexOf('\n', at + 1);
    if (at < 0) return text.length;
  }
  return at + 1;
}

/** The first `length` characters of a split text. A link cut short becomes text: it goes nowhere. */
function cutSegments(all: readonly Segment[], length: number): Segment[] {
  const out: Segment[] = [];
  let left = length;
  for (const s of all) {
    if (left <= 0) break;
    if (s.text.length <= left) out.push(s);
    else out.push({ text: s.text.slice(0, left) });
    left -= s.text.length;
  }
  return out;
}

/**
 * The folding of long chat messages: each message is split into text and links once (memoized by
 * sender, id and text), and a folded message puts in the DOM only about as much text as fills its
 * fold (so neither layout nor a screen reader goes through 70,000 characters). Whether a message
 * folds is decided by its rendered height (`measure`), not by counting characters.
 */
export class MessageFolds {
  readonly #folds = new Map<string, Fold>();
  readonly #byId = new Map<string, Fold>();
  #next = 0;
  /** About how many characters fill the fold at the log's width (see `resize`). */
  #chars = 2400;
  /** The log's width `#chars` was estimated for. */
  #width = 0;

  /** The fold of one message, made when the message (or its text) is new. */
  get(key: string, text: string): Fold {
    const old = this.#folds.get(key);
    if (old?.text === text) return old;
    const id = old?.id ?? `text-${(this.#next += 1)}`;
    const fold: Fold = {
      id,
      text,
      segments: segments(text),
      overflows: old?.overflows ?? false,
      expanded: old?.expanded ?? false,
      lineEnd: lineEnd(text, FOLD_LINES),
      grown: 0,
      shownLength: -1,
      measured: -1,
      cutAt: -1,
      cut: [],
    };
    this.#folds.set(key, fold);
    this.#byId.set(id, fold);
    return fold;
  }

  /** The fold with this text element id. */
  byId(id: string): Fold | undefined {
    return this.#byId.get(id);
  }

  /** What the message shows: all of it when unfolded, else about what fills the fold. */
  shown(fold: Fold): readonly Segment[] {
    const limit = fold.expanded ? fold.text.length : this.#limit(fold);
    fold.shownLength = limit;
    if (limit >= fold.text.length) return fold.segments;
    if (fold.cutAt !== limit) {
      fold.cutAt = limit;
      fold.cut = cutSegments(fold.segments, limit);
    }
    return fold.cut;
  }

  #limit(fold: Fold): number {
    return Math.min(fold.text.length, fold.lineEnd, this.#chars * 2 ** fold.grown);
  }

  /**
   * Reads the text element of a message after a render that changed what it shows. Returns true
   * when the message must render again (it folds or unfolds, or it needs more text to fill its
   * fold). A hidden element is measured once shown.
   */
  measure(fold: Fold, el: HTMLElement): boolean {
    if (fold.expanded || fold.measured === fold.shownLength) return false;
    if (el.clientHeight === 0) return false;
    fold.measured = fold.shownLength;
    // The text is clamped (`max-height`) while folded: taller content overflows it.
    const overflows = el.scrollHeight > el.clientHeight + 1;
    let again = overflows !== fold.overflows;
    fold.overflows = overflows;
    if (!overflows && fold.shownLength < fold.text.length) {
      // Too little text to fill the fold: show more of it (each step shows strictly more).
      if (fold.shownLength >= fold.lineEnd) fold.lineEnd = fold.text.length;
      else fold.grown += 1;
      again = true;
    }
    return again;
  }

  /**
   * The log's width changed: estimate anew how much text fills a fold, and
   * measure every message again. Returns true when messages must render again.
   */
  resize(log: HTMLElement): boolean {
    const width = log.clientWidth;
    if (width === 0 || width === this.#width) return false;
    this.#width = width;
    const font = parseFloat(getComputedStyle(log).fontSize) || 16;
    // A message is at most 85% of the log wide (chat-panel.styles.ts).
    const perLine = Math.ceil((width * 0.85) / (GLYPH_EM * font));
    this.#chars = FOLD_LINES * Math.max(perLine, 1);
    for (const fold of this.#folds.values()) {
      fold.measured = -1;
      fold.grown = 0;
    }
    return this.#folds.size > 0;
  }

  /** Forgets the messages no longer in the chat (an edit to nothing takes one away). */
  keepOnly(keys: ReadonlySet<string>): void {
    if (this.#folds.size <= keys.size) return;
    for (const [key, fold] of this.#folds) {
      if (keys.has(key)) continue;
      this.#folds.delete(key);
      this.#byId.delete(fold.id);
    }
  }
}
