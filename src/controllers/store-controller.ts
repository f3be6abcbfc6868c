import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableAtom } from 'nanostores';
import { roomContext } from '../context/room-context.js';
import type { Equality, RoomStore, Selector } from '../store/room-store.js';

type Host = ReactiveControllerHost & HTMLElement;

/**
 * Selects a slice of the room store for an element and re-renders it only when that slice changed.
 *
 * The store comes from the nearest `<media-room>` (through context) unless one is given. The
 * subscription starts in `hostConnected` and ends in `hostDisconnected`; a store that changes
 * (a new room) is followed.
 */
export class StoreController<T> implements ReactiveController {
  readonly #host: Host;
  #selector: Selector<T>;
  readonly #equals: Equality<T> | undefined;
  #store: RoomStore | undefined;
  #slice: ReadableAtom<T> | undefined;
  #unsubscribe: (() => void) | undefined;
  #fallback: T;

  constructor(
    host: Host,
    selector: Selector<T>,
    options: {
      equals?: Equality<T>;
      fallback: T;
      /** `false` when the host sets the store itself (`<media-room>`, which provides it). */
      consume?: boolean;
    },
  ) {
    this.#host = host;
    this.#selector = selector;
    this.#equals = options.equals;
    this.#fallback = options.fallback;
    if (options.consume !== false) {
      new ContextConsumer(host, {
        context: roomContext,
        subscribe: true,
        callback: (store) => this.setStore(store),
      });
    }
    host.addController(this);
  }

  /** The selected value; the fallback while there is no store. */
  get value(): T {
    return this.#slice ? this.#slice.get() : this.#fallback;
  }

  get store(): RoomStore | undefined {
    return this.#store;
  }

  setStore(store: RoomStore | undefined): void {
    if (store === this.#store) return;
    this.#stop();
    this.#store = store;
    if (this.#host.isConnected) this.#start();
    this.#host.requestUpdate();
  }

  /** Select something else (say, when the element's `identity` changed). */
  select(selector: Selector<T>): void {
    this.#selector = selector;
    if (!this.#unsubscribe) return;
    this.#stop();
    this.#start();
  }

  hostConnected(): void {
    this.#start();
  }

  hostDisconnected(): void {
    this.#stop();
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
