import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { sessionContext } from '../../context/session-context.js';
import type { RoomSession } from '../../session/room-session.js';
import type { BackgroundChoice, BackgroundState } from '../../session/background.js';
import type { BackgroundEffects } from '../../session/background-effects.js';
import type { LocalizeController } from '../../controllers/localize.js';
import type { MessageKey } from '../../locales/en.js';
import { BackgroundChangeEvent } from '../../events/background-events.js';
import { englishEffects } from '../../locales/en-effects.js';

type Host = ReactiveControllerHost & HTMLElement;

/** One choice as shown: its key (`off`, `blur`, `image:<id>`), label and thumbnail. */
export interface BackgroundOption {
  key: string;
  choice: BackgroundChoice;
  label: string;
  thumbnail?: string;
}

/** The key a choice is shown under. */
export const keyOf = (c: BackgroundChoice): string =>
  c.type === 'image' ? `image:${c.id}` : c.type;

/**
 * Follows the session's background effect (`session.background.$state`) for the picker and the
 * camera menu: subscribed while the host is connected, re-rendering it on every change; loads
 * the effects' small module (the images; not the processing) to list the choices.
 */
export class BackgroundController implements ReactiveController {
  readonly #host: Host;
  readonly #consumer: ContextConsumer<typeof sessionContext, Host>;
  #session: RoomSession | undefined;
  #off: (() => void) | undefined;
  #effects: BackgroundEffects | undefined;
  state: BackgroundState | undefined;

  constructor(host: Host) {
    englishEffects(); // this UI's English words (not loaded up front)
    this.#host = host;
    this.#consumer = new ContextConsumer(host, {
      context: sessionContext,
      subscribe: true,
      callback: (session) => this.#follow(session),
    });
    host.addController(this);
  }

  get session(): RoomSession | undefined {
    return this.#session;
  }

  hostConnected(): void {
    if (this.#consumer.value) this.#follow(this.#consumer.value);
  }

  hostDisconnected(): void {
    this.#off?.();
    this.#off = undefined;
    this.#session = undefined;
  }

  /** Why this browser cannot process the camera, as a locale key (undefined when it can, or
   * until the effects' module has loaded). */
  get unsupported(): `background:${string}` | undefined {
    const reason = this.#effects?.support();
    return reason ? `background:${reason}` : undefined;
  }

  /** What the status line says: the effect loads, cannot be used (why), or failed; or nothing. */
  status(t: LocalizeController): string {
    const unsupported = this.unsupported;
    if (unsupported) return t.termFor(unsupported, 'background:no-video-processing');
    if (this.state?.status === 'loading') return t.term('backgroundLoading');
    if (this.state?.status === 'error') return t.term('error:background-failed');
    return '';
  }

  /** The choices: off, blur, and each image (ours translated, the page's as given). */
  options(t: LocalizeController): BackgroundOption[] {
    const images = (this.#effects?.images ?? []).map((image) => {
      const ours = this.#effects?.builtIn(image);
      return {
        key: `image:${image.id}`,
        choice: { type: 'image', id: image.id } as const,
        label: ours ? t.term(`backgroundImage:${image.id}` as MessageKey) : image.label,
        thumbnail: image.thumbnail ?? image.url,
      };
    });
    return [
      { key: 'off', choice: { type: 'off' }, label: t.term('backgroundOff') },
      { key: 'blur', choice: { type: 'blur' }, label: t.term('backgroundBlur') },
      ...images,
    ];
  }

  /** Choose as the user did: fires `background-change` (cancel it to keep the effect), then applies. */
  async choose(option: BackgroundOption): Promise<void> {
    const session = this.#session;
    if (!session || this.unsupported) return;
    if (!this.#host.dispatchEvent(new BackgroundChangeEvent(option.choice))) return;
    await session.setBackground(option.choice);
  }

  #follow(session: RoomSession | undefined): void {
    if (session === this.#session && this.#off) return;
    this.#off?.();
    this.#session = session;
    this.#off = session?.background.$state.subscribe((state) => {
      this.state = state;
      this.#host.requestUpdate();
    });
    void session?.background.effects().then((effects) => {
      this.#effects = effects;
      this.#host.requestUpdate();
    });
  }
}
