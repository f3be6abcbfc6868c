/**
 * Register a custom element unless its tag is taken already (a second copy of the library, or an
 * element the page defined itself), so loading twice never throws. Does nothing without a DOM.
 */
export function define(tag: string, ctor: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry || registry.get(tag)) return;
  registry.define(tag, ctor);
}
