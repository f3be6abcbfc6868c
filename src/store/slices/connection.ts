import { ConnectionState, DisconnectReason, RoomEvent } from 'livekit-client';
import { shallowEqual } from '../equality.js';
import type { Slice, SliceHost } from '../slice.js';
import type { ConnectionPhase, RoomError, RoomSnapshot } from '../types.js';

type Key = 'connection' | 'room' | 'error' | 'canPlaybackAudio';

/**
 * The connection and the room itself: the phase (and why it ended), the error to show, the room's
 * name, sid, metadata and recording status, and whether audio may play.
 */
export class ConnectionSlice implements Slice<Key> {
  readonly keys: readonly Key[] = ['connection', 'room', 'error', 'canPlaybackAudio'];
  readonly initial: Pick<RoomSnapshot, Key> = Object.freeze({
    connection: Object.freeze({ phase: 'idle' as ConnectionPhase }),
    room: Object.freeze({ name: '', sid: '', metadata: '', isRecording: false }),
    error: undefined,
    canPlaybackAudio: true,
  });

  readonly #host: SliceHost;
  #phase: ConnectionPhase;
  #reason: string | undefined;
  #error: RoomError | undefined;
  #sid = '';
  /** The session is leaving the Room to rejoin at once: its Disconnected is no news. */
  #rejoining = false;

  constructor(host: SliceHost) {
    this.#host = host;
    // A Room handed over already connected (or simulated) starts in its phase.
    this.#phase = phaseOf(host.room.state, 'idle');
    const { events } = host;
    events.on(RoomEvent.Connected, () => {
      this.#phase = 'connected';
      this.#reason = undefined;
      this.#error = undefined;
      this.#readSid();
      host.invalidate(this);
      host.emit({ type: 'connected' });
    });
    events.on(RoomEvent.Reconnecting, () => {
      this.#setPhase('reconnecting');
      host.emit({ type: 'reconnecting' });
    });
    events.on(RoomEvent.SignalReconnecting, () => this.#setPhase('reconnecting'));
    events.on(RoomEvent.Reconnected, () => {
      this.#setPhase('connected');
      host.emit({ type: 'reconnected' });
    });
    events.on(RoomEvent.ConnectionStateChanged, (state) => {
      // Connected and Disconnected have events of their own with more to say.
      if (state === ConnectionState.Connecting) this.#setPhase('connecting');
    });
    events.on(RoomEvent.Disconnected, (reason) => {
      if (this.#rejoining) return;
      this.#reason = reasonName(reason);
      this.#setPhase('disconnected');
      host.emit({ type: 'disconnected', reason: this.#reason });
    });
    events.on(RoomEvent.RoomMetadataChanged, (metadata) => {
      host.invalidate(this);
      host.emit({ type: 'room-metadata-changed', metadata });
    });
    events.on(RoomEvent.RecordingStatusChanged, (recording) => {
      host.invalidate(this);
      host.emit({ type: 'recording-status-changed', recording });
    });
    events.on(RoomEvent.AudioPlaybackStatusChanged, () => host.invalidate(this));
  }

  /** The element is fetching a token and connecting. Clears a previous error and reason. */
  beginConnect(): void {
    this.#reason = undefined;
    this.#error = undefined;
    this.#setPhase('connecting');
  }

  /**
   * While on, the session leaves the Room to join again at once (a fresh token after the
   * connection stayed lost): the Disconnected this causes keeps the phase and fires no event.
   */
  setRejoining(on: boolean): void {
    this.#rejoining = on;
  }

  /**
   * A join was given up before the Room connected (left during the token fetch): no Room event
   * will end the `connecting` phase, so this does, as a leave would.
   */
  abandonConnect(): void {
    if (this.#phase !== 'connecting' || this.#host.room.state !== ConnectionState.Disconnected)
      return;
    this.#reason = 'client-initiated';
    this.#setPhase('disconnected');
  }

  /** Record a problem for the user; a fatal one also ends the connection phase. */
  reportError(error: RoomError): void {
    const recorded = Object.freeze({ ...error });
    this.#error = recorded;
    if (error.fatal) this.#phase = 'disconnected';
    this.#host.invalidate(this);
    this.#host.emit({ type: 'error', error: recorded });
  }

  clearError(): void {
    if (!this.#error) return;
    this.#error = undefined;
    this.#host.invalidate(this);
  }

  build(prev: RoomSnapshot): Pick<RoomSnapshot, Key> {
    const room = this.#host.room;
    let roomPart = prev.room;
    const nextRoom = {
      name: room.name ?? '',
      sid: this.#sid,
      metadata: room.metadata ?? '',
      isRecording: room.isRecording,
    };
    if (!shallowEqual(nextRoom, roomPart)) roomPart = Object.freeze(nextRoom);
    let connection = prev.connection;
    const nextConnection =
      this.#phase === 'disconnected' && this.#reason
        ? { phase: this.#phase, reason: this.#reason }
        : { phase: this.#phase };
    if (!shallowEqual(nextConnection, connection)) connection = Object.freeze(nextConnection);
    return {
      connection,
      room: roomPart,
      error: this.#error,
      canPlaybackAudio: room.canPlaybackAudio,
    };
  }

  #setPhase(phase: ConnectionPhase): void {
    this.#phase = phase;
    this.#host.invalidate(this);
  }

  /** The room sid arrives with the server's room info, possibly after `Connected`. */
  #readSid(): void {
    this.#host.room.getSid().then(
      (sid) => {
        if (sid === this.#sid || this.#host.destroyed) return;
        this.#sid = sid;
        this.#host.invalidate(this);
      },
      () => {
        /* The connection ended before the sid came; the next connect reads it again. */
      },
    );
  }
}

function phaseOf(state: ConnectionState, fallback: ConnectionPhase): ConnectionPhase {
  switch (state) {
    case ConnectionState.Connected:
      return 'connected';
    case ConnectionState.Connecting:
      return 'connecting';
    case ConnectionState.Reconnecting:
    case ConnectionState.SignalReconnecting:
      return 'reconnecting';
    default:
      return fallback;
  }
}

/** `DisconnectReason.SERVER_SHUTDOWN` → `server-shutdown`. */
function reasonName(reason: DisconnectReason | undefined): string | undefined {
  if (reason === undefined) return undefined;
  const name = DisconnectReason[reason];
  return name ? name.toLowerCase().replaceAll('_', '-') : String(reason);
}
