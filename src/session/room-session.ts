import { atom, type ReadableAtom } from 'nanostores';
import { ConnectionState, Room, type LocalAudioTrack, type LocalVideoTrack } from 'livekit-client';
import type { PartialMessages } from '../locales/en.js';
import { HAND_ATTRIBUTE } from '../store/attributes.js';
import { RoomStore, type RoomStoreEvent } from '../store/room-store.js';
import type { ToggleSource } from '../events/control-events.js';
import type { DeviceKind, HandRaiser, ModerationRequest, Moderator } from '../store/types.js';
import { DevicePreferences, type PreferenceStorage } from './devices.js';
import { Background, type BackgroundChoice } from './background.js';
import { onTokenRefreshed, pauseIfUnseen } from './livekit-adapter.js';
import { sendReaction } from './messaging.js';
import { ChatOutbox } from './outbox.js';
import { serverTransports } from './moderation.js';
import { PictureInPicture, type PipOptions } from './pip.js';
import { VoiceProcessing, type VoiceSettings } from './voice.js';
import type { HostRequest } from '../store/host-layout.js';
import { endForEveryone } from './host.js';
import { publishOnJoin } from './publish.js';
import { FastRejoin, Rejoiner } from './rejoin.js';
import { WaitingGate } from './waiting.js';
import { DEFAULTS, type OpenConfig, type SessionConfig } from './session-config.js';
import type { SessionEncryption } from './e2ee.js';
import type { JoinMedia } from './publish.js';
import {
  RoomFailure,
  fetchConnectionDetails,
  messageOf,
  toRoomError,
  type ConnectionDetails,
} from './token.js';

/** What the user chose before joining (the pre-join screen): their name and preview tracks. */
export interface JoinChoice {
  name?: string;
  audioTrack?: LocalAudioTrack;
  videoTrack?: LocalVideoTrack;
}

/**
 * The front door to a call: owns the livekit-client `Room` and the `RoomStore` that follows it,
 * and carries out everything an element does to the call. Plain TypeScript (no DOM needed until
 * it joins), provided to elements through context by `<media-room>`.
 *
 * - Joining: token fetch (every failure a stable `code`), connect, a wrong room refused, publish
 *   on join (the pre-join preview's own tracks, or the configured sources, within the grant).
 * - Staying joined: follows the refreshed token, rejoins by itself with a bounded backoff after
 *   losing the room for nobody's decision, lets go of the Room on `release()`.
 * - Acting: toggling sources, switching devices (remembered, applied before capture), hand,
 *   audio start, chat, reactions, deafen and volumes, attributes, moderation, leaving.
 */
