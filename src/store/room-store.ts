import { atom, computed, type ReadableAtom } from 'nanostores';
import {
  ConnectionQuality,
  ConnectionState,
  DisconnectReason,
  Room,
  RoomEvent,
  Track,
  type Participant,
  type RemoteParticipant,
  type RemoteTrackPublication,
  type TextStreamReader,
  type TrackPublication,
} from 'livekit-client';
import type {
  ChatMessage,
  ConnectionPhase,
  ConnectionQualityName,
  DeviceKind,
  DeviceState,
  LocalAudioState,
  ModerationRequest,
  Moderator,
  ParticipantState,
  PermissionState,
  Reaction,
  RoomError,
  RoomSnapshot,
  TrackSourceName,
  TrackState,
} from './types.js';
import { mediaErrorCode } from '../internal/media-errors.js';
import { shallowEqual } from './equality.js';
import { isReaction, REACTION_MS, REACTION_TOPIC, REACTIONS_PER_SENDER } from './reactions.js';

/** What the store tells about room events, after the snapshot reflecting them is committed. */
export type RoomStoreEvent =
  | { type: 'connected' }
  | { type: 'reconnecting' }
  | { type: 'reconnected' }
  | { type: 'disconnected'; reason: string | undefined }
  | { type: 'participant-joined'; participant: RemoteParticipant }
  | { type: 'participant-left'; participant: RemoteParticipant }
  | { type: 'track-subscribed'; publication: TrackPublication; participant: Participant }
  | { type: 'track-unsubscribed'; publication: TrackPublication; participant: Participant }
  | { type: 'track-muted'; publication: TrackPublication; participant: Participant }
  | { type: 'track-unmuted'; publication: TrackPublication; participant: Participant }
  | { type: 'active-speakers-changed'; speakers: readonly string[] }
  | {
      type: 'data-received';
      payload: Uint8Array;
      participant: RemoteParticipant | undefined;
      topic: string | undefined;
    }
  | { type: 'recording-status-changed'; recording: boolean }
  | { type: 'room-metadata-changed'; metadata: string }
  | {
      type: 'attributes-changed';
      changed: Readonly<Record<string, string>>;
      participant: Participant;
    }
  | { type: 'media-devices-changed' }
  | { type: 'connection-quality-changed'; quality: ConnectionQualityName; participant: Participant }
  | { type: 'reaction'; reaction: Reaction }
  | { type: 'error'; error: RoomError };

export type Selector<T> = (snapshot: RoomSnapshot) => T;
export type Equality<T> = (a: T, b: T) => boolean;

/** The text-stream topic of LiveKit's chat (components-js, the Meet app, the agents). */
export const CHAT_TOPIC = 'lk.chat';
/** The most chat messages a snapshot keeps (the oldest go first). */
export const CHAT_LIMIT = 500;

const EMPTY_CHAT: readonly ChatMessage[] = Object.freeze([]);
const EMPTY_REACTIONS: readonly Reaction[] = Object.freeze([]);
const DEFAULT_AUDIO: LocalAudioState = Object.freeze({
  deafened: false,
  volumes: Object.freeze({}),
});

type ChatListener = (message: ChatMessage) => void;

/**
 * A Room takes one text-stream handler per topic, so the `lk.chat` handler belongs to the Room, not
 * to a store: the first store on a Room registers it, the last one to be destroyed unregisters it,
 * and every store on the Room hears each message.
 */
interface ChatHub {
  readonly listeners: Set<ChatListener>;
  /** False when someone else registered `lk.chat` first (then this library does not receive). */
  readonly registered: boolean;
}

const chatHubs = new WeakMap<Room, ChatHub>();

function joinChat(room: Room, listener: ChatListener): () => void {
  let hub = chatHubs.get(room);
  if (!hub) {
    let registered = true;
    const listeners = new Set<ChatListener>();
    try {
      room.registerTextStreamHandler(CHAT_TOPIC, (reader, { identity }) => {
        void readChat(room, reader, identity).then((message) => {
          if (message) for (const fn of [...listeners]) fn(message);
        });
      });
    } catch (error) {
      registered = false;
      console.warn(`media-room-elements: chat is not received, "${CHAT_TOPIC}" is taken`, error);
    }
    hub = { listeners, registered };
    chatHubs.set(room, hub);
  }
  const joined = hub;
  joined.listeners.add(listener);
  return () => {
    joined.listeners.delete(listener);
    if (joined.listeners.size > 0 || chatHubs.get(room) !== joined) return;
    chatHubs.delete(room);
    if (joined.registered) room.unregisterTextStreamHandler(CHAT_TOPIC);
  };
}

