import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sessionContext } from '../context/session-context.js';
import type { RoomSession } from '../session/room-session.js';
import { en, type MessageKey, type Messages, type PartialMessages } from '../locales/en.js';

type Host = ReactiveControllerHost & HTMLElement;
/** Keys whose term is plain text (no parameters). */
type TextKey = { [K in MessageKey]: Messages[K] extends string ? K : never }[MessageKey];
type Args<K extends MessageKey> = Messages[K] extends (...args: infer A) => string ? A : [];

const locales = new Map<string, Messages>([['en', en]]);

/**
 * The bundled locales other than English, each loaded the first time a page asks for its language
 * (a bundler makes each one a chunk of its own): an English page never downloads them.
 */
const bundled: Record<string, () => Promise<Messages>> = {
  de: () => import('../locales/de.js').then((m) => m.de),
  fr: () => import('../locales/fr.js').then((m) => m.fr),
  es: () => import('../locales/es.js').then((m) => m.es),
  ja: () => import('../locales/ja.js').then((m) => m.ja),
  ar: () => import('../locales/ar.js').then((m) => m.ar),
};
const loading = new Map<string, Promise<void>>();
/** Languages written right to left, for the moment before (or without) their locale. */
const RTL = new Set(['ar', 'fa', 'he', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

/** Add or replace a locale, keyed by its `$code` (`pt-BR`, `fr`, …). Connected elements update. */
export function registerLocale(messages: Messages): void {
  locales.set(messages.$code.toLowerCase(), messages);
  for (const host of hosts) host.requestUpdate();
}

/**
 * Loads the bundled locale for `lang` (`de`, `de-AT`, …) if there is one and it is not loaded yet;
 * resolves once elements have it (they update by themselves). Elements call this on their own when
 * they meet a language, rendering English until it arrives; a page that wants no English flash
 * awaits it before showing them. Resolves at once for English, a registered locale or an unknown
 * language (which stays English).
 */
export function loadLocale(lang: string): Promise<void> {
  const code = lang.toLowerCase();
  if (locales.has(code)) return Promise.resolve();
  const base = code.split('-')[0] ?? '';
  if (locales.has(base) || !Object.hasOwn(bundled, base)) return Promise.resolve();
  let pending = loading.get(base);
  if (!pending) {
    pending = bundled[base]!().then(
      (messages) => {
        if (!locales.has(base)) registerLocale(messages);
      },
      // A chunk that fails to load (offline, blocked) leaves the page in English; asking again
      // later tries again.
      () => void loading.delete(base),
    );
    loading.set(base, pending);
  }
  return pending;
}

const hosts = new Set<Host>();
let observer: MutationObserver | undefined;

/** One observer for the whole page, made when the first element connects (never at import). */
function watchLang(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver(() => {
    for (const host of hosts) host.requestUpdate();
  });
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang', 'dir'],
    subtree: true,
  });
}

/** The nearest `lang`/`dir` attribute, looking through shadow roots up to `<html>`. */
function inherited(el: Element, attribute: 'lang' | 'dir'): string {
  let node: Element | null = el;
  while (node) {
    const found = node.closest(`[${attribute}]`);
    if (found) return found.getAttribute(attribute) ?? '';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return '';
}

function lookup(lang: string): Messages {
  const code = lang.toLowerCase();
  const found = locales.get(code) ?? locales.get(code.split('-')[0] ?? '');
  if (found) return found;
  void loadLocale(code);
  return en;
}

/**
 * Gives an element its strings in the page's language. `lang` and `dir` come from the element or
 * its nearest ancestor (across shadow roots) or `<html>`; any change to them re-renders.
 *
 * A term in the session's string overrides (`<media-room>`'s `strings`, which reach every element
 * inside it through the same context as the store) wins over the locale's, whatever the language;
 * a new set of overrides re-renders the elements that use them.
 */
export class LocalizeController implements ReactiveController {
  readonly #host: Host;
  #session: RoomSession | undefined;
  #overrides: PartialMessages | undefined;
  #off: (() => void) | undefined;

  /**
   * `session`: for the element that provides the session itself (`<media-room>`); every other
   * element finds it through context.
   */
  constructor(host: Host, options: { session?: () => RoomSession | undefined } = {}) {
    this.#host = host;
    host.addController(this);
    if (options.session) {
      const get = options.session;
      this.#useSession = () => get();
    } else {
      new ContextConsumer(host, {
        context: sessionContext,
        subscribe: true,
        callback: (session) => this.#setSession(session),
      });
    }
  }

  #useSession: (() => RoomSession | undefined) | undefined;

  hostConnected(): void {
    hosts.add(this.#host);
    watchLang();
    if (this.#useSession) this.#session = this.#useSession();
    this.#watch();
  }

  hostDisconnected(): void {
    hosts.delete(this.#host);
    this.#off?.();
    this.#off = undefined;
  }

  #setSession(session: RoomSession | undefined): void {
    if (session === this.#session) return;
    this.#off?.();
    this.#off = undefined;
    this.#session = session;
    this.#overrides = undefined;
    if (this.#host.isConnected) this.#watch();
    this.#host.requestUpdate();
  }

  #watch(): void {
    if (this.#off || !this.#session) return;
    this.#off = this.#session.$strings.subscribe((strings) => {
      const changed = this.#overrides !== undefined;
      this.#overrides = strings as PartialMessages;
      if (changed) this.#host.requestUpdate();
    });
  }

  get lang(): string {
    return inherited(this.#host, 'lang') || 'en';
  }

  get dir(): 'ltr' | 'rtl' {
    const dir = inherited(this.#host, 'dir');
    if (dir === 'rtl' || dir === 'ltr') return dir;
    const code = this.lang.toLowerCase();
    const loaded = locales.get(code) ?? locales.get(code.split('-')[0] ?? '');
    // Before its locale has loaded, a right-to-left language is already laid out right to left.
    if (!loaded) return RTL.has(code.split('-')[0] ?? '') ? 'rtl' : 'ltr';
    return loaded.$dir === 'rtl' ? 'rtl' : 'ltr';
  }

  /**
   * A string looked up by a key built at run time (`error:${code}`, `reason:${reason}`), or the
   * `fallback` term when no locale has it.
   */
  termFor(key: string, fallback: TextKey): string {
    const value =
      this.#overrides?.[key] ??
      (lookup(this.lang) as Record<string, unknown>)[key] ??
      (en as Record<string, unknown>)[key];
    return typeof value === 'string' ? value : (this.term as (k: TextKey) => string)(fallback);
  }

  term<K extends MessageKey>(key: K, ...args: Args<K>): string {
    const value = (this.#overrides?.[key] ?? lookup(this.lang)[key] ?? en[key]) as
      string | ((...a: Args<K>) => string);
    return typeof value === 'function' ? value(...args) : value;
  }
}
