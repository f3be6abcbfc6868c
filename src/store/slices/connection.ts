import { ConnectionState, DisconnectReason, RoomEvent } from 'livekit-client';
import { shallowEqual } from '../equality.js';
import { endedReason } from '../host-layout.js';
import type { RoomStoreEvent, Slice, SliceHost } from '../slice.js';
import type { ConnectionPhase, RoomError, RoomSnapshot } from '../types.js';
import { deniedEntry } from '../waiting-room.js';

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
  /** A rejoin is under way (`beginRejoin`): the phase stays `reconnecting` until it ends. */
  #rejoining = false;

  constructor(host: SliceHost) {
    this.#host = host;
    // A Room handed over already connected (or simulated) starts in its phase.
    this.#phase = phaseOf(host.room.state, 'idle');
    const { events } = host;
    events.on(RoomEvent.Connected, () => {
      this.#rejoining = false;
      this.#reason = undefined;
      this.#error = undefined;
      this.#readSid();
      this.#setPhase('connected');
    });
    // livekit-client says `SignalReconnecting` while it resumes the signal connection and
    // `Reconnecting` for a full reconnect (or when a resume escalates): both are "Reconnecting…".
    events.on(RoomEvent.SignalReconnecting, () => this.#setPhase('reconnecting'));
    events.on(RoomEvent.Reconnecting, () => this.#setPhase('reconnecting'));
    events.on(RoomEvent.Reconnected, () => this.#setPhase('connected'));
    events.on(RoomEvent.ConnectionStateChanged, (state) => {
      // Connected and Disconnected have events of their own with more to say.
      if (state === ConnectionState.Connecting && !this.#rejoining) this.#setPhase('connecting');
    });
    events.on(RoomEvent.Disconnected, (reason) => {
      // The session lets go of a lost connection to make a new one: not a disconnect to show.
      if (this.#rejoining) return;
      // livekit-client gives no reason when it gives up reconnecting.
      this.#reason =
        deniedEntry(host.room, reasonName(reason)) ??
        (this.#phase === 'reconnecting' ? 'reconnect-failed' : 'unknown-reason');
      // A host ended the meeting (the metadata says so just before the room goes): not a closure.
      if (this.#reason === 'room-deleted') {
        const { metadata = '', localParticipant } = host.room;
        this.#reason = endedReason(metadata, localParticipant.identity) ?? this.#reason;
      }
      this.#setPhase('disconnected');
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
    this.#setPhase(this.#rejoining ? 'reconnecting' : 'connecting');
  }

  /**
   * The session replaces a lost (or failing) connection with a new one at once (a fresh token,
   * perhaps another server): until it is connected (`reconnected`), a fatal error or a leave, the
   * phase stays `reconnecting`, so the disconnect on the way is neither shown nor told. Only from
   * `connected` or `reconnecting`; returns whether it began.
   */
  beginRejoin(): boolean {
    if (this.#phase !== 'connected' && this.#phase !== 'reconnecting') return false;
    this.#rejoining = true;
    this.#setPhase('reconnecting');
    return true;
  }

  /**
   * A join (or a rejoin) was given up before the Room connected (left during the token fetch): no
   * Room event will end the phase, so this does, as a leave would.
   */
  abandonConnect(): void {
    const joining = this.#phase === 'connecting' || this.#rejoining;
    if (!joining || this.#host.room.state !== ConnectionState.Disconnected) return;
    this.#rejoining = false;
    this.#reason = 'client-initiated';
    this.#setPhase('disconnected');
  }

  /** Record a problem for the user; a fatal one also ends the connection phase. */
  reportError(error: RoomError): void {
    const recorded = Object.freeze({ ...error });
    this.#error = recorded;
    if (error.fatal) {
      this.#rejoining = false;
      this.#phase = 'disconnected';
    }
    this.#host.invalidate(this);
    this.#host.emit({ type: 'error', error: recorded });
  }

  /** Take back the error shown (only if it has `code`, when given). */
  clearError(code?: string): void {
    if (!this.#error || (code !== undefined && this.#error.code !== code)) return;
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

  /**
   * The one place the phase changes with a room event, and the one place the connection events
   * are told, each from a change of phase, so they always match what the phase shows (the
   * banner): `reconnecting` on entering `reconnecting` (from livekit-client's resume or its full
   * reconnect alike), `reconnected` only on leaving it for `connected`, `connected` on reaching
   * `connected` any other way, and `disconnected` (always with a reason) on reaching
   * `disconnected`. A fatal error ends the phase without `disconnected`: the error box and the
   * `error` event say so instead.
   */
  #setPhase(phase: ConnectionPhase): void {
    const before = this.#phase;
    this.#phase = phase;
    this.#host.invalidate(this);
    if (phase === before) return;
    const event = phaseEvent(before, phase, this.#reason);
    if (event) this.#host.emit(event);
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

/** The event told for a change of phase from `before` to `phase`, if any. */
export function phaseEvent(
  before: ConnectionPhase,
  phase: ConnectionPhase,
  reason: string | undefined,
): RoomStoreEvent | undefined {
  switch (phase) {
    case 'reconnecting':
      return { type: 'reconnecting' };
    case 'connected':
      return { type: before === 'reconnecting' ? 'reconnected' : 'connected' };
    case 'disconnected':
      return { type: 'disconnected', reason: reason ?? 'unknown-reason' };
    default:
      return undefined;
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
export function reasonName(reason: DisconnectReason | undefined): string | undefined {
  if (reason === undefined) return undefined;
  const name = DisconnectReason[reason];
  return name ? name.toLowerCase().replaceAll('_', '-') : String(reason);
}