async function readChat(
  room: Room,
  reader: TextStreamReader,
  identity: string,
): Promise<ChatMessage | undefined> {
  let text: string;
  try {
    text = await reader.readAll();
  } catch {
    // The stream ended abnormally (the sender left or cancelled): there is no message.
    return undefined;
  }
  const sender = room.getParticipantByIdentity(identity);
  return Object.freeze({
    id: reader.info.id,
    from: identity,
    fromName: sender?.name || identity,
    text,
    timestamp: reader.info.timestamp || Date.now(),
    isLocal: false,
  });
}

const DEVICE_KINDS: readonly DeviceKind[] = ['audioinput', 'videoinput', 'audiooutput'];

const EMPTY_DEVICES: RoomSnapshot['devices'] = Object.freeze({
  audioinput: [],
  videoinput: [],
  audiooutput: [],
});

function initialSnapshot(): RoomSnapshot {
  return Object.freeze({
    connection: Object.freeze({ phase: 'idle' as ConnectionPhase }),
    room: Object.freeze({ name: '', sid: '', metadata: '', isRecording: false }),
    local: undefined,
    remotes: Object.freeze([]),
    participants: new Map(),
    activeSpeakers: Object.freeze([]),
    numParticipants: 0,
    numPublishers: 0,
    devices: EMPTY_DEVICES,
    activeDevices: Object.freeze({}),
    canPlaybackAudio: true,
    error: undefined,
    chat: EMPTY_CHAT,
    reactions: EMPTY_REACTIONS,
    audio: DEFAULT_AUDIO,
    moderation: false,
  });
}

/**
 * The reactive room store: turns a livekit-client `Room`'s events into immutable snapshots.
 *
 * - One listener per room event, added in the constructor and removed by `destroy()`.
 * - Events only mark what they touch as dirty; one microtask later the store rebuilds just those
 *   parts and commits one snapshot, so a burst of events is one notification. Parts that did not
 *   change keep their object identity (structural sharing).
 * - `select()` gives a readable slice that notifies only when the slice changed under its equality.
 * - `subscribe(fn)` follows the Svelte store contract: it calls `fn` at once, then on every
 *   change, and returns the unsubscribe function.
 */
export class RoomStore {
  readonly room: Room;
  readonly #state = atom<RoomSnapshot>(initialSnapshot());
  readonly #eventListeners = new Set<(event: RoomStoreEvent) => void>();
  readonly #detach: Array<() => void> = [];

  // What the next commit must rebuild.
  #scheduled = false;
  #all = false;
  #roomDirty = false;
  #speakersDirty = false;
  #devicesDirty = false;
  readonly #dirty = new Set<string>();
  #pendingEvents: RoomStoreEvent[] = [];

  // Inputs that do not come from the Room's own fields.
  #phase: ConnectionPhase = 'idle';
  #reason: string | undefined;
  #error: RoomError | undefined;
  #devices: RoomSnapshot['devices'] = EMPTY_DEVICES;
  #deviceRequest = 0;
  /** Remote identities in join order. */
  #order: string[] = [];
  /** Identities of the speakers as of the last speaker event. */
  #speakers: string[] = [];
  #sid = '';
  /** Chat messages, oldest first; a new frozen array on every change. */
  #chat: readonly ChatMessage[] = EMPTY_CHAT;
  #reactions: readonly Reaction[] = EMPTY_REACTIONS;
  #reactionTimer: ReturnType<typeof setTimeout> | undefined;
  #reactionCount = 0;
  #audio: LocalAudioState = DEFAULT_AUDIO;
  #moderator: Moderator | undefined;
  #commits = 0;
  #destroyed = false;

  constructor(room: Room) {
    this.room = room;
    this.#listen();
    this.#detach.push(joinChat(room, (message) => this.#addChat(message)));
    // A Room handed over already connected (or simulated) is read whole.
    this.#phase = phaseOf(room.state, 'idle');
    this.#all = true;
    this.#flush();
  }

  /** The current snapshot. */
  get(): RoomSnapshot {
    return this.#state.get();
  }

