import type { RoomOptions } from 'livekit-client';
import { REJOIN_AFTER_MS } from './rejoin.js';
import type { BackgroundImage } from './background.js';

/** How a session joins: where its token comes from and what it publishes. */
export interface SessionConfig {
  /** URL that answers `{ token, url }` (or `{ participantToken, serverUrl }`). */
  tokenUrl: string;
  /** `POST` sends JSON, `GET` sends query parameters. */
  tokenMethod: 'POST' | 'GET';
  /** Milliseconds to wait for the token endpoint. */
  tokenTimeout: number;
  /** Room name sent to the token endpoint; a token for another room is refused. */
  roomName: string;
  identity: string;
  name: string;
  /** A token given directly (with `serverUrl`) instead of `tokenUrl`. Never exposed again. */
  token: string;
  /** End-to-end encryption: the shared passphrase (wins over the token reply's `e2eeKey`). Never exposed again. */
  e2eeKey: string;
  serverUrl: string;
  /** Publish the microphone / camera on joining (unless a pre-join choice says otherwise). */
  audio: boolean;
  video: boolean;
  /**
   * The server helper's moderation endpoint (its hand endpoint is beside it: `…/moderate` →
   * `…/hand`); unset, both are worked out from `tokenUrl`.
   */
  moderationUrl: string;
  /** Options for the livekit-client `Room`, read when the Room is made. */
  roomOptions: Partial<RoomOptions>;
  /**
   * ms the connection may stay lost before rejoining with a fresh token (at once when its node is
   * gone for sure; 0: never; rejoin.ts).
   */
  rejoinAfter: number;
  /** The page's own background images, offered beside ours (`session.background`). */
  backgroundImages: readonly BackgroundImage[];
}

/** The configuration as the session shows it: without the token and the key. */
export type OpenConfig = Omit<SessionConfig, 'token' | 'e2eeKey'>;

/** The configuration before any is given. */
export const DEFAULTS: SessionConfig = {
  tokenUrl: '',
  tokenMethod: 'POST',
  tokenTimeout: 10_000,
  roomName: '',
  identity: '',
  name: '',
  token: '',
  e2eeKey: '',
  serverUrl: '',
  audio: false,
  video: false,
  moderationUrl: '',
  roomOptions: {},
  rejoinAfter: REJOIN_AFTER_MS,
  backgroundImages: [],
};
