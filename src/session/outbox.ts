import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { displayName, isVisiblyEmpty } from '../internal/text.js';
import { CHAT_TOPIC } from '../store/slices/chat.js';
import type { RoomStore, RoomStoreEvent } from '../store/room-store.js';
import { sendTextWithId } from './livekit-adapter.js';
import { sendLegacyChat } from './messaging.js';
import { connectionLost } from './rejoin.js';
import { messageOf } from './token.js';

/**
 * How long (ms) before a loss was noticed a message sent may still have gone nowhere: a node can
 * die some seconds before the page learns it (its media connection tells after about 5 s, the
 * signalling's pings after up to 15 s), and what was sent to it meanwhile is lost.
 */
export const LOSS_MARGIN_MS = 15_000;

/**
 * How long (ms) after coming back those who were in the call before the loss are sent the recent
 * messages again as they come back themselves (they may rejoin later than this page).
 */
export const RESEND_PERIOD_MS = 30_000;

/** The most own messages kept for sending again. */
const KEPT = 50;

interface Outgoing {
  readonly id: string;
  readonly text: string;
  /** The sender identity it is recorded under. */
  readonly from: string;
  /** When it was first sent or queued (ms since the epoch). */
  readonly at: number;
  state: 'sent' | 'pending' | 'failed';
}

export interface OutboxHost {
  /** The Room of the session now. */
  room(): Room;
  /** The store of the session now. */
  store(): RoomStore;
  /** Whether the session is in the call or on its way back (joining, reconnecting, rejoining). */
  joining(): boolean;
}

/**
 * The user's own chat messages until they are known to have had their chance. livekit-client sends
 * reliable data again after resuming a connection, but not after a new one (its own full
 * reconnect, or the session's rejoin): a message sent just before the loss was noticed, or while
 * the connection was lost, would be gone. So:
 *
 * - a message sent while the connection is lost is kept as `pending` (shown so) and sent once back;
 * - once back, the messages sent since shortly before the loss (`LOSS_MARGIN_MS`) are sent again,
 *   with the same stream id, to everyone; and, for `RESEND_PERIOD_MS`, to each one who was in the
 *   call before and comes back later. Receivers record a message once per sender and id (the
 *   store's chat), so nobody sees one twice;
 * - each stream sent is followed by its legacy copy (`sendLegacyChat`: `lk-chat-topic`, the same id)
 *   for LiveKit clients that read only those, sent again with it;
 * - when the session gives up (leaves, or stops rejoining), pending messages are marked `failed`;
 *   `retry(id)` sends one again.
 */
export class ChatOutbox {
  readonly #host: OutboxHost;
  #entries: Outgoing[] = [];
  /** When the last loss was noticed (undefined: none yet). */
  #lostAt: number | undefined;
  /** When the session was back in the call after it (undefined: not yet). */
  #backAt: number | undefined;
  /** Who was in the call when the loss was noticed. */
  #before = new Set<string>();
  /** Who was sent the recent messages again since coming back. */
  #reached = new Set<string>();
  /** Sends one after the other, so that receivers get them in order. */
  #queue: Promise<unknown> = Promise.resolve();
  #identity = '';
  #offRoom: (() => void) | undefined;

  constructor(host: OutboxHost) {
    this.#host = host;
  }

  /**
   * Follow this Room's arrivals (and no longer the one before): a participant counts once it is
   * active, ready to receive data (the server drops what is sent to one who is not yet).
   */
  follow(room: Room): void {
    this.#offRoom?.();
    const arrived = (p: { identity: string }): void => this.#arrived(p.identity);
    room.on(RoomEvent.ParticipantActive, arrived);
    this.#offRoom = () => room.off(RoomEvent.ParticipantActive, arrived);
  }

  /** Follow the store's connection events; `rejoining`: the session will join again by itself. */
  onEvent(event: RoomStoreEvent, rejoining: boolean): void {
    if (event.type === 'reconnecting') this.#lost();
    else if (event.type === 'connected' || event.type === 'reconnected') this.#back();
    else if (event.type === 'disconnected' || (event.type === 'error' && event.error.fatal)) {
      if (rejoining) this.#lost();
      else this.giveUp();
    }
  }

