import {
  ConnectionQuality,
  ConnectionQualityInfo,
  DisconnectReason,
  Encryption_Type,
  ConnectionQualityUpdate,
  ParticipantInfo,
  ParticipantInfo_State,
  ParticipantPermission,
  Room as RoomInfo,
  SpeakerInfo,
  StreamState,
  StreamStateInfo,
  StreamStateUpdate,
  TrackInfo,
  TrackSource,
  TrackType,
} from '@livekit/protocol';
import { Room, Track, type Participant, type RemoteParticipant } from 'livekit-client';
import { CAPABILITIES_ATTRIBUTE } from '../../src/store/attributes.js';

/** The Room's own handlers for signal messages (private in livekit-client's types). */
interface SignalHandlers {
  handleParticipantUpdates(infos: ParticipantInfo[]): void;
  handleActiveSpeakersUpdate(speakers: SpeakerInfo[]): void;
  handleConnectionQualityUpdate(update: ConnectionQualityUpdate): void;
  handleRoomUpdate(room: RoomInfo): void;
  handleStreamStateUpdate(update: StreamStateUpdate): void;
}

const QUALITY = {
  excellent: ConnectionQuality.EXCELLENT,
  good: ConnectionQuality.GOOD,
  poor: ConnectionQuality.POOR,
  lost: ConnectionQuality.LOST,
} as const;

const SOURCES = {
  camera: TrackSource.CAMERA,
  microphone: TrackSource.MICROPHONE,
  screen_share: TrackSource.SCREEN_SHARE,
  screen_share_audio: TrackSource.SCREEN_SHARE_AUDIO,
} as const;

/**
 * A real livekit-client `Room` with no server: `simulateParticipants` connects it, then the script
 * feeds it the protocol messages the SFU would send, through the Room's own handlers, so every
 * room event the store sees is one livekit-client really emits.
 */
export class ScriptedRoom {
  readonly room = new Room();
  #version = 100;
  #sid = 1;

  /**
   * Connect with `remotes` simulated remote participants, each with the server helper's default
   * grant (it may not write its own attributes, so they count as server-set) and publishing a
   * camera (published, not subscribed: there is no media without a server). Simulated media
   * tracks are not used: Chromium forbids the `new RTCRtpReceiver()` they need.
   */
  static async create(remotes: number): Promise<ScriptedRoom> {
    const script = new ScriptedRoom();
    await script.room.simulateParticipants({
      participants: { count: remotes + 1, video: false, audio: false },
      publish: { audio: false, video: false },
    });
    script.#uniqueSids();
    for (const identity of script.identities) {
      script.setPermissions(identity, {});
      script.publishCamera(identity);
    }
    return script;
  }