  /** Svelte store contract: `fn` now and on every committed change; returns unsubscribe. */
  subscribe(fn: (snapshot: RoomSnapshot) => void): () => void {
    return this.#state.subscribe(fn);
  }

  /** Like `subscribe`, without the immediate call. */
  listen(fn: (snapshot: RoomSnapshot) => void): () => void {
    return this.#state.listen(fn);
  }

  /**
   * A readable slice of the snapshot. Its listeners run only when `equals(previous, next)` is
   * false; while equal, the previous value (and so its identity) is kept.
   */
  select<T>(selector: Selector<T>, equals: Equality<T> = shallowEqual): ReadableAtom<T> {
    let last: { value: T } | undefined;
    return computed(this.#state, (snapshot) => {
      const next = selector(snapshot);
      if (last && equals(last.value, next)) return last.value;
      last = { value: next };
      return next;
    });
  }

  /** Listen to room events as the store saw them; each arrives after its snapshot is committed. */
  onEvent(fn: (event: RoomStoreEvent) => void): () => void {
    this.#eventListeners.add(fn);
    return () => this.#eventListeners.delete(fn);
  }

  /** How many snapshots have been committed (for tests and benchmarks). */
  get commits(): number {
    return this.#commits;
  }

  /** Resolves once pending room events are reflected in the snapshot. */
  settled(): Promise<void> {
    return new Promise((resolve) => queueMicrotask(resolve));
  }

  /** The element is fetching a token and connecting. Clears a previous error and reason. */
  beginConnect(): void {
    this.#phase = 'connecting';
    this.#reason = undefined;
    this.#error = undefined;
    this.#roomDirty = true;
    this.#schedule();
  }

  /** Record a problem for the user; a fatal one also ends the connection phase. */
  reportError(error: RoomError): void {
    this.#error = Object.freeze({ ...error });
    if (error.fatal) this.#phase = 'disconnected';
    this.#roomDirty = true;
    this.#pendingEvents.push({ type: 'error', error: this.#error });
    this.#schedule();
  }

  clearError(): void {
    if (!this.#error) return;
    this.#error = undefined;
    this.#roomDirty = true;
    this.#schedule();
  }

  /** Re-read the media devices (labels appear once a permission was granted). */
  refreshDevices(): void {
    const request = ++this.#deviceRequest;
    const mediaDevices = globalThis.navigator?.mediaDevices;
    if (!mediaDevices?.enumerateDevices) return;
    mediaDevices.enumerateDevices().then(
      (list) => {
        if (request !== this.#deviceRequest || this.#destroyed) return;
        const byKind = { audioinput: [], videoinput: [], audiooutput: [] } as Record<
          DeviceKind,
          DeviceState[]
        >;
        for (const d of list) {
          if (!d.deviceId) continue;
          byKind[d.kind as DeviceKind]?.push(
            Object.freeze({ deviceId: d.deviceId, label: d.label, groupId: d.groupId }),
          );
        }
        const prev = this.#devices;
        const next = { ...prev };
        let changed = false;
        for (const kind of DEVICE_KINDS) {
          if (!deviceListsEqual(prev[kind], byKind[kind])) {
            next[kind] = Object.freeze(byKind[kind]);
            changed = true;
          }
        }
        if (!changed) return;
        this.#devices = Object.freeze(next);
        this.#devicesDirty = true;
        this.#schedule();
      },
      () => {
        /* enumerateDevices only fails in insecure contexts; the lists stay empty. */
      },
    );
  }

  /**
   * Send a chat message on `lk.chat` (as LiveKit's own clients do) and add it to `chat` once sent
   * (LiveKit does not echo your own messages). A failure is reported as the non-fatal error
   * `chat-send-failed` and also rejects, so that the caller can keep the draft.
   */
  async sendChat(text: string): Promise<void> {
    const local = this.room.localParticipant;
    try {
      const info = await local.sendText(text, { topic: CHAT_TOPIC });
      this.#addChat(
        Object.freeze({
          id: info.id,
          from: local.identity,
          fromName: local.name || local.identity,
          text,
          timestamp: info.timestamp || Date.now(),
          isLocal: true,
        }),
      );
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.reportError({ code: 'chat-send-failed', detail, fatal: false });
      throw error;
    }
  }

  /**
   * Send an emoji reaction (one of `REACTIONS`) to everyone, as a data message on `mr.reaction`,
   * and show it here too. A failure is reported as the non-fatal error `reaction-failed`.
   */
  async sendReaction(emoji: string): Promise<void> {
    if (!isReaction(emoji)) throw new RangeError(`not a reaction: ${JSON.stringify(emoji)}`);
    const local = this.room.localParticipant;
    try {
      await local.publishData(new TextEncoder().encode(emoji), {
        reliable: true,
        topic: REACTION_TOPIC,
      });
      this.#addReaction(local.identity, emoji, true);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.reportError({ code: 'reaction-failed', detail, fatal: false });
    }
  }

  /** Mute every incoming track here (deafen), or play them again. Local only. */
  setDeafened(deafened: boolean): void {
    if (deafened === this.#audio.deafened) return;
    this.#audio = Object.freeze({ ...this.#audio, deafened });
    this.#schedule();
  }

  /** The volume (0 to 1, clamped) at which a participant plays here. Local only. */
  setVolume(identity: string, volume: number): void {
    const v = Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 1;
    const volumes: Record<string, number> = { ...this.#audio.volumes };
    if (v === 1) delete volumes[identity];
    else volumes[identity] = v;
    if (shallowEqual(volumes, this.#audio.volumes)) return;
    this.#audio = Object.freeze({ ...this.#audio, volumes: Object.freeze(volumes) });
    this.#schedule();
  }

  /**
   * Who carries out moderation (`<media-room>` sets one that calls the server helper's endpoint
   * with the participant's own token). Without one, `moderation` is false and `moderate` rejects.
   */
  setModerator(moderator: Moderator | undefined): void {
    if (moderator === this.#moderator) return;
    this.#moderator = moderator;
    this.#roomDirty = true;
    this.#schedule();
  }

  /**
   * Ask the server to mute, remove or promote a participant, or lower their hand. The server
   * checks the caller's token; the effect arrives as room events. A failure is reported as the
   * non-fatal error `moderation-failed` and also rejects.
   */
  async moderate(request: ModerationRequest): Promise<void> {
    try {
      if (!this.#moderator) throw new Error('no moderator is configured');
      await this.#moderator(request);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      this.reportError({ code: 'moderation-failed', detail, fatal: false });
      throw error;
    }
  }

  /** Remove every room listener. The store keeps its last snapshot. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    clearTimeout(this.#reactionTimer);
    for (const off of this.#detach.splice(0)) off();
    this.#eventListeners.clear();
  }

  #addReaction(from: string, emoji: string, isLocal: boolean): void {
    if (this.#destroyed) return;
    const now = Date.now();
    const live = this.#reactions.filter((r) => now - r.at < REACTION_MS);
    if (live.filter((r) => r.from === from).length >= REACTIONS_PER_SENDER) return;
    this.#reactionCount += 1;
    const reaction: Reaction = Object.freeze({
      id: `${from}:${this.#reactionCount}`,
      from,
      emoji,
      at: now,
      isLocal,
    });
    this.#reactions = Object.freeze([...live, reaction]);
    this.#pendingEvents.push({ type: 'reaction', reaction });
    this.#schedule();
    this.#expireReactions();
  }

  /** One timer, for the oldest reaction; each expiry commits and sets it for the next. */
  #expireReactions(): void {
    if (this.#reactionTimer !== undefined || this.#reactions.length === 0) return;
    const oldest = this.#reactions[0]!;
    const wait = Math.max(0, oldest.at + REACTION_MS - Date.now());
    this.#reactionTimer = setTimeout(() => {
      this.#reactionTimer = undefined;
      if (this.#destroyed) return;
      const now = Date.now();
      const live = this.#reactions.filter((r) => now - r.at < REACTION_MS);
      if (live.length !== this.#reactions.length) {
        this.#reactions = live.length ? Object.freeze(live) : EMPTY_REACTIONS;
        this.#schedule();
      }
      this.#expireReactions();
    }, wait);
  }

  /** Append a message, or replace an earlier one with its id from the same sender (an edit). */
  #addChat(message: ChatMessage): void {
    if (this.#destroyed) return;
    const chat = this.#chat;
    const at = chat.findIndex((m) => m.id === message.id && m.from === message.from);
    let next: ChatMessage[];
    if (at >= 0) {
      next = [...chat];
      next[at] = Object.freeze({ ...message, timestamp: chat[at]!.timestamp });
    } else {
      next = [...chat, message];
      if (next.length > CHAT_LIMIT) next = next.slice(next.length - CHAT_LIMIT);
    }
    this.#chat = Object.freeze(next);
    this.#schedule();
  }

  /** The room sid arrives with the server's room info, possibly after `Connected`. */
  #readSid(): void {
    this.room.getSid().then(
      (sid) => {
        if (sid === this.#sid || this.#destroyed) return;
        this.#sid = sid;
        this.#roomDirty = true;
        this.#schedule();
      },
      () => {
        /* The connection ended before the sid came; the next connect reads it again. */
      },
    );
  }

  #schedule(): void {
    if (this.#scheduled || this.#destroyed) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (!this.#destroyed) this.#flush();
    });
  }

  #touch(participant: Participant | undefined): void {
    if (!participant) return;
    this.#dirty.add(participant.identity);
    this.#schedule();
  }

  #emit(event: RoomStoreEvent): void {
    this.#pendingEvents.push(event);
    this.#schedule();
  }

  #on<E extends RoomEvent>(event: E, handler: (...args: never[]) => void): void {
    const room = this.room as unknown as {
      on(e: string, h: (...args: never[]) => void): void;
      off(e: string, h: (...args: never[]) => void): void;
    };
    room.on(event, handler);
    this.#detach.push(() => room.off(event, handler));
  }

  #listen(): void {
    const touchAll = () => {
      this.#all = true;
      this.#schedule();
    };
    const setPhase = (phase: ConnectionPhase) => {
      this.#phase = phase;
      this.#roomDirty = true;
      this.#schedule();
    };

    this.#on(RoomEvent.Connected, () => {
      this.#phase = 'connected';
      this.#reason = undefined;
      this.#error = undefined;
      this.refreshDevices();
      this.#readSid();
      touchAll();
      this.#emit({ type: 'connected' });
    });
    this.#on(RoomEvent.Reconnecting, () => {
      setPhase('reconnecting');
      this.#emit({ type: 'reconnecting' });
    });
    this.#on(RoomEvent.SignalReconnecting, () => setPhase('reconnecting'));
    this.#on(RoomEvent.Reconnected, () => {
      this.#phase = 'connected';
      touchAll();
      this.#emit({ type: 'reconnected' });
    });
    this.#on(RoomEvent.ConnectionStateChanged, (state: ConnectionState) => {
      // Connected and Disconnected have events of their own with more to say.
      if (state === ConnectionState.Connecting) setPhase('connecting');
    });
    this.#on(RoomEvent.Disconnected, (reason?: DisconnectReason) => {
      this.#phase = 'disconnected';
      this.#reason = reasonName(reason);
      touchAll();
      this.#emit({ type: 'disconnected', reason: this.#reason });
    });

    this.#on(RoomEvent.ParticipantConnected, (p: RemoteParticipant) => {
      this.#touch(p);
      this.#emit({ type: 'participant-joined', participant: p });
    });
    this.#on(RoomEvent.ParticipantDisconnected, (p: RemoteParticipant) => {
      this.#touch(p);
      this.#speakersDirty = true;
      this.#emit({ type: 'participant-left', participant: p });
    });

    const touchPub = (_pub: unknown, p: Participant) => this.#touch(p);
    this.#on(RoomEvent.TrackPublished, touchPub);
    this.#on(RoomEvent.TrackUnpublished, touchPub);
    this.#on(RoomEvent.LocalTrackPublished, touchPub);
    this.#on(RoomEvent.LocalTrackUnpublished, touchPub);
    this.#on(
      RoomEvent.TrackSubscribed,
      (_t: unknown, pub: RemoteTrackPublication, p: RemoteParticipant) => {
        this.#touch(p);
        this.#emit({ type: 'track-subscribed', publication: pub, participant: p });
      },
    );
    this.#on(
      RoomEvent.TrackUnsubscribed,
      (_t: unknown, pub: RemoteTrackPublication, p: RemoteParticipant) => {
        this.#touch(p);
        this.#emit({ type: 'track-unsubscribed', publication: pub, participant: p });
      },
    );
    this.#on(RoomEvent.TrackSubscriptionFailed, (_sid: string, p: RemoteParticipant) =>
      this.#touch(p),
    );
    this.#on(RoomEvent.TrackSubscriptionStatusChanged, touchPub);
    this.#on(RoomEvent.TrackStreamStateChanged, touchPub);
    this.#on(RoomEvent.TrackMuted, (pub: TrackPublication, p: Participant) => {
      this.#touch(p);
      this.#emit({ type: 'track-muted', publication: pub, participant: p });
    });
    this.#on(RoomEvent.TrackUnmuted, (pub: TrackPublication, p: Participant) => {
      this.#touch(p);
      this.#emit({ type: 'track-unmuted', publication: pub, participant: p });
    });

    this.#on(RoomEvent.ActiveSpeakersChanged, (speakers: Participant[]) => {
      // Those who stopped speaking and those who started both change.
      const ids = speakers.map((p) => p.identity);
      for (const identity of this.#speakers) this.#dirty.add(identity);
      for (const identity of ids) this.#dirty.add(identity);
      this.#speakers = ids;
      this.#speakersDirty = true;
      this.#emit({ type: 'active-speakers-changed', speakers: ids });
    });

    const touchSecond = (_value: unknown, p: Participant) => this.#touch(p);
    this.#on(RoomEvent.ParticipantMetadataChanged, touchSecond);
    this.#on(RoomEvent.ParticipantNameChanged, touchSecond);
    this.#on(
      RoomEvent.ParticipantAttributesChanged,
      (changed: Record<string, string>, p: Participant) => {
        this.#touch(p);
        this.#emit({ type: 'attributes-changed', changed: { ...changed }, participant: p });
      },
    );
    this.#on(RoomEvent.ParticipantPermissionsChanged, touchSecond);
    this.#on(RoomEvent.ParticipantActive, (p: Participant) => this.#touch(p));
    this.#on(RoomEvent.ConnectionQualityChanged, (q: ConnectionQuality, p: Participant) => {
      this.#touch(p);
      this.#emit({ type: 'connection-quality-changed', quality: qualityName(q), participant: p });
    });

    const touchRoom = () => {
      this.#roomDirty = true;
      this.#schedule();
    };
    this.#on(RoomEvent.RoomMetadataChanged, (metadata: string) => {
      touchRoom();
      this.#emit({ type: 'room-metadata-changed', metadata });
    });
    this.#on(RoomEvent.RecordingStatusChanged, (recording: boolean) => {
      touchRoom();
      this.#emit({ type: 'recording-status-changed', recording });
    });
    this.#on(RoomEvent.AudioPlaybackStatusChanged, touchRoom);
    this.#on(RoomEvent.MediaDevicesChanged, () => {
      this.refreshDevices();
      this.#emit({ type: 'media-devices-changed' });
    });
    this.#on(RoomEvent.ActiveDeviceChanged, () => {
      this.#devicesDirty = true;
      this.#schedule();
    });
    this.#on(RoomEvent.MediaDevicesError, (error: Error, kind?: MediaDeviceKind) => {
      this.reportError({ code: mediaErrorCode(error, kind), detail: error.message, fatal: false });
    });
    this.#on(
      RoomEvent.DataReceived,
      (payload: Uint8Array, participant?: RemoteParticipant, _kind?: unknown, topic?: string) => {
        if (topic === REACTION_TOPIC && participant) {
          const emoji = decodeText(payload);
          if (isReaction(emoji)) this.#addReaction(participant.identity, emoji, false);
        }
        this.#emit({ type: 'data-received', payload, participant, topic });
      },
    );
  }

  /** Rebuild what is dirty and commit one snapshot if anything changed. */
  #flush(): void {
    const prev = this.#state.get();
    const room = this.room;
    const all = this.#all;
    const dirty = this.#dirty;

    // Participants.
    const present = room.remoteParticipants;
    let orderChanged = false;
    if (all || dirty.size > 0) {
      const kept = this.#order.filter((id) => present.has(id));
      const known = new Set(kept);
      const added = [...present.values()]
        .filter((p) => !known.has(p.identity))
        .sort((a, b) => joinedAt(a) - joinedAt(b))
        .map((p) => p.identity);
      if (kept.length !== this.#order.length || added.length > 0) {
        this.#order = [...kept, ...added];
        orderChanged = true;
      }
    }

    let participantsChanged = orderChanged;
    const remotes: ParticipantState[] = [];
    for (const identity of this.#order) {
      const p = present.get(identity)!;
      const before = prev.participants.get(identity);
      const next =
        all || dirty.has(identity) || !before || before.participant !== p
          ? participantState(p, before)
          : before;
      if (next !== before) participantsChanged = true;
      remotes.push(next);
    }

    const localBefore = prev.local;
    const lp = room.localParticipant;
    let local: ParticipantState | undefined = localBefore;
    // Outside a room (before joining, after leaving) there is no local participant to show.
    const inRoom = this.#phase !== 'idle' && this.#phase !== 'disconnected';
    if (!inRoom) {
      local = undefined;
    } else if (all || dirty.has(lp.identity) || localBefore?.participant !== lp) {
      local = lp.identity ? participantState(lp, localBefore) : undefined;
    }
    if (local !== localBefore) participantsChanged = true;

    let speakers = prev.activeSpeakers;
    if (all || this.#speakersDirty) {
      const ids = room.activeSpeakers.map((p) => p.identity);
      if (!shallowEqual(ids, speakers)) speakers = Object.freeze(ids);
    }

    let roomPart = prev.room;
    let connection = prev.connection;
    let error = prev.error;
    let canPlaybackAudio = prev.canPlaybackAudio;
    if (all || this.#roomDirty) {
      const nextRoom = {
        name: room.name ?? '',
        sid: this.#sid,
        metadata: room.metadata ?? '',
        isRecording: room.isRecording,
      };
      if (!shallowEqual(nextRoom, roomPart)) roomPart = Object.freeze(nextRoom);
      const nextConnection =
        this.#phase === 'disconnected' && this.#reason
          ? { phase: this.#phase, reason: this.#reason }
          : { phase: this.#phase };
      if (!shallowEqual(nextConnection, connection)) connection = Object.freeze(nextConnection);
      error = this.#error;
      canPlaybackAudio = room.canPlaybackAudio;
    }

    let activeDevices = prev.activeDevices;
    if (all || this.#devicesDirty) {
      const next: Partial<Record<DeviceKind, string>> = {};
      for (const kind of DEVICE_KINDS) {
        const id = room.getActiveDevice(kind);
        if (id) next[kind] = id;
      }
      if (!shallowEqual(next, activeDevices)) activeDevices = Object.freeze(next);
    }

    this.#all = false;
    this.#roomDirty = false;
    this.#speakersDirty = false;
    this.#devicesDirty = false;
    dirty.clear();
    const events = this.#pendingEvents;
    this.#pendingEvents = [];

    const changed =
      participantsChanged ||
      speakers !== prev.activeSpeakers ||
      roomPart !== prev.room ||
      connection !== prev.connection ||
      error !== prev.error ||
      canPlaybackAudio !== prev.canPlaybackAudio ||
      activeDevices !== prev.activeDevices ||
      this.#devices !== prev.devices ||
      this.#chat !== prev.chat ||
      this.#reactions !== prev.reactions ||
      this.#audio !== prev.audio ||
      !!this.#moderator !== prev.moderation;

    if (changed) {
      let participants = prev.participants;
      let frozenRemotes = prev.remotes;
      let numPublishers = prev.numPublishers;
      let numParticipants = prev.numParticipants;
      if (participantsChanged) {
        frozenRemotes = Object.freeze(remotes);
        const map = new Map<string, ParticipantState>();
        if (local) map.set(local.identity, local);
        for (const p of remotes) map.set(p.identity, p);
        participants = map;
        numParticipants = map.size;
        numPublishers = 0;
        for (const p of map.values()) if (hasPublished(p)) numPublishers += 1;
      }
      this.#commits += 1;
      this.#state.set(
        Object.freeze({
          connection,
          room: roomPart,
          local,
          remotes: frozenRemotes,
          participants,
          activeSpeakers: speakers,
          numParticipants,
          numPublishers,
          devices: this.#devices,
          activeDevices,
          canPlaybackAudio,
          error,
          chat: this.#chat,
          reactions: this.#reactions,
          audio: this.#audio,
          moderation: !!this.#moderator,
        }),
      );
    }
    for (const event of events) for (const fn of this.#eventListeners) fn(event);
  }
}

