import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';
import { sessionContext } from '../context/session-context.js';
import type { RoomSession } from '../session/room-session.js';
import type { Equality, RoomStore, Selector } from '../store/room-store.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Selects a slice of the room store for an element and re-renders it only when that slice changed.
 *
 * The session comes from the nearest `<media-room>` (through context) unless one is given with
 * `setSession`; the controller follows the session's current store (a new Room brings a new one).
 * The subscription starts in `hostConnected` and ends in `hostDisconnected`. Elements act through
 * `session`.
 */
export class StoreController<T> implements ReactiveController {
  readonly #host: Host;
  #selector: Selector<T>;
  readonly #equals: Equality<T> | undefined;
  #session: RoomSession | undefined;
  #store: RoomStore | undefined;
  #slice: ReadableAtom<T> | undefined;
  #unsubscribe: (() => void) | undefined;
  #offSession: (() => void) | undefined;
  #fallback: T;

  constructor(
    host: Host,
    selector: Selector<T>,
    options: {
      equals?: Equality<T>;
      fallback: T;
      /** The session to follow, for the element that provides it (`<media-room>`): no context. */
      session?: RoomSession;
    },
  ) {
    this.#host = host;
    this.#selector = selector;
    this.#equals = options.equals;
    this.#fallback = options.fallback;
    if (options.session) {
      this.#session = options.session;
      this.#store = options.session.$store.get() as RoomStore | undefined;
    } else {
      new ContextConsumer(host, {
        context: sessionContext,
        subscribe: true,
        callback: (session) => this.setSession(session),
      });
    }
    host.addController(this);
  }

  /** The selected value; the fallback while there is no store. */
  get value(): T {
    return this.#slice ? this.#slice.get() : this.#fallback;
  }

  /** The session the element acts through (undefined outside a `<media-room>`). */
  get session(): RoomSession | undefined {
    return this.#session;
  }

  get store(): RoomStore | undefined {
    return this.#store;
  }

  setSession(session: RoomSession | undefined): void {
    if (session === this.#session) return;
    this.#offSession?.();
    this.#offSession = undefined;
    this.#session = session;
    if (this.#host.isConnected) this.#watchSession();
    else this.#setStore(session?.$store.get() as RoomStore | undefined);
  }

  /** Select something else (say, when the element's `identity` changed). */
  select(selector: Selector<T>): void {
    this.#selector = selector;
    if (!this.#unsubscribe) return;
    this.#stop();
    this.#start();
  }

  hostConnected(): void {
    this.#watchSession();
    this.#start();
  }

  hostDisconnected(): void {
    this.#offSession?.();
    this.#offSession = undefined;
    this.#stop();
  }

  #watchSession(): void {
    if (this.#offSession || !this.#session) return;
    this.#offSession = this.#session.$store.subscribe((store) =>
      this.#setStore(store as RoomStore | undefined),
    );
  }

  #setStore(store: RoomStore | undefined): void {
    if (store === this.#store) return;
    this.#stop();
    this.#store = store;
    if (this.#host.isConnected) this.#start();
    this.#host.requestUpdate();
  }

  #start(): void {
    if (!this.#store || this.#unsubscribe) return;
    this.#slice = this.#store.select(this.#selector, this.#equals);
    this.#unsubscribe = this.#slice.listen(() => this.#host.requestUpdate());
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#slice = undefined;
  }
}
