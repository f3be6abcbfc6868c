import { noChange } from 'lit';
import {
  Directive,
  directive,
  PartType,
  type AttributePart,
  type DirectiveResult,
  type PartInfo,
} from 'lit/directive.js';

export type CssomStyleInfo = Readonly<Record<string, string | number | undefined | null>>;

/**
 * Lit's `styleMap`, but always through the CSSOM (`style.setProperty`). `styleMap` writes its
 * first render as a `style="…"` attribute, which a Content-Security-Policy without
 * `'unsafe-inline'` styles refuses (`style-src-attr`); setting properties through the CSSOM is
 * allowed. Names are CSS property names (`--x`, `grid-column`; camelCase is converted).
 */
class CssomStyleDirective extends Directive {
  #previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ATTRIBUTE || part.name !== 'style') {
      throw new Error('cssomStyle() belongs on a style attribute binding');
    }
  }

  render(_styles: CssomStyleInfo): unknown {
    return noChange;
  }

  override update(part: AttributePart, [styles]: [CssomStyleInfo]): unknown {
    const { style } = part.element as HTMLElement;
    const next = new Set<string>();
    for (const [key, value] of Object.entries(styles)) {
      if (value === undefined || value === null) continue;
      const name = key.includes('-') ? key : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
      next.add(name);
      style.setProperty(name, String(value));
    }
    for (const name of this.#previous) if (!next.has(name)) style.removeProperty(name);
    this.#previous = next;
    return noChange;
  }
}

/** Style properties for an element, set through the CSSOM only: usable under a strict CSP. */
export const cssomStyle: (styles: CssomStyleInfo) => DirectiveResult<typeof CssomStyleDirective> =
  directive(CssomStyleDirective);
