/**
 * Remote text made fit to show: names and chat messages come from other participants (and the
 * server), who may send anything. Everything here is plain string work (no DOM), so the store
 * computes it once per change and every element shows the same result.
 *
 * What is removed, and why:
 * - bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reverse or
 *   reorder the text after them ("\u202Eexe.tnemucod" reads "document.exe"), and one left open
 *   would reach into whatever the page shows next to it;
 * - control characters (Cc, NUL included); a name keeps none (line breaks and tabs become
 *   spaces), a message keeps its line breaks and tabs;
 * - combining marks past `MAX_MARKS` on one base ("Zalgo" stacks that spill over other lines);
 * - in names only, the directional marks LRM, RLM and ALM (U+200E, U+200F, U+061C). They have no
 *   scope (unlike the controls above) and cannot reverse the letters of a word, but they can
 *   still reorder a short label's words ("txt\u200F.\u200Fexe" shown as "exe.txt"), and a name
 *   never needs them: every element shows a name isolated from its surroundings. A chat message
 *   keeps them: right-to-left writers use them to place punctuation and numbers, their effect
 *   ends at the message's own isolating box, and links are shown as their encoded address
 *   (`segments`), which marks cannot disguise.
 */
import { segments } from './links.js';

/** The most combining marks kept after one base character (Vietnamese needs 2, Hebrew 3). */
export const MAX_MARKS = 3;

const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/gu;
const BIDI_MARKS = /[\u200E\u200F\u061C]/gu;
/** Deprecated format characters (symmetric swapping, digit shapes): nothing needs them. */
const DEPRECATED_FORMAT = /[\u206A-\u206F]/gu;
/** Half a surrogate pair: shown as a broken glyph; becomes U+FFFD. */
const LONE_SURROGATE = /\p{Cs}/gu;
/** Line breaks of every kind (U+2028 and U+2029 are not Cc, but break lines too). */
const LINE_BREAKS = /\r\n|[\n\v\f\r\u0085\u2028\u2029]/gu;
const CONTROLS = /\p{Cc}/gu;
const MARK = /\p{M}/u;
const FORMAT = /\p{Cf}/u;
/**
 * Characters that show nothing by themselves: white space, controls, format characters (zero-width
 * space and joiners, word joiner, BOM, soft hyphen, tags…), default-ignorable ones (Hangul fillers
 * U+115F, U+1160, U+3164, U+FFA0, variation selectors, the combining grapheme joiner…), nonspacing
 * marks with no base, and the blank braille pattern U+2800.
 */
const INVISIBLE =
  /[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}\u2800]/gu;
const INVISIBLE_START =
  /^[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{M}\u2800]+/u;
/** At the end marks stay: they belong to the last letter. */
const INVISIBLE_AT_END = /[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]$/u;

/** Whether `text` shows nothing: empty, or only white space and invisible characters. */
export function isVisiblyEmpty(text: string): boolean {
  return text.replace(INVISIBLE, '') === '';
}

/**
 * A name, or any one-line label from someone else, fit to show: no bidi controls or marks, no
 * control characters (line breaks and tabs become spaces), at most `MAX_MARKS` combining marks on
 * a base, and nothing invisible at either end. Idempotent.
 */
export function sanitizeName(text: string): string {
  const clean = common(text.replace(LINE_BREAKS, ' ').replace(/\t/gu, ' ')).replace(BIDI_MARKS, '');
  return trimInvisibleEnd(capMarks(clean).replace(INVISIBLE_START, ''));
}

/** Without invisible characters at the end (a loop: a `…+$` pattern is quadratic on long runs). */
function trimInvisibleEnd(text: string): string {
  let end = text.length;
  while (end > 0) {
    const unit = text.charCodeAt(end - 1);
    const size = unit >= 0xdc00 && unit <= 0xdfff && end > 1 ? 2 : 1;
    if (!INVISIBLE_AT_END.test(text.slice(end - size, end))) break;
    end -= size;
  }
  return text.slice(0, end);
}

/**
 * A chat message fit to show: no bidi controls, no control characters but line breaks (`\n`)
 * and tabs, at most `MAX_MARKS` combining marks on a base, trimmed. Each link (see `segments`)
 * is written as its real address, percent-encoded where it holds anything but printable ASCII
 * (`https://ok.example/%E2%80%AEfdp.exe`), so what a link says is where it goes. Idempotent.
 */
export function sanitizeMessage(text: string): string {
  const clean = segments(text.replace(LINE_BREAKS, '\n'))
    .map((s) => s.href ?? capMarks(common(s.text)))
    .join('');
  // Again, for an address that only removing a control made whole ("http\u202E://…").
  return segments(clean)
    .map((s) => s.href ?? s.text)
    .join('')
    .trim();
}

/**
 * The name to show for a participant: their name made fit to show (`sanitizeName`), or their
 * identity (made fit too) when the name shows nothing.
 */
export function displayName(name: string | undefined, identity: string): string {
  const shown = sanitizeName(name ?? '');
  return isVisiblyEmpty(shown) ? sanitizeName(identity) : shown;
}

let segmenter: Intl.Segmenter | undefined;

/**
 * The user-perceived characters of `text` (an emoji sequence or a letter with its marks is one);
 * code points where `Intl.Segmenter` is missing, never half a surrogate pair.
 */
export function graphemes(text: string): string[] {
  if (typeof Intl.Segmenter !== 'function') return Array.from(text);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

function common(text: string): string {
  return text
    .normalize('NFC')
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(BIDI_CONTROLS, '')
    .replace(DEPRECATED_FORMAT, '')
    .replace(CONTROLS, (c) => (c === '\n' || c === '\t' ? c : ''));
}

/**
 * At most `MAX_MARKS` combining marks after each base character. Format characters in between
 * (a zero-width joiner) do not start a new count, so they cannot be used to stack more.
 */
function capMarks(text: string): string {
  if (!MARK.test(text)) return text;
  let out = '';
  let marks = 0;
  for (const c of text) {
    if (MARK.test(c)) {
      marks += 1;
      if (marks > MAX_MARKS) continue;
    } else if (!FORMAT.test(c)) {
      marks = 0;
    }
    out += c;
  }
  return out;
}
