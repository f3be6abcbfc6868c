/**
 * A listener for an announcing (cancelable) event that acts only once every listener had its say
 * and none cancelled it.
 *
 * An element that acts on an event fired inside its own shadow root (`<media-call>` on the
 * `join` of its `<pre-join>`, `<pre-join>` on the `device-change` of its pickers) hears it first,
 * before any listener of the page further out could call `preventDefault()`. `dispatchEvent` is
 * synchronous, so a microtask later the dispatch is over and `defaultPrevented` is final. What
 * must be read during the dispatch (its composed path) is read first and passed along.
 */
export function unlessCancelled<E extends Event, A extends unknown[] = []>(
  act: (event: E, ...read: A) => void,
): (event: E, ...read: A) => void {
  return (event, ...read) => {
    void Promise.resolve().then(() => {
      if (!event.defaultPrevented) act(event, ...read);
    });
  };
}