function participantState(p: Participant, before: ParticipantState | undefined): ParticipantState {
  const tracks: Partial<Record<TrackSourceName, TrackState>> = {};
  for (const pub of p.trackPublications.values()) {
    const source = sourceName(pub.source);
    if (!source || tracks[source]) continue;
    tracks[source] = trackState(pub, source, p.isLocal, before?.tracks[source]);
  }
  const next: ParticipantState = {
    identity: p.identity,
    sid: p.sid ?? '',
    name: p.name ?? '',
    metadata: p.metadata ?? '',
    attributes: keepIfEqual(before?.attributes, { ...p.attributes }),
    permissions: keepIfEqual(before?.permissions, permissionState(p)),
    isLocal: p.isLocal,
    isSpeaking: p.isSpeaking,
    audioLevel: p.audioLevel,
    connectionQuality: qualityName(p.connectionQuality),
    joinedAt: joinedAt(p),
    tracks: keepIfEqual(before?.tracks, tracks),
    participant: p,
  };
  if (before && shallowEqual(before, next)) return before;
  return Object.freeze(next);
}

function trackState(
  pub: TrackPublication,
  source: TrackSourceName,
  isLocal: boolean,
  before: TrackState | undefined,
): TrackState {
  const remote = pub as RemoteTrackPublication;
  const next: TrackState = {
    sid: pub.trackSid,
    source,
    kind: pub.kind === Track.Kind.Audio ? 'audio' : 'video',
    muted: pub.isMuted,
    subscribed: isLocal ? true : remote.isSubscribed,
    streamActive: isLocal ? true : pub.track?.streamState !== Track.StreamState.Paused,
    publication: pub,
  };
  return keepIfEqual(before, next);
}

