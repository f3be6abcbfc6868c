import type { ReactiveControllerHost } from 'lit';

/**
 * A part of `<media-call>` loaded the first time it is needed (captions, encryption): `get()` is
 * undefined until it has loaded, then the host renders again with it. A load that fails (offline)
 * is tried again at the next render.
 */
export class LazyPart<T> {
  readonly #host: ReactiveControllerHost;
  readonly #load: () => Promise<T>;
  #part: { value: T } | Promise<unknown> | undefined;

  constructor(host: ReactiveControllerHost, load: () => Promise<T>) {
    this.#host = host;
    this.#load = load;
  }

  get(): T | undefined {
    this.#part ??= this.#load().then(
      (value) => {
        this.#part = { value };
        this.#host.requestUpdate();
      },
      () => (this.#part = undefined),
    );
    return this.#part instanceof Promise ? undefined : this.#part.value;
  }
}
