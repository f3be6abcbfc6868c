import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LocalizeController } from '../../controllers/localize.js';
import { toDomEvent } from '../../events/room-events.js';
import type { RoomSession } from '../../session/room-session.js';
import { announcementOf } from './announce.js';

interface Host extends ReactiveControllerHost, HTMLElement {
  /** Whether the default UI's pre-join screen stands before joining. */
  showsPreJoin(): boolean;
  /** Say something to screen-reader users (the polite live region). */
  announce(text: string): void;
}

/**
 * Ties a session to its element's place on the page: joins when the element is put on the page
 * (unless a pre-join screen comes first), leaves when it is taken off (a move within the page,
 * which disconnects and reconnects in one task, does not leave), lets go of the Room once left
 * and follows it again when put back. While attached, room events are fired on the element as
 * DOM events and the noteworthy ones are announced.
 */
export class RoomAttachment implements ReactiveController {
  readonly #host: Host;
  readonly #session: RoomSession;
  readonly #t: LocalizeController;
  #off: Array<() => void> = [];
  #leaveTimer: ReturnType<typeof setTimeout> | undefined;
  /** Left because it was taken off the page: put back, it joins again. */
  #leftOnDetach = false;

  constructor(host: Host, session: RoomSession, t: LocalizeController) {
    this.#host = host;
    this.#session = session;
    this.#t = t;
    host.addController(this);
  }

  hostConnected(): void {
    clearTimeout(this.#leaveTimer);
    this.#leaveTimer = undefined;
    const session = this.#session;
    if (this.#off.length === 0) {
      this.#off = [
        session.onEvent((event) => {
          const text = announcementOf(event, this.#t);
          if (text) this.#host.announce(text);
          this.#host.dispatchEvent(toDomEvent(event));
        }),
        session.$rejoinAttempt.listen(() => this.#host.requestUpdate()),
      ];
    }
    session.resume();
    session.prepare();
    this.joinIfReady(this.#leftOnDetach);
    this.#leftOnDetach = false;
  }

  hostDisconnected(): void {
    this.#leaveTimer = setTimeout(() => {
      if (this.#host.isConnected) return;
      this.#leftOnDetach = true;
      void this.#session.leave().then(async () => {
        await this.#session.store.settled();
        if (this.#host.isConnected) return;
        // Let go of the Room (see `RoomSession.release`) once `disconnected` has been fired.
        for (const off of this.#off) off();
        this.#off = [];
        this.#session.release();
      });
    });
  }

  /**
   * Join if the configuration is complete and nothing stands before it (a pre-join screen, a join
   * under way or done); `again` joins after having left because the element was taken off.
   */
  joinIfReady(again = false): void {
    const session = this.#session;
    const phase = session.store.get().connection.phase;
    if (!this.#host.isConnected || !session.canJoin || this.#host.showsPreJoin()) return;
    if (again || (phase === 'idle' && !session.joining)) void session.connect();
  }
}