function permissionState(p: Participant): PermissionState | undefined {
  const perm = p.permissions;
  if (!perm) return undefined;
  return {
    canPublish: perm.canPublish,
    canSubscribe: perm.canSubscribe,
    canPublishData: perm.canPublishData,
    canUpdateMetadata: perm.canUpdateMetadata,
    canPublishSources: Object.freeze(
      perm.canPublishSources
        .map((s) => sourceName(Track.sourceFromProto(s)))
        .filter((s): s is TrackSourceName => !!s),
    ),
    hidden: perm.hidden,
  };
}

/** Keep `before` when `next` has the same own values (shallow), else freeze and return `next`. */
function keepIfEqual<T extends object>(before: T | undefined, next: T): T;
function keepIfEqual<T extends object>(before: T | undefined, next: T | undefined): T | undefined;
function keepIfEqual<T extends object>(before: T | undefined, next: T | undefined) {
  if (next === undefined) return undefined;
  if (before !== undefined && deepValuesEqual(before, next)) return before;
  return Object.freeze(next);
}

/** Shallow equality that also looks one level into arrays (for permission source lists). */
function deepValuesEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const va = (a as Record<string, unknown>)[k];
    const vb = (b as Record<string, unknown>)[k];
    if (Object.is(va, vb)) continue;
    if (Array.isArray(va) && Array.isArray(vb) && shallowEqual(va, vb)) continue;
    return false;
  }
  return true;
}

