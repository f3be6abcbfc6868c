/**
 * Lit gives each shadow root its element's constructed stylesheets (`adoptedStyleSheets`), and a
 * browser refuses a sheet constructed in another document ("Sharing constructed stylesheets in
 * multiple documents is not allowed"); moving a shadow root to another document drops them. So
 * an element that connects inside a picture-in-picture window would throw and show unstyled.
 *
 * While a window is bridged, a shadow root of that window's document given sheets of this one
 * gets copies built in the window (`new win.CSSStyleSheet()` + `replaceSync`), one per sheet,
 * kept while the window is. Constructed sheets are allowed by a Content-Security-Policy without
 * `'unsafe-inline'`, so nothing here needs an inline `<style>`. Only shadow roots inside a
 * bridged window are touched; the setter is put back when the last window goes.
 */

type Setter = (this: ShadowRoot, sheets: readonly CSSStyleSheet[]) => void;

const bridged = new Map<Document, (sheet: CSSStyleSheet) => CSSStyleSheet>();
/** Puts back the setter of this page's `ShadowRoot`, wrapped while any window is bridged. */
let openerPatch: (() => void) | undefined;

/** A copy of `sheet` built in `win` (its rules as text). */
export function sheetIn(win: Window & typeof globalThis, cssText: string): CSSStyleSheet {
  const sheet = new win.CSSStyleSheet();
  sheet.replaceSync(cssText);
  return sheet;
}

const textOf = (sheet: CSSStyleSheet): string =>
  Array.from(sheet.cssRules, (rule) => rule.cssText).join('\n');

/** Start giving shadow roots in `win` copies of their sheets; returns what stops it. */
export function bridgeStyles(win: Window & typeof globalThis): () => void {
  const doc = win.document;
  if (bridged.has(doc)) return () => undefined;
  const copies = new WeakMap<CSSStyleSheet, CSSStyleSheet>();
  bridged.set(doc, (sheet) => {
    if (sheet instanceof win.CSSStyleSheet) return sheet;
    let copy = copies.get(sheet);
    if (!copy) {
      copy = sheetIn(win, textOf(sheet));
      copies.set(sheet, copy);
    }
    return copy;
  });
  // A shadow root made by this page's element is this page's object in Chromium and the window's
  // in Firefox (the realm of its document): the setter of both is wrapped.
  openerPatch ??= patch(ShadowRoot.prototype);
  const own =
    win.ShadowRoot.prototype === ShadowRoot.prototype ? undefined : patch(win.ShadowRoot.prototype);
  return () => {
    bridged.delete(doc);
    own?.();
    if (bridged.size === 0) {
      openerPatch?.();
      openerPatch = undefined;
    }
  };
}

/** Wrap the `adoptedStyleSheets` setter of `proto`; returns what puts it back. */
function patch(proto: ShadowRoot): () => void {
  const own = Object.getOwnPropertyDescriptor(proto, 'adoptedStyleSheets');
  if (!own?.set || !own.get || !own.configurable) return () => undefined;
  const set = own.set as Setter;
  Object.defineProperty(proto, 'adoptedStyleSheets', {
    ...own,
    set(this: ShadowRoot, sheets: readonly CSSStyleSheet[]) {
      const copy = bridged.get(this.ownerDocument);
      set.call(this, copy ? Array.from(sheets, copy) : sheets);
    },
  });
  return () => Object.defineProperty(proto, 'adoptedStyleSheets', own);
}
