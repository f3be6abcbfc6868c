/**
 * `createMediaRooms`: rooms, access tokens with capabilities, and moderation on a LiveKit server.
 * Node only; it holds the API secret.
 */
import {
  AccessToken,
  RoomServiceClient,
  TokenVerifier,
  TrackSource,
  type ClaimGrants,
  type ParticipantInfo,
  type Room,
  type VideoGrant,
} from 'livekit-server-sdk';
import { CAPABILITIES_ATTRIBUTE, HAND_ATTRIBUTE } from '../store/attributes.js';
import { NotFoundError } from './errors.js';
import { validateJoinRequest } from './validate.js';
import { apiUrlFor, createNodePicker, type LivekitUrlResolver } from './nodes.js';
import { createWaitingRoom, waitingToken } from './waiting-room.js';
import { changeRoomMetadata } from './room-metadata.js';

export { CAPABILITIES_ATTRIBUTE, HAND_ATTRIBUTE };

/** Everything a token can allow; `generateToken` maps these onto LiveKit grants. */
export const CAPABILITIES = [
  'publish:camera',
  'publish:microphone',
  'publish:screen',
  'subscribe:all',
  'chat:send',
  'reactions:send',
  'hand:raise',
  'moderate:participants',
  'profile:update',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

/** The RoomServiceClient methods used here; pass your own (e.g. a recording wrapper) to observe. */
export type RoomServiceApi = Pick<
  RoomServiceClient,
  | 'createRoom'
  | 'listRooms'
  | 'deleteRoom'
  | 'getParticipant'
  | 'mutePublishedTrack'
  | 'removeParticipant'
  | 'updateParticipant'
  | 'updateRoomMetadata'
>;

export interface MediaRoomsOptions {
  apiKey: string;
  apiSecret: string;
  /** the ws(s) URL clients connect to (one node, or a load balancer in front of several) */
  livekitUrl?: string;
  /**
   * The ws(s) URLs of several nodes of one cluster (sharing Redis): each token names the next one
   * that answers its health check (`GET /` with 200), and server API calls go to one that answers.
   */
  livekitUrls?: readonly string[];
  /** Chooses the URL each token names (wins over `livekitUrl(s)` for tokens). */
  resolveLivekitUrl?: LivekitUrlResolver;
  /** ms to wait for a node's health check (with `livekitUrls`); default 1500 */
  healthTimeoutMs?: number;
  /** the http(s) URL of the server API; default: livekitUrl with ws→http, wss→https */
  apiUrl?: string;
  /** replaces the RoomServiceClient built from the options */
  roomService?: RoomServiceApi;
}

export interface CreateRoomOptions {
  /** default 20 */
  maxParticipants?: number;
  /** seconds an empty room stays open, default 300 */
  emptyTimeout?: number;
  metadata?: string;
}

export interface RoomSummary {
  roomId: string;
  numParticipants: number;
  createdAt: Date;
}

export interface RoomDetails extends RoomSummary {
  metadata: string;
}

export interface TokenOptions {
  identity: string;
  /** display name; default the identity */
  name?: string;
  /** ignored when `capabilities` is given; default true */
  canPublish?: boolean;
  /** ignored when `capabilities` is given; default true */
  canSubscribe?: boolean;
  /** when given, decides the whole grant */
  capabilities?: readonly Capability[];
  /** seconds or a span such as '10m' (the default) */
  ttl?: string | number;
  /** participant attributes; `mr.capabilities` is always set by this helper */
  attributes?: Record<string, string>;
  metadata?: string;
  /**
   * Waiting room: the token joins without any grant, marked `mr.waiting`, until a host admits
   * the participant with what the rest of these options grant. Ignored for a token that may
   * moderate (a host never waits).
   */
  waiting?: boolean;
}

export interface TokenResult {
  token: string;
  url: string;
}

export type ModerationAction =
  | 'mute'
  | 'remove'
  | 'promote'
  | 'lower-hand'
  // waiting room
  | 'admit'
  | 'deny';

export interface MediaRooms {
  createRoom(roomId: string, options?: CreateRoomOptions): Promise<RoomDetails>;
  deleteRoom(roomId: string): Promise<void>;
  listRooms(): Promise<RoomSummary[]>;
  generateToken(roomId: string, options: TokenOptions): Promise<TokenResult>;
  /** the ws(s) URL clients connect to (the first of `livekitUrls`; '' with a resolver alone) */
  mediaUrl(): string;
  /** Checks signature, issuer and expiry of a token this server's key signed; throws if bad. */
  verifyToken(token: string): Promise<ClaimGrants>;
  /** True when the verified claims may moderate `roomId` (roomAdmin, or the capability). */
  isModerator(claims: ClaimGrants, roomId: string): boolean;
  /** True when the verified claims are for `roomId` and list the `hand:raise` capability. */
  mayRaiseHand(claims: ClaimGrants, roomId: string): boolean;
  /** Mutes the track `trackSid`, or without it every microphone track of the participant. */
  muteParticipant(roomId: string, identity: string, trackSid?: string): Promise<void>;
  removeParticipant(roomId: string, identity: string): Promise<void>;
  /**
   * Lets the participant publish camera and microphone, keeping its other permissions, and lowers
   * their hand if it was raised.
   */
  promoteParticipant(roomId: string, identity: string): Promise<void>;
  /** Clears the participant's `mr.hand` attribute. */
  lowerHand(roomId: string, identity: string): Promise<void>;
  /**
   * Raises the participant's hand (`mr.hand` set to this server's current time, ISO; a hand
   * already raised keeps its time and place) or lowers it. Resolves with the attribute's value.
   */
  setHand(roomId: string, identity: string, raised: boolean): Promise<string>;
  // Waiting room (src/server/waiting-room.ts)
  /** Whether the room's metadata has `"waitingRoom": true` (false for a room not there). */
  isWaitingRoom(roomId: string): Promise<boolean>;
  /** Turns the waiting room on or off, keeping the metadata's other keys. */
  setWaitingRoom(roomId: string, enabled: boolean): Promise<void>;
  /** Grants a waiting participant what its token kept for it (`mr.admit`) and clears the mark. */
  admitParticipant(roomId: string, identity: string): Promise<void>;
  /** Sets `mr.denied` on a waiting participant and removes it. */
  denyParticipant(roomId: string, identity: string): Promise<void>;
  // Host actions on the whole room (see host-actions.ts):
  /**
   * Read-modify-write of the room's metadata JSON object: `change` gets a copy and returns the
   * next one; other keys stay as they are. Resolves with the metadata written; NotFoundError
   * without such a room; `MetadataConflictError` when the metadata is not a JSON object.
   */
  changeRoomMetadata(
    roomId: string,
    change: (current: Record<string, unknown>) => Record<string, unknown>,
  ): Promise<string>;
  /** Resolves when the participant is in the room; NotFoundError otherwise. */
  findParticipant(roomId: string, identity: string): Promise<void>;
}

export { NotFoundError };

const PUBLISH_SOURCES: Partial<Record<Capability, TrackSource[]>> = {
  'publish:camera': [TrackSource.CAMERA],
  'publish:microphone': [TrackSource.MICROPHONE],
  'publish:screen': [TrackSource.SCREEN_SHARE, TrackSource.SCREEN_SHARE_AUDIO],
};

/** Throws unless every entry is a known capability; returns them without duplicates. */
export function parseCapabilities(input: unknown): Capability[] {
  if (!Array.isArray(input)) {
    throw new Error(`capabilities must be an array of: ${CAPABILITIES.join(', ')}`);
  }
  for (const value of input) {
    if (!(CAPABILITIES as readonly unknown[]).includes(value)) {
      throw new Error(
        `unknown capability ${JSON.stringify(value)}; valid ones are: ${CAPABILITIES.join(', ')}`,
      );
    }
  }
  return [...new Set(input as Capability[])];
}

/** The LiveKit grant for a capability list (roomJoin and room are added by the caller). */
export function grantForCapabilities(capabilities: readonly Capability[]): VideoGrant {
  const has = (capability: Capability): boolean => capabilities.includes(capability);
  const sources = capabilities.flatMap((capability) => PUBLISH_SOURCES[capability] ?? []);
  return {
    canPublish: sources.length > 0,
    ...(sources.length > 0 ? { canPublishSources: sources } : {}),
    canSubscribe: has('subscribe:all'),
    canPublishData: has('chat:send') || has('reactions:send'),
    // Hands go through the server (`setHand`), so raising one needs no grant of its own. A
    // participant that may write its own attributes could write any role into them: such a
    // participant is never shown with a role, and its hand is ordered by when others saw it.
    canUpdateOwnMetadata: has('profile:update'),
    roomAdmin: has('moderate:participants'),
  };
}

/** The capabilities a flag-based grant amounts to, for the `mr.capabilities` attribute. */
function capabilitiesForFlags(canPublish: boolean, canSubscribe: boolean): Capability[] {
  return [
    ...(canPublish ? (['publish:camera', 'publish:microphone', 'publish:screen'] as const) : []),
    ...(canSubscribe ? (['subscribe:all'] as const) : []),
    'chat:send',
    'reactions:send',
    'hand:raise',
  ];
}

/** The capabilities the signed token lists in its `mr.capabilities` attribute. */
function listedIn(claims: ClaimGrants): string[] {
  return claims.attributes?.[CAPABILITIES_ATTRIBUTE]?.split(',') ?? [];
}

/** Throws with the validator's message when roomId, identity or name break the join rules. */
function checkJoinInput(roomId: string, identity?: string, name?: string): { name: string } {
  if (identity === undefined) throw new Error('identity is required');
  const result = validateJoinRequest({ identity, name }, roomId);
  if (!result.ok) throw new Error(`invalid ${result.field}: ${result.error}`);
  return { name: result.value.name };
}

function checkRoomId(roomId: string): void {
  const result = validateJoinRequest({ identity: 'x' }, roomId);
  if (!result.ok) throw new Error(`invalid ${result.field}: ${result.error}`);
}

function createdAt(room: Room): Date {
  const ms = room.creationTimeMs > 0n ? room.creationTimeMs : room.creationTime * 1000n;
  return new Date(Number(ms));
}

/** True for the SDK's "not found" answer (HTTP 404 / twirp `not_found`). */
export function isNotFound(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { status, code } = error as { status?: unknown; code?: unknown };
  return status === 404 || code === 'not_found';
}

/**
 * How long (ms) a room may keep being placed on a node that died: livekit-server (v1.13.5) takes a
 * node for available until its last stats are 5 s old, and the node that received the request
 * answers `unavailable` ("no response from servers") when it chose the dead one.
 */
const PLACEMENT_MS = 8_000;

/** Runs `create`, again while it answers `unavailable`, for `PLACEMENT_MS` at most. */
async function untilPlaced<T>(create: () => Promise<T>): Promise<T> {
  for (const deadline = Date.now() + PLACEMENT_MS; ;) {
    try {
      return await create();
    } catch (error) {
      const { code } = (error ?? {}) as { code?: unknown };
      if (code !== 'unavailable' || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}

/**
 * The server API on whichever node answers, one client per node. Creating a room right after a
 * node died is tried again while the cluster still places rooms on it (`untilPlaced`).
 */
function servicePerNode(
  picker: { pick(): Promise<string>; urls: readonly string[] },
  client: (url: string) => RoomServiceClient,
): RoomServiceApi {
  const clients = new Map(picker.urls.map((url) => [url, client(url)]));
  const on = async (): Promise<RoomServiceClient> => clients.get(await picker.pick())!;
  const forward = <K extends keyof RoomServiceApi>(name: K): RoomServiceApi[K] =>
    (async (...args: unknown[]) => {
      const node = await on();
      return (node[name] as (...a: unknown[]) => unknown).apply(node, args);
    }) as RoomServiceApi[K];
  const create = forward('createRoom');
  return {
    createRoom: (...args) => untilPlaced(() => create(...args)),
    listRooms: forward('listRooms'),
    deleteRoom: forward('deleteRoom'),
    getParticipant: forward('getParticipant'),
    mutePublishedTrack: forward('mutePublishedTrack'),
    removeParticipant: forward('removeParticipant'),
    updateParticipant: forward('updateParticipant'),
    updateRoomMetadata: forward('updateRoomMetadata'),
  };
}

export function createMediaRooms(options: MediaRoomsOptions): MediaRooms {
  const { apiKey, apiSecret, livekitUrl, livekitUrls, resolveLivekitUrl } = options;
  if (!apiKey || !apiSecret) throw new Error('apiKey and apiSecret are required');
  if (!livekitUrl && !livekitUrls?.length && !resolveLivekitUrl) {
    throw new Error('livekitUrl, livekitUrls or resolveLivekitUrl is required');
  }
  const picker = livekitUrls?.length
    ? createNodePicker(livekitUrls, { healthTimeoutMs: options.healthTimeoutMs })
    : undefined;
  const client = (url: string): RoomServiceClient =>
    new RoomServiceClient(apiUrlFor(url), apiKey, apiSecret);
  let service: RoomServiceApi;
  if (options.roomService) service = options.roomService;
  else if (options.apiUrl) service = new RoomServiceClient(options.apiUrl, apiKey, apiSecret);
  else if (livekitUrl) service = client(livekitUrl);
  else if (picker) service = servicePerNode(picker, client);
  else throw new Error('apiUrl (or roomService) is required with resolveLivekitUrl alone');
  const urlFor = async (roomId: string, identity: string): Promise<string> => {
    if (resolveLivekitUrl) return resolveLivekitUrl({ roomId, identity });
    return picker ? picker.pick() : livekitUrl!;
  };
  const verifier = new TokenVerifier(apiKey, apiSecret);

  /** Runs an SDK call, turning its not-found answer into NotFoundError. */
  const call = async <T>(what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (isNotFound(error)) throw new NotFoundError(`${what} not found`);
      throw error;
    }
  };
  const participant = (roomId: string, identity: string): Promise<ParticipantInfo> => {
    checkJoinInput(roomId, identity);
    return call('participant', () => service.getParticipant(roomId, identity));
  };

  const waitingRoom = createWaitingRoom({
    service,
    participant,
    call,
    checkRoomId,
    grantFor(listed) {
      const granted = parseCapabilities(listed);
      return { granted, grant: grantForCapabilities(granted) };
    },
  });

  return {
    isWaitingRoom: waitingRoom.isWaitingRoom,
    setWaitingRoom: waitingRoom.setWaitingRoom,
    admitParticipant: waitingRoom.admit,
    denyParticipant: waitingRoom.deny,

    async createRoom(roomId, { maxParticipants = 20, emptyTimeout = 300, metadata } = {}) {
      checkRoomId(roomId);
      const [existing] = await service.listRooms([roomId]);
      // createRoom answers with the existing room too, so a race between two callers is harmless.
      const room =
        existing ??
        (await service.createRoom({
          name: roomId,
          maxParticipants,
          emptyTimeout,
          ...(metadata === undefined ? {} : { metadata }),
        }));
      return {
        roomId: room.name,
        numParticipants: room.numParticipants,
        createdAt: createdAt(room),
        metadata: room.metadata,
      };
    },

    async deleteRoom(roomId) {
      checkRoomId(roomId);
      try {
        await service.deleteRoom(roomId);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },

    async listRooms() {
      const rooms = await service.listRooms();
      return rooms.map((room) => ({
        roomId: room.name,
        numParticipants: room.numParticipants,
        createdAt: createdAt(room),
      }));
    },

    async generateToken(roomId, tokenOptions) {
      const { identity, capabilities, ttl = '10m', attributes = {}, metadata } = tokenOptions;
      const { name } = checkJoinInput(roomId, identity, tokenOptions.name);
      let grant: VideoGrant;
      let granted: Capability[];
      if (capabilities === undefined) {
        const { canPublish = true, canSubscribe = true } = tokenOptions;
        // A meeting participant may chat, react and raise a hand (through `setHand`); it does not
        // write its own name, metadata or attributes, so what others see of it is server-set.
        grant = { canPublish, canSubscribe, canPublishData: true, canUpdateOwnMetadata: false };
        granted = capabilitiesForFlags(canPublish, canSubscribe);
      } else {
        granted = parseCapabilities(capabilities);
        grant = grantForCapabilities(granted);
      }
      let marks: Record<string, string> = { [CAPABILITIES_ATTRIBUTE]: granted.join(',') };
      if (tokenOptions.waiting && !granted.includes('moderate:participants')) {
        ({ grant, attributes: marks } = waitingToken(granted));
      }
      const token = new AccessToken(apiKey, apiSecret, {
        identity,
        name,
        ttl,
        attributes: { ...attributes, ...marks },
        ...(metadata === undefined ? {} : { metadata }),
      });
      token.addGrant({ ...grant, roomJoin: true, room: roomId });
      return { token: await token.toJwt(), url: await urlFor(roomId, identity) };
    },

    mediaUrl: () => livekitUrl ?? livekitUrls?.[0] ?? '',

    verifyToken: (token) => verifier.verify(token),

    isModerator(claims, roomId) {
      if (claims.video?.room !== roomId) return false;
      if (claims.video.roomAdmin === true) return true;
      return listedIn(claims).includes('moderate:participants');
    },

    mayRaiseHand: (claims, roomId) =>
      claims.video?.room === roomId && listedIn(claims).includes('hand:raise'),

    async muteParticipant(roomId, identity, trackSid) {
      const info = await participant(roomId, identity);
      const tracks =
        trackSid === undefined
          ? info.tracks.filter((track) => track.source === TrackSource.MICROPHONE)
          : info.tracks.filter((track) => track.sid === trackSid);
      if (trackSid !== undefined && tracks.length === 0) throw new NotFoundError('track not found');
      for (const track of tracks) {
        await call('participant', () =>
          service.mutePublishedTrack(roomId, identity, track.sid, true),
        );
      }
    },

    async removeParticipant(roomId, identity) {
      checkJoinInput(roomId, identity);
      await call('participant', () => service.removeParticipant(roomId, identity));
    },

    async promoteParticipant(roomId, identity) {
      const info = await participant(roomId, identity);
      const { permission } = info;
      // Permissions are replaced as a whole, so start from the current ones.
      const current = permission ?? { canSubscribe: true, canPublishData: true };
      const sources = permission?.canPublishSources ?? [];
      // Publishing already allowed with no source list means every source: keep that.
      const everything = permission?.canPublish === true && sources.length === 0;
      const wanted = [TrackSource.CAMERA, TrackSource.MICROPHONE];
      await call('participant', () =>
        service.updateParticipant(roomId, identity, {
          permission: {
            ...current,
            canPublish: true,
            canPublishSources: everything ? [] : [...new Set([...sources, ...wanted])],
          },
          // A raised hand asked for the stage: it is answered.
          ...(info.attributes[HAND_ATTRIBUTE] ? { attributes: { [HAND_ATTRIBUTE]: '' } } : {}),
        }),
      );
    },

    async lowerHand(roomId, identity) {
      checkJoinInput(roomId, identity);
      await call('participant', () =>
        service.updateParticipant(roomId, identity, { attributes: { [HAND_ATTRIBUTE]: '' } }),
      );
    },

    async setHand(roomId, identity, raised) {
      const info = await participant(roomId, identity);
      const current = info.attributes[HAND_ATTRIBUTE] ?? '';
      // Raised twice, a hand keeps its first time (and so its place in the queue).
      if (raised && current) return current;
      const value = raised ? new Date().toISOString() : '';
      if (!raised && !current) return value;
      await call('participant', () =>
        service.updateParticipant(roomId, identity, { attributes: { [HAND_ATTRIBUTE]: value } }),
      );
      return value;
    },

    async changeRoomMetadata(roomId, change) {
      checkRoomId(roomId);
      const written = await changeRoomMetadata(service, roomId, change);
      if (written === undefined) throw new NotFoundError('room not found');
      return written;
    },

    async findParticipant(roomId, identity) {
      await participant(roomId, identity);
    },
  };
}