export class RoomSession {
  #config: SessionConfig = { ...DEFAULTS };
  readonly #store = atom<RoomStore | undefined>(undefined);
  readonly #strings = atom<PartialMessages>({});
  readonly #listeners = new Set<(event: RoomStoreEvent) => void>();
  readonly devices: DevicePreferences;
  /** The camera's background effect: `$state`, `set` (see `setBackground`). */
  readonly background: Background;
  /** Picture-in-picture of this call: `$state`, `setPinned` (see `openPictureInPicture`). */
  readonly pictureInPicture = new PictureInPicture(this);
  /** Voice processing of the microphone (see `setVoiceProcessing`). */
  readonly voice: VoiceProcessing;
  #room: Room | undefined;
  #moderator: Moderator | undefined;
  #handRaiser: HandRaiser | undefined;
  #offStore: (() => void) | undefined;
  #offToken: (() => void) | undefined;
  /** The token the room is joined with (refreshed by the server while connected). */
  #token = '';
  #lastUrl = '';
  #attempt = 0;
  #abort: AbortController | undefined;
  readonly #rejoiner = new Rejoiner(
    () => void this.connect(),
    () => this.#joining && this.canJoin,
  );
  #released = false;
  #joining = false;
  readonly #waiting = new WaitingGate();
  /** End-to-end encryption, loaded with the first key (session/e2ee.ts). */
  #e2ee: SessionEncryption | undefined;
  /** After `rejoinAfter` without the connection: a fresh token and the same tracks. */
  readonly #fast = new FastRejoin({
    wanted: (room) => room === this.#room && !this.#released && this.#joining && this.canJoin,
    url: () => this.#lastUrl,
    details: () => this.#connectionDetails(new AbortController().signal),
    begin: () => this.#store.get()?.beginRejoin(),
    rejoin: (kept) => ((this.#kept = kept), this.#rejoiner.now()),
    remember: (media) => (this.#choice = media),
  });
  /** The user's own chat messages, sent again after a rejoin, kept while the call is lost. */
  readonly #outbox = new ChatOutbox({
    room: () => this.room,
    store: () => this.store,
    joining: () => this.#joining && !this.#released && this.canJoin,
  });
  /** Preview tracks handed over before joining, published on joining. */
  #tracks: JoinMedia['tracks'];
  /** The tracks kept across a fast rejoin, published again on joining. */
  #kept: JoinMedia['kept'];
  /** What the user chose before joining, then what is on while connected: kept for a rejoin. */
  #choice: { audio: boolean; video: boolean } | undefined;
  /** The remembered devices being applied to a new Room (a choice waits for it). */
  #applying: Promise<unknown> = Promise.resolve();

  constructor(config: Partial<SessionConfig> = {}, storage?: () => PreferenceStorage | undefined) {
    this.configure(config);
    this.devices = new DevicePreferences(storage);
    const images = () => this.#config.backgroundImages;
    this.background = new Background(this.devices, () => this.#room, images);
    this.voice = new VoiceProcessing(this.devices);
  }

  /** Change the configuration; takes effect at the next join (`roomOptions`: the next Room). */
  configure(config: Partial<SessionConfig>): void {
    const defined = Object.entries(config).filter(([, v]) => v !== undefined);
    this.#config = { ...this.#config, ...Object.fromEntries(defined) };
  }

  /** The configuration in effect, without the token and key (which are never exposed again). */
  get config(): Readonly<OpenConfig> {
    return { ...this.#config, token: undefined, e2eeKey: undefined } as OpenConfig;
  }

  /** The store of the current Room (undefined until a Room is made). */
  get $store(): ReadableAtom<RoomStore | undefined> {
    return this.#store;
  }

  /**
   * The store of the Room, making the Room if there is none yet. After `release()` it is the last
   * store, which no longer follows the Room, until `resume()` or `connect()`.
   */
  get store(): RoomStore {
    this.#ensureRoom();
    return this.#store.get()!;
  }

  /** The livekit-client `Room`, made when first needed. */
  get room(): Room {
    this.#ensureRoom();
    return this.#room!;
  }

  /** Follow the Room again after `release()` (with a new store). */
  resume(): void {
    if (this.#released && this.#room) this.#adopt(this.#room);
    this.#ensureRoom();
  }

  /** Follow another Room (one connected elsewhere, or a simulated one): a new store follows it. */
  useRoom(room: Room): void {
    if (room === this.#room && !this.#released) return;
    void this.leave();
    this.#adopt(room);
  }

  /** Waiting room: the camera preview shown while waiting to be let in (never published). */
  get $waitingPreview(): ReadableAtom<LocalVideoTrack | undefined> {
    return this.#waiting.$preview;
  }

  /** The attempt under way to rejoin by itself (0 when not rejoining). */
  get $rejoinAttempt(): ReadableAtom<number> {
    return this.#rejoiner.$attempt;
  }

  /** Wording that overrides the locales' for every element of this session. */
  get $strings(): ReadableAtom<PartialMessages> {
    return this.#strings;
  }

  setStrings(strings: PartialMessages): void {
    this.#strings.set(strings ?? {});
  }

  /** Room events as the store saw them (each after its snapshot), across Rooms. */
  onEvent(fn: (event: RoomStoreEvent) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  /** Whether there is enough configuration to join. */
  get canJoin(): boolean {
    const c = this.#config;
    return !!(c.tokenUrl || (c.token && c.serverUrl));
  }

  /** A join was asked for and not left since. */
  get joining(): boolean {
    return this.#joining;
  }

  /** Warm up the connection to the server (DNS, TLS) before joining. */
  prepare(url = this.#config.serverUrl || this.#lastUrl): void {
    if (!url) return;
    this.room.prepareConnection(url).catch(() => {
      /* Only a warm-up: the real connect reports any problem. */
    });
  }

  /** Join with what the user chose before joining (name, preview tracks). */
  join(choice: JoinChoice): Promise<void> {
    this.#tracks = { audio: choice.audioTrack, video: choice.videoTrack };
    this.#choice = { audio: !!choice.audioTrack, video: !!choice.videoTrack };
    if (choice.name) this.configure({ name: choice.name });
    return this.connect();
  }

  /** Fetch a token if needed and join. Never rejects: failures land in the store's `error`. */
  async connect(): Promise<void> {
    this.#joining = true;
    // Made (or followed again) first: adopting a Room counts as a new attempt.
    this.resume();
    const attempt = ++this.#attempt;
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const { room, store } = this;
    try {
      if (room.state !== ConnectionState.Disconnected) await room.disconnect();
      if (attempt !== this.#attempt) return;
      if (!this.canJoin) {
        store.reportError({ code: 'not-configured', fatal: true });
        return;
      }
      store.beginConnect();
      // A rejoin has its fresh token in hand already (and the last URL may be a dead node's).
      if (this.#lastUrl && !this.#fast.found) this.prepare(this.#lastUrl);
      const details = await this.#connectionDetails(abort.signal);
      if (attempt !== this.#attempt) return;
      this.#lastUrl = details.url;
      // End-to-end encryption: a Room made without it joins as a new one (session/e2ee.ts).
      const key = this.#config.e2eeKey || details.e2eeKey || '';
      if (key) this.#e2ee ??= new (await import('./e2ee.js')).SessionEncryption();
      const renew = await this.#e2ee?.prepare(room, key, details);
      if (attempt !== this.#attempt) return;
      if (renew) return (this.#adopt(this.#newRoom()), this.connect());
      await room.connect(details.url, details.token);
      if (attempt !== this.#attempt) return;
      const wanted = this.#config.roomName;
      if (wanted && room.name && room.name !== wanted) {
        // The token endpoint answered with a token for another room than the one asked for.
        await room.disconnect();
        throw new RoomFailure('token-wrong-room', `${room.name} ≠ ${wanted}`);
      }
      this.#followToken(room, details.token);
      // In a waiting room, nothing is published until a host lets this participant in.
      if (!(await this.#waiting.untilAdmitted(room, store, this.#held(), abort.signal))) return;
      if (attempt !== this.#attempt) return;
      const [tracks, kept] = [this.#tracks, this.#kept];
      this.#tracks = this.#kept = undefined;
      const { audio, video } = this.#choice ?? this.#config;
      const media = { tracks, kept, audio, video };
      await this.background.beforePublish(media); // the camera goes out processed, or not at all
      await publishOnJoin(room, store, media);
    } catch (error) {
      if (attempt !== this.#attempt) return;
      store.reportError(toRoomError(error));
    }
  }

  /** Join again after a disconnect (the Rejoin button). */
  rejoin(): Promise<void> {
    return this.connect();
  }

  /** Leave the room (and stop a join or a rejoin under way). */
  async leave(): Promise<void> {
    this.#joining = false;
    this.#rejoiner.stop();
    this.#attempt += 1;
    this.#abort?.abort();
    // Preview (or kept) tracks that never got published are ours to stop.
    const { tracks, kept } = { tracks: this.#tracks, kept: this.#kept };
    [tracks?.audio, tracks?.video, kept?.audio, kept?.video, ...(kept?.others ?? [])].forEach(
      (track) => track?.stop(),
    );
    this.#tracks = this.#kept = undefined;
    this.#fast.take(); // a fresh token found for a rejoin is not for after leaving
    this.#outbox.giveUp();
    const store = this.#store.get();
    if (this.#room) await this.#room.disconnect();
    store?.abandonConnect();
  }

  /**
   * Let go of the Room after leaving: the store is destroyed, so the Room holds no listener that
   * leads back to this session or its elements (livekit-client keeps every Room alive through a
   * `devicechange` listener). Used again, the session follows the same Room with a new store.
   */
  release(): void {
    if (this.#released || !this.#room) return;
    this.#released = true;
    this.#fast.dispose();
    this.#outbox.dispose();
    this.voice.dispose();
    this.#offStore?.();
    this.#store.get()?.destroy();
    this.#offToken?.();
    this.#offToken = undefined;
    this.#e2ee?.dispose();
  }

  // ——— Actions ———

  /**
   * Turn a source on or off. Rejects with the browser's error (a denied camera, a closed screen
   * picker) so the caller can say what went wrong.
   */
  async setSourceEnabled(
    source: ToggleSource,
    enabled: boolean,
    options: { audio?: boolean } = {},
  ): Promise<void> {
    const lp = this.room.localParticipant;
    if (source === 'microphone') await lp.setMicrophoneEnabled(enabled);
    else if (source === 'camera') await lp.setCameraEnabled(enabled);
    else await lp.setScreenShareEnabled(enabled, enabled ? { audio: !!options.audio } : undefined);
  }

  /**
   * Use another camera, microphone or speaker, live, and remember it for the next call. Rejects
   * when the device cannot be used (the one in use stays).
   */
  async chooseDevice(kind: DeviceKind, deviceId: string): Promise<void> {
    const room = this.room;
    // The user's choice wins over the remembered device being applied now: it goes after it.
    await this.#applying;
    await room.switchActiveDevice(kind, deviceId);
    this.devices.remember(kind, deviceId);
  }

  /**
   * The device a capture of `kind` should use now: the Room's active one, else the remembered
   * one (for the pre-join preview, which opens its tracks before the Room has any).
   */
  deviceFor(kind: DeviceKind): string | undefined {
    // A new Room says `default` until the remembered device has been applied to it.
    const active = this.#room?.getActiveDevice(kind);
    return (active !== 'default' && active) || this.devices.get(kind) || active;
  }

  /** Blur or replace the camera's background (live, remembered); `background.$state` follows it. */
  setBackground(choice: BackgroundChoice): Promise<void> {
    return this.background.set(choice);
  }

  /**
   * Raise or lower the local participant's hand: through the hand raiser (the server helper's
   * endpoint, which stamps the server's time), or without one, when the grant lets the
   * participant write its own attributes, by setting `mr.hand`. Reported as `hand-raise-failed`.
   */
  async setHandRaised(raised: boolean): Promise<void> {
    try {
      const lp = this.room.localParticipant;
      if (this.#handRaiser) await this.#handRaiser(raised);
      else if (lp.permissions?.canUpdateMetadata === false) throw new Error('no hand endpoint');
      else await lp.setAttributes({ [HAND_ATTRIBUTE]: raised ? new Date().toISOString() : '' });
    } catch (error) {
      this.store.reportError({ code: 'hand-raise-failed', detail: messageOf(error), fatal: false });
    }
  }

  /** Start audio playback after the browser blocked autoplay (call it from a user gesture). */
  async startAudio(): Promise<void> {
    await this.room.startAudio().catch(() => {
      /* Still blocked: canPlaybackAudio stays false and the Start audio button stays. */
    });
  }

  /**
   * Send a chat message on `lk.chat` (as LiveKit's own clients do) and record it in the store
   * (LiveKit does not echo your own). While the connection is lost (the session on its way back)
   * it is recorded as `delivery: 'pending'` and sent once back in the call; what was sent shortly
   * before a loss is sent again after a rejoin, with the same id, so nothing sent is lost and
   * nobody sees it twice. Rejects (and reports `chat-send-failed`) when it could not be sent nor
   * kept, and refuses one that shows nothing (white space or invisible characters only).
   */
  sendChat(text: string): Promise<void> {
    return this.#outbox.send(text);
  }

  /**
   * Send again one of your messages that was not sent (`delivery: 'failed'`: the session gave up
   * on the call before it went out), with its id. Rejects (and reports `chat-send-failed`) when
   * it fails again.
   */
  retryChat(id: string): Promise<void> {
    return this.#outbox.retry(id);
  }

  /** Send an emoji reaction to everyone (reported as `reaction-failed` on failure). */
  sendReaction(emoji: string): Promise<void> {
    return sendReaction(this.room, this.store, emoji);
  }

  /** Mute every incoming track here, or play them again. Local only. */
  setDeafened(deafened: boolean): void {
    this.store.setDeafened(deafened);
  }

  /** The volume (0 to 1) at which a participant plays here. Local only. */
  setVolume(identity: string, volume: number): void {
    this.store.setVolume(identity, volume);
  }

  /**
   * Who carries out moderation: set on joining to call the server helper's endpoint with the
   * participant's own token; a page may set its own. Without one, `moderation` is false in the
   * store and `moderate` rejects.
   */
  setModerator(moderator: Moderator | undefined): void {
    this.#moderator = moderator;
    this.#store.get()?.setModeration(!!moderator);
  }

  /**
   * Who raises the hand: set on joining to call the server helper's hand endpoint with the
   * participant's own token; a page may set its own. Without one, `setHandRaised` writes the
   * attribute itself, which only a grant to update its own metadata allows.
   */
  setHandRaiser(handRaiser: HandRaiser | undefined): void {
    this.#handRaiser = handRaiser;
    this.#store.get()?.setHandServer(!!handRaiser);
  }

  /**
   * Mute, remove or promote a participant, lower their hand, or a host's `HostRequest`. The
   * server checks the caller's token; the effect arrives as room events. A failure is reported
   * as the non-fatal error `moderation-failed` and also rejects.
   */
  async moderate(request: ModerationRequest | HostRequest): Promise<void> {
    try {
      if (!this.#moderator) throw new Error('no moderator is configured');
      await this.#moderator(request);
    } catch (error) {
      this.store.reportError({ code: 'moderation-failed', detail: messageOf(error), fatal: false });
      throw error;
    }
  }

  /** Spotlight `identity` for everyone (a host; `null` clears), as `moderate` does. */
  spotlight(identity: string | null): Promise<void> {
    return this.moderate({ action: 'spotlight', identity });
  }

  /** Place participants for everyone (a host): identity → position, 0 first; `null` clears. */
  setPositions(positions: Readonly<Record<string, number>> | null): Promise<void> {
    return this.moderate({ action: 'positions', positions });
  }

  /** End the meeting for everyone (a host), then leave; see `session/host.ts`. */
  endForEveryone(): Promise<void> {
    return endForEveryone(
      this.room,
      () => this.moderate({ action: 'end' }),
      () => this.leave(),
    );
  }

  /** Set attributes of the local participant (only the keys given change). */
  setAttributes(attributes: Record<string, string>): Promise<void> {
    return this.room.localParticipant.setAttributes(attributes);
  }

  /** Delete attributes of the local participant (LiveKit deletes a key set to ''). */
  deleteAttributes(...keys: string[]): Promise<void> {
    return this.setAttributes(Object.fromEntries(keys.map((key) => [key, ''])));
  }

  /**
   * Show the call in a picture-in-picture window (from a user gesture): the large tile, yourself
   * small, microphone, camera and Leave; the large tile's video alone where only that exists.
   */
  openPictureInPicture(options?: PipOptions): Promise<void> {
    return this.pictureInPicture.open(options);
  }

  /** Close picture-in-picture; the call shows in the page alone again. */
  closePictureInPicture(): void {
    this.pictureInPicture.close();
  }

  /** Re-read the media devices (labels appear once a permission was granted). */
  refreshDevices(): void {
    this.store.refreshDevices();
  }

  /**
   * Change how the microphone is processed (only the keys given), live, remembered with the
   * devices; `voice.$settings` holds them. Rejects when the Web Audio step cannot be set up.
   */
  setVoiceProcessing(change: Partial<VoiceSettings>): Promise<void> {
    return this.voice.set(change);
  }

  /** Dismiss the problem shown to the user. */
  clearError(): void {
    this.store.clearError();
  }

  // ——— Inside ———

  /** What a waiting participant holds back: the preview, or the camera to open for one. */
  #held(): Parameters<WaitingGate['untilAdmitted']>[2] {
    const open = (video: LocalVideoTrack) => (this.#tracks = { ...this.#tracks, video });
    const camera = (this.#choice ?? this.#config).video;
    return { video: this.#tracks?.video, camera, deviceId: this.deviceFor('videoinput'), open };
  }

  #ensureRoom(): void {
    if (this.#room) return;
    this.#adopt(this.#newRoom());
  }

  #newRoom(): Room {
    const { e2eeKey, roomOptions } = this.#config;
    const options = this.#e2ee?.roomOptions(e2eeKey, roomOptions) ?? roomOptions;
    return new Room({ adaptiveStream: true, dynacast: true, ...options });
  }

  #adopt(room: Room): void {
    this.#offStore?.();
    this.#store.get()?.destroy();
    this.#offToken?.();
    this.#offToken = undefined;
    const store = new RoomStore(room);
    this.#room = room;
    this.#released = false;
    this.#attempt += 1;
    this.#offStore = store.onEvent((event) => this.#onStoreEvent(event));
    store.setModeration(!!this.#moderator);
    store.setHandServer(!!this.#handRaiser);
    this.#store.set(store);
    this.#applying = this.devices.applyTo(room);
    this.#fast.follow(room, () => this.#config.rejoinAfter);
    this.#outbox.follow(room);
    this.voice.follow(room);
  }

  #onStoreEvent(event: RoomStoreEvent): void {
    if (event.type === 'track-subscribed') pauseIfUnseen(event.publication);
    this.#rejoiner.follow(event);
    this.#outbox.onEvent(event, this.#joining && this.#rejoiner.$attempt.get() > 0);
    for (const fn of [...this.#listeners]) fn(event);
  }

  async #connectionDetails(signal: AbortSignal): Promise<ConnectionDetails> {
    const [c, fresh] = [this.#config, this.#e2ee?.take() ?? this.#fast.take()];
    if (fresh) return fresh;
    if (c.token && c.serverUrl) return { token: c.token, url: c.serverUrl };
    return fetchConnectionDetails({
      tokenUrl: c.tokenUrl,
      method: c.tokenMethod,
      body: { room: c.roomName, identity: c.identity, name: c.name },
      timeoutMs: c.tokenTimeout,
      signal,
    });
  }

  /**
   * Keep the token the room is joined with (the server refreshes it while connected) and moderate
   * and raise hands with it through the server helper's endpoints.
   */
  #followToken(room: Room, token: string): void {
    this.#token = token;
    this.#offToken?.();
    this.#offToken = onTokenRefreshed(room, (fresh) => (this.#token = fresh));
    const { moderator, handRaiser } = serverTransports(this.#config, room.name, () => this.#token);
    this.setModerator(moderator);
    this.setHandRaiser(handRaiser);
  }
}