  /**
   * Give every simulated remote a sid of its own, as the SFU does. `simulateParticipants` draws
   * each one at random below 10000, so two of 19 remotes share one in about one room of 70; the
   * Room's sid → identity map then sends a speaker, connection-quality or stream-state update
   * meant for one of them to the other.
   */
  #uniqueSids(): void {
    const sidToIdentity = (this.room as unknown as { sidToIdentity: Map<string, string> })
      .sidToIdentity;
    sidToIdentity.clear();
    for (const p of this.room.remoteParticipants.values()) {
      const sid = `PA_simulated_${this.#sid++}`;
      p.updateInfo(
        new ParticipantInfo({
          sid,
          identity: p.identity,
          name: p.name ?? '',
          state: ParticipantInfo_State.ACTIVE,
          joinedAt: p.joinedAt ? BigInt(Math.floor(p.joinedAt.getTime() / 1000)) : undefined,
          version: this.#version++,
        }),
      );
      sidToIdentity.set(sid, p.identity);
    }
  }

  /** The SFU says this participant published a camera. */
  publishCamera(identity: string): void {
    const p = this.remote(identity);
    const camera = new TrackInfo({
      sid: `TR_script_${this.#sid++}`,
      source: TrackSource.CAMERA,
      type: TrackType.VIDEO,
      name: 'camera',
    });
    p.updateInfo(
      new ParticipantInfo({
        sid: p.sid,
        identity,
        name: p.name ?? '',
        state: ParticipantInfo_State.ACTIVE,
        tracks: [...this.#trackInfos(p), camera],
        version: this.#version++,
      }),
    );
  }

  /**
   * The SFU says this participant published (or, with `muted`, muted or unmuted) a track of
   * `source`. Unlike `update` and `setCameraMuted`, it keeps every track's own source, so a screen
   * share stays a screen share. `encrypted`: a new track is end-to-end encrypted.
   */
  publishTrack(
    identity: string,
    source: keyof typeof SOURCES,
    options: { muted?: boolean; encrypted?: boolean } = {},
  ): void {
    const p = this.remote(identity);
    const infos = [...p.trackPublications.values()].map(
      (pub) =>
        new TrackInfo({
          sid: pub.trackSid,
          source: SOURCES[pub.source as keyof typeof SOURCES] ?? TrackSource.CAMERA,
          type: pub.kind === 'audio' ? TrackType.AUDIO : TrackType.VIDEO,
          muted: pub.source === source ? (options.muted ?? pub.isMuted) : pub.isMuted,
          name: pub.trackName,
        }),
    );
    if (!infos.some((info) => info.source === SOURCES[source])) {
      infos.push(
        new TrackInfo({
          sid: `TR_script_${this.#sid++}`,
          source: SOURCES[source],
          type:
            source === 'microphone' || source === 'screen_share_audio'
              ? TrackType.AUDIO
              : TrackType.VIDEO,
          muted: options.muted ?? false,
          name: source,
          // End-to-end encrypted media, as its trackInfo says.
          encryption: options.encrypted ? Encryption_Type.GCM : Encryption_Type.NONE,
        }),
      );
    }
    p.updateInfo(
      new ParticipantInfo({
        sid: p.sid,
        identity,
        name: p.name ?? '',
        metadata: p.metadata ?? '',
        attributes: { ...p.attributes },
        state: ParticipantInfo_State.ACTIVE,
        tracks: infos,
        version: this.#version++,
      }),
    );
  }

  /** The SFU's connection-quality update for one participant (remote or local). */
  connectionQuality(identity: string, quality: keyof typeof QUALITY): void {
    const sid =
      identity === this.room.localParticipant.identity
        ? this.room.localParticipant.sid
        : this.remote(identity).sid;
    this.#handlers.handleConnectionQualityUpdate(
      new ConnectionQualityUpdate({
        updates: [new ConnectionQualityInfo({ participantSid: sid, quality: QUALITY[quality] })],
      }),
    );
  }

  /**
   * The SFU says `identity` published an audio track of `source` (a microphone by default), its
   * other tracks kept as they are. Returns the track sid.
   */
  publishAudio(identity: string, source: TrackSource = TrackSource.MICROPHONE): string {
    const p = this.remote(identity);
    const sid = `TR_audio_${this.#sid++}`;
    const tracks = [...p.trackPublications.values()].map(
      (pub) =>
        new TrackInfo({
          sid: pub.trackSid,
          source: Track.sourceToProto(pub.source),
          type: pub.kind === Track.Kind.Audio ? TrackType.AUDIO : TrackType.VIDEO,
          muted: pub.isMuted,
          name: pub.trackName,
        }),
    );
    tracks.push(new TrackInfo({ sid, source, type: TrackType.AUDIO, name: 'audio' }));
    p.updateInfo(
      new ParticipantInfo({
        sid: p.sid,
        identity,
        name: p.name ?? '',
        state: ParticipantInfo_State.ACTIVE,
        tracks,
        version: this.#version++,
      }),
    );
    return sid;
  }

  /** The SFU's media for track `sid` of `identity` arrives: livekit-client subscribes to it. */
  subscribeMedia(identity: string, sid: string, media: MediaStreamTrack): void {
    (
      this.remote(identity) as unknown as {
        addSubscribedMediaTrack(
          t: MediaStreamTrack,
          sid: string,
          s: MediaStream,
          r: undefined,
        ): void;
      }
    ).addSubscribedMediaTrack(media, sid, new MediaStream([media]), undefined);
  }

  /**
   * The SFU's stream-state update: it paused (or resumed) forwarding subscribed track `sid` of
   * `identity` (adaptive stream, congestion). livekit-client sets the track's stream state and
   * emits `TrackStreamStateChanged`.
   */
  streamState(identity: string, sid: string, state: 'active' | 'paused'): void {
    this.#handlers.handleStreamStateUpdate(
      new StreamStateUpdate({
        streamStates: [
          new StreamStateInfo({
            participantSid: this.remote(identity).sid,
            trackSid: sid,
            state: state === 'paused' ? StreamState.PAUSED : StreamState.ACTIVE,
          }),
        ],
      }),
    );
  }

  /** The SFU's room update saying whether the room is being recorded. */
  setRecording(recording: boolean): void {
    this.#handlers.handleRoomUpdate(
      new RoomInfo({ sid: 'RM_SIMULATED', name: 'simulated-room', activeRecording: recording }),
    );
  }

  get #handlers(): SignalHandlers {
    return this.room as unknown as SignalHandlers;
  }

  remote(identity: string): RemoteParticipant {
    const p = this.room.remoteParticipants.get(identity);
    if (!p) throw new Error(`no remote participant ${identity}`);
    return p;
  }

  /** Identities of the remote participants, in the Room's order. */
  get identities(): string[] {
    return [...this.room.remoteParticipants.keys()];
  }

  /**
   * A participant joins with the server helper's default grant, or with `canUpdateMetadata` (a
   * token that lets it write its own name, metadata and attributes).
   */
  join(
    identity: string,
    name = identity,
    grant: { canUpdateMetadata?: boolean } = {},
  ): RemoteParticipant {
    this.#handlers.handleParticipantUpdates([
      new ParticipantInfo({
        sid: `PA_script_${this.#sid++}`,
        identity,
        name,
        permission: defaultPermission(grant),
        state: ParticipantInfo_State.ACTIVE,
        joinedAt: BigInt(Math.floor(Date.now() / 1000)),
        version: this.#version++,
      }),
    ]);
    return this.remote(identity);
  }

  /**
   * Many participants join in one SFU update (a webinar's audience arriving): each with the server
   * helper's default grant, `canPublish: false` for `viewer`s. Publishes nothing.
   */
  joinMany(people: readonly { identity: string; name?: string; viewer?: boolean }[]): void {
    this.#handlers.handleParticipantUpdates(
      people.map(
        ({ identity, name = identity, viewer = false }) =>
          new ParticipantInfo({
            sid: `PA_script_${this.#sid++}`,
            identity,
            name,
            permission: defaultPermission(viewer ? { canPublish: false } : {}),
            state: ParticipantInfo_State.ACTIVE,
            joinedAt: BigInt(Math.floor(Date.now() / 1000)),
            version: this.#version++,
          }),
      ),
    );
  }

  /** The SFU says this participant went, for `reason` (none: unknown, as an old server says). */
  leave(identity: string, reason?: DisconnectReason): void {
    const p = this.remote(identity);
    this.#handlers.handleParticipantUpdates([
      new ParticipantInfo({
        sid: p.sid,
        identity,
        state: ParticipantInfo_State.DISCONNECTED,
        version: this.#version++,
        ...(reason === undefined ? {} : { disconnectReason: reason }),
      }),
    ]);
  }

  /** The SFU's speaker update: these identities are speaking, loudest first. */
  speakers(identities: string[]): void {
    this.#handlers.handleActiveSpeakersUpdate(
      identities.map(
        (id, i) =>
          new SpeakerInfo({ sid: this.remote(id).sid, level: 0.9 - i * 0.1, active: true }),
      ),
    );
  }

  /** A participant update from the SFU with a changed name, metadata or attributes. */
  update(
    identity: string,
    change: { name?: string; metadata?: string; attributes?: Record<string, string> },
  ): void {
    const p = this.remote(identity);
    p.updateInfo(
      new ParticipantInfo({
        sid: p.sid,
        identity,
        name: change.name ?? p.name ?? '',
        metadata: change.metadata ?? p.metadata ?? '',
        attributes: change.attributes ?? { ...p.attributes },
        state: ParticipantInfo_State.ACTIVE,
        tracks: this.#trackInfos(p),
        version: this.#version++,
      }),
    );
  }

  /** Mute or unmute a participant's camera, as the SFU reports it. */
  setCameraMuted(identity: string, muted: boolean): void {
    const p = this.remote(identity);
    p.updateInfo(
      new ParticipantInfo({
        sid: p.sid,
        identity,
        name: p.name ?? '',
        metadata: p.metadata ?? '',
        attributes: { ...p.attributes },
        state: ParticipantInfo_State.ACTIVE,
        tracks: this.#trackInfos(p, muted),
        version: this.#version++,
      }),
    );
  }

  /**
   * The SFU says this participant's (remote or local) grant changed: `canPublish: false` makes a
   * viewer. Unlisted permissions are as the server helper's default grant gives them (everything
   * but `canUpdateMetadata`); `canPublishSources` empty means every source. Keeps every track
   * with its own source.
   */
  setPermissions(
    identity: string,
    permission: {
      canPublish?: boolean;
      canSubscribe?: boolean;
      canPublishData?: boolean;
      canUpdateMetadata?: boolean;
      canPublishSources?: (keyof typeof SOURCES)[];
      hidden?: boolean;
    },
  ): void {
    this.#reinfo(identity, { permission: defaultPermission(permission) });
  }

  /**
   * The SFU says this participant's (remote or local) attributes changed: the keys given are set,
   * an empty value deletes one, the others stay. Unlike `update`, it keeps every track's source
   * (a microphone stays a microphone).
   */
  setAttributes(identity: string, attributes: Record<string, string>): void {
    const p = this.#participant(identity);
    const next: Record<string, string> = { ...p.attributes };
    for (const [key, value] of Object.entries(attributes)) {
      if (value) next[key] = value;
      else delete next[key];
    }
    this.#reinfo(identity, { attributes: next });
  }

  /**
   * Give a participant (by default the local one) the `moderate:participants` capability in its
   * `mr.capabilities` attribute, as a token from the server helper would, and a grant that does
   * not let it write its own attributes (only then does a role count).
   */
  makeModerator(identity = this.room.localParticipant.identity): void {
    const p = this.#participant(identity);
    this.#reinfo(identity, {
      attributes: { ...p.attributes, [CAPABILITIES_ATTRIBUTE]: 'moderate:participants' },
      permission: new ParticipantPermission({
        ...(p.permissions ?? defaultPermission({})),
        canUpdateMetadata: false,
      }),
    });
  }

  #participant(identity: string): Participant {
    return identity === this.room.localParticipant.identity
      ? this.room.localParticipant
      : this.remote(identity);
  }

  /** Re-send a participant's info with some fields changed, every track keeping its source. */
  #reinfo(
    identity: string,
    change: { attributes?: Record<string, string>; permission?: ParticipantPermission },
  ): void {
    const p = this.#participant(identity);
    const tracks = [...p.trackPublications.values()].map(
      (pub) =>
        new TrackInfo({
          sid: pub.trackSid,
          source: SOURCES[pub.source as keyof typeof SOURCES] ?? TrackSource.CAMERA,
          type: pub.kind === 'audio' ? TrackType.AUDIO : TrackType.VIDEO,
          muted: pub.isMuted,
          name: pub.trackName,
        }),
    );
    p.updateInfo(
      new ParticipantInfo({
        sid: p.sid,
        identity,
        name: p.name ?? '',
        metadata: p.metadata ?? '',
        attributes: change.attributes ?? { ...p.attributes },
        permission: change.permission ?? p.permissions,
        state: ParticipantInfo_State.ACTIVE,
        tracks,
        version: this.#version++,
      }),
    );
  }

  #trackInfos(p: RemoteParticipant, cameraMuted?: boolean): TrackInfo[] {
    return [...p.trackPublications.values()].map(
      (pub) =>
        new TrackInfo({
          sid: pub.trackSid,
          source: TrackSource.CAMERA,
          type: TrackType.VIDEO,
          muted: cameraMuted ?? pub.isMuted,
          name: pub.trackName,
        }),
    );
  }
}

