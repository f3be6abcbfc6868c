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
let original: PropertyDescriptor | undefined;

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
  install();
  return () => {
    bridged.delete(doc);
    if (bridged.size === 0) uninstall();
  };
}

function install(): void {
  if (original) return;
  const proto = ShadowRoot.prototype;
  const own = Object.getOwnPropertyDescriptor(proto, 'adoptedStyleSheets');
  if (!own?.set || !own.get || !own.configurable) return;
  original = own;
  const set = own.set as Setter;
  Object.defineProperty(proto, 'adoptedStyleSheets', {
    ...own,
    set(this: ShadowRoot, sheets: readonly CSSStyleSheet[]) {
      const copy = bridged.get(this.ownerDocument);
      set.call(this, copy ? Array.from(sheets, copy) : sheets);
    },
  });
}

function uninstall(): void {
  if (!original) return;
  Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', original);
  original = undefined;
}
