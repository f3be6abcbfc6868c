import { html, type TemplateResult } from 'lit';

/**
 * Stands for a name in a localized term (`t.term('you', NAME_SLOT)`); never part of a display
 * name, whose control characters are removed.
 */
export const NAME_SLOT = '\u0000';

/**
 * A localized term made with `NAME_SLOT`, with `name` put back in its own `<bdi>`: a name in
 * another script (or direction) then cannot reorder the words of the term around it. No bidi
 * control characters are added. A term that does not use the name is returned as it is.
 */
export function withName(term: string, name: string): TemplateResult | string {
  const parts = term.split(NAME_SLOT);
  if (parts.length === 1) return term;
  return html`${parts.map((part, i) => (i === 0 ? part : html`<bdi>${name}</bdi>${part}`))}`;
}
