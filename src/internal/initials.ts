import { graphemes, sanitizeName } from './text.js';

/** Shown when neither the name nor the identity has a letter or digit. */
export const NO_INITIALS = '?';

const LETTER_LIKE = /[\p{L}\p{N}]/u;
const FORMAT = /\p{Cf}/gu;

/**
 * Up to two initials for an avatar: the first letter or digit (a whole grapheme, marks included)
 * of the first and of the last word that have one. Never a control or format character, never
 * half a surrogate pair. A name with none (empty, emoji only) takes the identity's; `NO_INITIALS`
 * when that has none either.
 */
export function initials(name: string, identity = ''): string {
  return initialsOf(name) || initialsOf(identity) || NO_INITIALS;
}

function initialsOf(text: string): string {
  const firsts: string[] = [];
  for (const word of sanitizeName(text).split(/[\s._@-]+/u)) {
    const first = graphemes(word).find((g) => LETTER_LIKE.test(g));
    if (first) firsts.push(first.replace(FORMAT, ''));
  }
  const picked = firsts.length > 1 ? [firsts[0], firsts[firsts.length - 1]] : firsts;
  return picked.join('').toUpperCase();
}
