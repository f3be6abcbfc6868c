/**
 * The autoloader: defines only the elements a page uses, each when it first appears.
 *
 * `autoload()` looks for every tag of this library under `root` (the document by default), imports
 * the module of each one found, and keeps watching for tags added later. It returns a function
 * that stops watching. Importing this module does nothing by itself; the CDN's
 * `dist/cdn/autoload.js` calls `autoload()` for you:
 *
 * ```html
 * <script type="module" src="https://cdn.example/media-room-elements/cdn/autoload.js"></script>
 * <media-room token-url="/api/rooms/standup/join"></media-room>
 * ```
 *
 * Elements that others render inside their shadow roots (the default UI of `<media-room>`) are
 * imported by the element that renders them, so only tags in your own markup matter here.
 */

/** The module that defines each tag (a test keeps this in step with custom-elements.json). */
export const loaders: Readonly<Record<string, () => Promise<unknown>>> = {
  'audio-visualizer': () => import('./components/audio-visualizer/audio-visualizer.js'),
  'captions-overlay': () => import('./components/captions-overlay/captions-overlay.js'),
  'captions-toggle': () => import('./components/captions-toggle/captions-toggle.js'),
  'chat-panel': () => import('./components/chat-panel/chat-panel.js'),
  'chat-toggle': () => import('./components/chat-toggle/chat-toggle.js'),
  'connection-banner': () => import('./components/connection-banner/connection-banner.js'),
  'connection-quality': () => import('./components/connection-quality/connection-quality.js'),
  'control-bar': () => import('./components/control-bar/control-bar.js'),
  'deafen-button': () => import('./components/deafen-button/deafen-button.js'),
  'device-picker': () => import('./components/device-picker/device-picker.js'),
  'hand-raise-button': () => import('./components/hand-raise-button/hand-raise-button.js'),
  'knock-notices': () => import('./components/knock-notices/knock-notices.js'),
  'layout-grid': () => import('./components/layout-grid/layout-grid.js'),
  'leave-button': () => import('./components/leave-button/leave-button.js'),
  'media-call': () => import('./components/media-call/media-call.js'),
  'media-room': () => import('./components/media-room/media-room.js'),
  'participant-list': () => import('./components/participant-list/participant-list.js'),
  'participant-tile': () => import('./components/participant-tile/participant-tile.js'),
  'participants-toggle': () => import('./components/participants-toggle/participants-toggle.js'),
  'pip-button': () => import('./components/pip-button/pip-button.js'),
  'background-picker': () => import('./components/background-picker/background-picker.js'),
  'pre-join': () => import('./components/pre-join/pre-join.js'),
  'reaction-button': () => import('./components/reaction-button/reaction-button.js'),
  'recording-indicator': () => import('./components/recording-indicator/recording-indicator.js'),
  'room-audio': () => import('./components/room-audio/room-audio.js'),
  'screen-share-button': () => import('./components/screen-share-button/screen-share-button.js'),
  'start-audio': () => import('./components/start-audio/start-audio.js'),
  'track-toggle': () => import('./components/track-toggle/track-toggle.js'),
  'transcript-panel': () => import('./components/transcript-panel/transcript-panel.js'),
  'transcript-toggle': () => import('./components/transcript-toggle/transcript-toggle.js'),
  'waiting-screen': () => import('./components/waiting-screen/waiting-screen.js'),
  'voice-settings': () => import('./components/voice-settings/voice-settings.js'),
};

const TAGS = Object.keys(loaders);
const SELECTOR = TAGS.join(',');

/**
 * Define every library element found under `root` now or later. Resolves each load once; a tag
 * that is already defined (by the full bundle, say) is not loaded again.
 */
export function autoload(root: Document | Element | DocumentFragment = document): () => void {
  const started = new Set<string>();
  const load = (tag: string): void => {
    if (started.has(tag) || customElements.get(tag)) return;
    started.add(tag);
    loaders[tag]!().catch((error: unknown) => {
      started.delete(tag);
      console.error(`media-room-elements: <${tag}> could not be loaded`, error);
    });
  };
  const scan = (node: ParentNode): void => {
    for (const el of node.querySelectorAll(SELECTOR)) load(el.localName);
  };
  const visit = (node: Node): void => {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (el.localName in loaders) load(el.localName);
    scan(el);
  };

  if (root instanceof Element) visit(root);
  else scan(root);
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) visit(node);
  });
  observer.observe(root, { childList: true, subtree: true });
  return () => observer.disconnect();
}
