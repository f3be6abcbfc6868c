import type { Room, RoomEventCallbacks } from 'livekit-client';

/** A livekit-client room event name (`RoomEvent.X` or its string value). */
export type RoomEventName = keyof RoomEventCallbacks;

/** The handler of room event `E`, with the argument types livekit-client declares for it. */
export type RoomEventHandler<E extends RoomEventName> = RoomEventCallbacks[E];

/**
 * The typed room-event adapter: subscribe `handler` to `event` of `room`, with the handler's
 * arguments typed from livekit-client's `RoomEventCallbacks`, so that
 * `onRoomEvent(room, RoomEvent.TrackStreamStateChanged, (pub, state, participant) => …)` is checked
 * (the second argument is the stream state, not a participant). Returns the unsubscribe function.
 */
export function onRoomEvent<E extends RoomEventName>(
  room: Room,
  event: E,
  handler: RoomEventHandler<E>,
): () => void {
  room.on(event, handler);
  return () => {
    room.off(event, handler);
  };
}

/**
 * The room events of one store: any number of handlers per event (one per feature slice that
 * cares) behind a single Room listener per event, all removed by `destroy()`. Handlers of an event
 * run in the order they were added.
 */
export class RoomEvents {
  readonly room: Room;
  readonly #handlers = new Map<RoomEventName, Array<RoomEventHandler<RoomEventName>>>();
  readonly #off: Array<() => void> = [];
  #destroyed = false;

  constructor(room: Room) {
    this.room = room;
  }

  /** Call `handler` on every `event` of the room until `destroy()`. */
  on<E extends RoomEventName>(event: E, handler: RoomEventHandler<E>): void {
    if (this.#destroyed) return;
    let list = this.#handlers.get(event) as Array<RoomEventHandler<E>> | undefined;
    if (!list) {
      const handlers: Array<RoomEventHandler<E>> = [];
      list = handlers;
      this.#handlers.set(event, handlers as Array<RoomEventHandler<RoomEventName>>);
      const dispatch = (...args: Parameters<RoomEventHandler<E>>): void => {
        for (const fn of handlers) (fn as (...a: Parameters<RoomEventHandler<E>>) => void)(...args);
      };
      this.#off.push(onRoomEvent(this.room, event, dispatch as RoomEventHandler<E>));
    }
    list.push(handler);
  }

  /** Remove every listener from the room. */
  destroy(): void {
    this.#destroyed = true;
    for (const off of this.#off.splice(0)) off();
    this.#handlers.clear();
  }
}