function sourceName(source: Track.Source): TrackSourceName | undefined {
  switch (source) {
    case Track.Source.Camera:
      return 'camera';
    case Track.Source.Microphone:
      return 'microphone';
    case Track.Source.ScreenShare:
      return 'screen_share';
    case Track.Source.ScreenShareAudio:
      return 'screen_share_audio';
    default:
      return undefined;
  }
}

function qualityName(q: ConnectionQuality): ConnectionQualityName {
  switch (q) {
    case ConnectionQuality.Excellent:
      return 'excellent';
    case ConnectionQuality.Good:
      return 'good';
    case ConnectionQuality.Poor:
      return 'poor';
    case ConnectionQuality.Lost:
      return 'lost';
    default:
      return 'unknown';
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

function joinedAt(p: Participant): number {
  return p.joinedAt?.getTime() ?? 0;
}

function hasPublished(p: ParticipantState): boolean {
  for (const t of Object.values(p.tracks)) if (t) return true;
  return false;
}

/** A short UTF-8 payload as text; undefined for anything long or malformed. */
function decodeText(payload: Uint8Array): string | undefined {
  if (payload.byteLength > 32) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(payload);
  } catch {
    return undefined;
  }
}

function deviceListsEqual(a: readonly DeviceState[], b: readonly DeviceState[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((d, i) => shallowEqual(d, b[i]));
}
