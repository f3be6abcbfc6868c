import { ContextProvider } from '@lit/context';
import type { ReadableAtom } from 'nanostores';
import { sessionContext } from '../../context/session-context.js';
import type { PipOptions, PipView } from '../../session/pip.js';
import type { RoomSession } from '../../session/room-session.js';
import '../control-bar/control-bar.js';
import '../participant-tile/participant-tile.js';
import { bridgeStyles, sheetIn } from './pip-styles.js';
import { pipViewStyles } from './pip-view.styles.js';

/**
 * Puts a compact call into a Document Picture-in-Picture window: the large tile (`view.main`),
 * your own small (`view.self`), and a `<control-bar>` with the microphone, camera and Leave; the
 * session reaches them through context, as inside `<media-room>`. The elements are made by this
 * page's document (so they are this page's custom elements) and then moved into the window, whose
 * shadow roots get copies of their stylesheets (`bridgeStyles`). Resolves once the tiles and the
 * controls have rendered; the function it resolves to takes everything out again (the elements
 * disconnect: their tracks are detached and their subscriptions end).
 */
export async function mountPipView(
  win: Window,
  session: RoomSession,
  view: ReadableAtom<PipView>,
  { from, lang, dir }: Pick<PipOptions, 'from' | 'lang' | 'dir'>,
): Promise<() => void> {
  const pip = win as Window & typeof globalThis;
  const doc = pip.document;
  const offStyles = bridgeStyles(pip);
  doc.adoptedStyleSheets = [sheetIn(pip, pipViewStyles.cssText)];
  const html = doc.documentElement;
  html.lang = lang || inherited(from, 'lang') || document.documentElement.lang || 'en';
  html.dir = dir || inherited(from, 'dir') || document.documentElement.dir || 'ltr';
  doc.title = document.title;

  const root = document.createElement('main');
  root.className = 'pip-call';
  copyTokens(from, root);
  new ContextProvider(root, { context: sessionContext, initialValue: session });
  const stage = document.createElement('div');
  stage.className = 'stage';
  const main = document.createElement('participant-tile');
  main.className = 'main';
  const self = document.createElement('participant-tile');
  self.className = 'self';
  stage.append(main, self);
  const bar = document.createElement('control-bar');
  bar.noDevicePickers = true;
  bar.noScreenShare = true;
  root.append(stage, bar);

  const show = (v: PipView) => {
    main.identity = v.main?.identity ?? '';
    main.source = v.main?.source ?? 'camera';
    main.hidden = !v.main;
    self.identity = v.self ?? '';
    self.hidden = !v.self;
  };
  show(view.get());
  const offView = view.listen(show);
  doc.body.append(root);
  await Promise.all([main.updateComplete, self.updateComplete, bar.updateComplete]);
  return () => {
    offView();
    root.remove();
    doc.adoptedStyleSheets = [];
    offStyles();
  };
}

/** The nearest `lang` or `dir` attribute of `el`, through shadow roots. */
function inherited(el: Element | undefined, attribute: 'lang' | 'dir'): string {
  let node: Node | null | undefined = el;
  while (node) {
    if (node instanceof Element && node.getAttribute(attribute)) {
      return node.getAttribute(attribute)!;
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return '';
}

/** The design tokens (`--mr-*`) and colour scheme in effect where the window was opened from. */
function copyTokens(from: Element | undefined, to: HTMLElement): void {
  if (!from) return;
  const computed = getComputedStyle(from);
  for (let i = 0; i < computed.length; i += 1) {
    const name = computed.item(i);
    if (name.startsWith('--mr-') || name.startsWith('--media-room-')) {
      to.style.setProperty(name, computed.getPropertyValue(name));
    }
  }
  to.style.setProperty('color-scheme', computed.colorScheme || 'dark');
}
