/** The focused element, through every shadow root. */
export function deepActive(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The chain of shadow hosts from `node` up to the document. */
export function hostsOf(node: Element): Element[] {
  const hosts: Element[] = [];
  let root = node.getRootNode();
  while (root instanceof ShadowRoot) {
    hosts.push(root.host);
    root = root.host.getRootNode();
  }
  return hosts;
}