/** The server helper's default grant, with `permission`'s flags and sources instead. */
function defaultPermission(permission: {
  canPublish?: boolean;
  canSubscribe?: boolean;
  canPublishData?: boolean;
  canUpdateMetadata?: boolean;
  canPublishSources?: (keyof typeof SOURCES)[];
  hidden?: boolean;
}): ParticipantPermission {
  const { canPublishSources = [], ...flags } = permission;
  return new ParticipantPermission({
    canPublish: true,
    canSubscribe: true,
    canPublishData: true,
    canUpdateMetadata: false,
    ...flags,
    canPublishSources: canPublishSources.map((source) => SOURCES[source]),
  });
}

/** A blank video as a MediaStreamTrack (a canvas's stream; no device, no server). */
export function canvasTrack(): MediaStreamTrack {
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 48;
  canvas.getContext('2d')!.fillRect(0, 0, 64, 48);
  return canvas.captureStream(1).getVideoTracks()[0]!;
}

/** A tone as a MediaStreamTrack (no device, no server); `close` ends it. */
export function toneTrack(): { track: MediaStreamTrack; close: () => Promise<void> } {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const destination = context.createMediaStreamDestination();
  oscillator.connect(destination);
  oscillator.start();
  const track = destination.stream.getAudioTracks()[0]!;
  return { track, close: () => context.close() };
}