  /**
   * Send a chat message: at once when in the call, else (the session on its way back) kept as
   * pending and sent once back. Rejects (and reports `chat-send-failed`) when it could not be
   * sent nor kept; refuses one that shows nothing (`RangeError`).
   */
  async send(text: string): Promise<void> {
    if (isVisiblyEmpty(text)) throw new RangeError('a chat message must show something');
    const room = this.#host.room();
    const at = Date.now();
    if (!this.#online(room) && this.#host.joining()) {
      this.#record(this.#keep({ id: crypto.randomUUID(), text, at, state: 'pending' }));
      return;
    }
    try {
      const info = await room.localParticipant.sendText(text, { topic: CHAT_TOPIC });
      const entry = this.#keep({ id: info.id, text, at, state: 'sent' });
      const shown = this.#record(entry, info.timestamp || at);
      void this.#legacyCopy(room, entry, undefined, shown);
    } catch (error) {
      if (!this.#online(room) && this.#host.joining()) {
        // Lost while sending: it goes out once back.
        this.#record(this.#keep({ id: crypto.randomUUID(), text, at, state: 'pending' }));
        return;
      }
      this.#host.store().reportError({
        code: 'chat-send-failed',
        detail: messageOf(error),
        fatal: false,
      });
      throw error;
    }
  }

  /**
   * Send again one of your messages that was not sent (`delivery: 'failed'`), with its id; kept as
   * pending while the connection is lost. Rejects (and reports `chat-send-failed`) when it fails
   * again or there is no such message.
   */
  async retry(id: string): Promise<void> {
    const store = this.#host.store();
    const message = store.get().chat.find((m) => m.isLocal && m.id === id);
    const fail = (error: unknown): never => {
      store.reportError({ code: 'chat-send-failed', detail: messageOf(error), fatal: false });
      throw error;
    };
    if (!message) return fail(new Error(`no message of yours with the id ${id}`));
    this.#entries = this.#entries.filter((e) => e.id !== id);
    const entry = this.#keep({ id, text: message.text, at: Date.now(), state: 'pending' });
    const room = this.#host.room();
    if (!this.#online(room)) {
      if (this.#host.joining()) {
        this.#record(entry);
        return;
      }
      entry.state = 'failed';
      return fail(new Error('not in a call'));
    }
    this.#record(entry);
    await this.#enqueue(async () => {
      try {
        await sendTextWithId(room, entry.text, { id, topic: CHAT_TOPIC });
        entry.state = 'sent';
        void this.#legacyCopy(room, entry);
      } catch (error) {
        entry.state = this.#online(room) ? 'failed' : 'pending';
        if (entry.state === 'failed') {
          this.#record(entry);
          fail(error);
        }
      }
      this.#record(entry);
    });
  }

  /** The session gave up on the call: what is still pending is marked not sent. */
  giveUp(): void {
    for (const entry of this.#entries) {
      if (entry.state !== 'pending') continue;
      entry.state = 'failed';
      this.#record(entry);
    }
  }

  /** Stop following the Room. */
  dispose(): void {
    this.#offRoom?.();
    this.#offRoom = undefined;
  }

  // ——— Inside ———

  #online(room: Room): boolean {
    return room.state === ConnectionState.Connected && !connectionLost(room);
  }

  #lost(): void {
    // A loss noticed again before coming back is the same loss.
    if (this.#lostAt !== undefined && this.#backAt === undefined) return;
    this.#lostAt = Date.now();
    this.#backAt = undefined;
    const { remotes } = this.#host.store().get();
    this.#before = new Set(remotes.map((p) => p.identity));
    this.#reached.clear();
  }

  /** Back in the call: what is pending, and what was sent since shortly before the loss, again. */
  #back(): void {
    if (this.#lostAt !== undefined && this.#backAt === undefined) this.#backAt = Date.now();
    const room = this.#host.room();
    // Those not active yet are sent them once they are.
    for (const p of room.remoteParticipants.values()) if (p.isActive) this.#reached.add(p.identity);
    const again = this.#recent();
    if (again.length > 0) void this.#resend(room, again);
  }

  /** Someone who was in the call before the loss is back after this page: send them the recent ones. */
  #arrived(identity: string): void {
    const back = this.#backAt;
    if (back === undefined || Date.now() - back > RESEND_PERIOD_MS) return;
    if (!this.#before.has(identity) || this.#reached.has(identity)) return;
    this.#reached.add(identity);
    const again = this.#recent().filter((e) => e.state === 'sent');
    if (again.length > 0) void this.#resend(this.#host.room(), again, [identity]);
  }

  /** What goes out again: pending messages, and those sent since shortly before the last loss. */
  #recent(): Outgoing[] {
    const since = this.#lostAt === undefined ? Infinity : this.#lostAt - LOSS_MARGIN_MS;
    return this.#entries.filter(
      (e) => e.state === 'pending' || (e.state === 'sent' && e.at >= since),
    );
  }

  #resend(room: Room, entries: Outgoing[], to?: string[]): Promise<unknown> {
    return this.#enqueue(async () => {
      for (const entry of entries) {
        if (entry.state === 'failed' || !this.#online(room)) return;
        try {
          await sendTextWithId(room, entry.text, {
            id: entry.id,
            topic: CHAT_TOPIC,
            destinationIdentities: to,
          });
        } catch {
          // Lost again: what is pending stays so and goes out at the next return.
          if (!this.#online(room)) return;
          if (entry.state === 'pending') entry.state = 'failed';
          this.#record(entry);
          continue;
        }
        void this.#legacyCopy(room, entry, to);
        if (entry.state === 'pending' && !to) {
          entry.state = 'sent';
          this.#record(entry);
        }
      }
    });
  }

  /**
   * The legacy copy of a message sent, with the time it is shown with here. Not waited for: the
   * stream is the message, and a copy slow to go out (a data channel on its way down) must not hold
   * back the messages and resends queued after it. It never rejects.
   */
  #legacyCopy(room: Room, entry: Outgoing, to?: string[], shownAt?: number): Promise<void> {
    // Just recorded, the store may not show it yet: then the caller says the time.
    const shown = this.#host
      .store()
      .get()
      .chat.find((m) => m.isLocal && m.id === entry.id);
    const timestamp = shownAt ?? shown?.timestamp ?? entry.at;
    return sendLegacyChat(room, { id: entry.id, text: entry.text, timestamp }, to);
  }

  #enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(task);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  #keep(entry: Omit<Outgoing, 'from'>): Outgoing {
    const identity = this.#host.room().localParticipant.identity;
    if (identity) this.#identity = identity;
    const kept: Outgoing = { ...entry, from: this.#identity };
    // Sent messages are kept while they may have to go out again.
    const since =
      this.#lostAt !== undefined &&
      (this.#backAt === undefined || Date.now() - this.#backAt < RESEND_PERIOD_MS)
        ? this.#lostAt - LOSS_MARGIN_MS
        : Date.now() - LOSS_MARGIN_MS;
    this.#entries = [...this.#entries, kept]
      .filter((e) => e.state !== 'sent' || e.at >= since)
      .slice(-KEPT);
    return kept;
  }

  /** Shows the message in the store's chat; returns the time it is shown with. */
  #record(entry: Outgoing, timestamp = entry.at): number {
    const store = this.#host.store();
    const earlier = store.get().chat.find((m) => m.isLocal && m.id === entry.id);
    const lp = this.#host.room().localParticipant;
    const shown = earlier?.timestamp ?? timestamp;
    store.addChat({
      id: entry.id,
      from: entry.from,
      fromName: displayName(lp.name, entry.from),
      text: entry.text,
      timestamp: shown,
      isLocal: true,
      ...(entry.state === 'sent' ? {} : { delivery: entry.state }),
    });
    return shown;
  }
}
