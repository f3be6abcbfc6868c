import {
  ExternalE2EEKeyProvider,
  isE2EESupported,
  type Room,
  type RoomOptions,
} from 'livekit-client';
import { assetUrl } from '../internal/assets.js';
import { RoomFailure, type ConnectionDetails } from './token.js';

/**
 * End-to-end encryption of a session's calls, through livekit-client's own: one shared key (a
 * passphrase the page gives `<media-room>`, or the key the token endpoint's reply carries), an
 * `ExternalE2EEKeyProvider`, and livekit-client's worker, served by this package beside its code
 * (`assets/e2ee-worker.js`: same origin, so `worker-src 'self'` allows it). Nothing is made until a
 * key is first given: no worker, no key provider.
 *
 * The Room is made with livekit-client's `encryption` option (not the older `e2ee`), which also
 * encrypts data packets and data streams: chat and reactions. A Room made without it cannot encrypt
 * later, so a key that arrives for such a Room (from the token endpoint, or given after the Room
 * was made) has the session join with a new Room; the connection details already fetched are
 * kept for it (`take`).
 */
/** The workers sessions started: a Room with one of them is a session's, not the page's own. */
const made = new WeakSet<Worker>();

export class SessionEncryption {
  #provider: ExternalE2EEKeyProvider | undefined;
  #worker: Worker | undefined;
  /** The key set on the provider (a new one is set before the next join, and live). */
  #key = '';
  #details: ConnectionDetails | undefined;

  /**
   * The options of a new Room: the page's, plus encryption with this session's worker and key
   * provider when a key is known, given or fetched (unless the page's options bring their own).
   */
  roomOptions(given: string, page: Partial<RoomOptions>): Partial<RoomOptions> {
    const key = given || this.#details?.e2eeKey;
    if (!key || page.encryption || page.e2ee || !isE2EESupported()) return page;
    this.#provider ??= new ExternalE2EEKeyProvider();
    if (!this.#worker)
      made.add((this.#worker = new Worker(assetUrl('e2ee-worker.js'), { type: 'module' })));
    return { ...page, encryption: { keyProvider: this.#provider, worker: this.#worker } };
  }

  /**
   * Before connecting `room` with `key` ('' for none): whether a new Room must be made first (the
   * details fetched for this join are kept for it). Otherwise the key is set and encryption turned
   * on (or off, without a key). A key this browser cannot use is a fatal `e2ee-unsupported`.
   */
  async prepare(room: Room, key: string, details: ConnectionDetails): Promise<boolean> {
    const worker = (room.options.encryption as { worker?: Worker } | undefined)?.worker;
    const own = !!worker && worker === this.#worker;
    if (!key) {
      if (own && room.isE2EEEnabled) await room.setE2EEEnabled(false);
      return false;
    }
    // The page's own encryption options (not a Room of ours, whose worker may since be stopped).
    if ((room.options.encryption || room.options.e2ee) && !made.has(worker!)) return false;
    if (!own) {
      if (!isE2EESupported()) throw new RoomFailure('e2ee-unsupported');
      this.#details = { ...details, e2eeKey: key };
      return true;
    }
    if (key !== this.#key) {
      await this.#provider!.setKey(key);
      this.#key = key;
    }
    if (!room.isE2EEEnabled) await room.setE2EEEnabled(true);
    return false;
  }

  /** The connection details kept for the new Room (once). */
  take(): ConnectionDetails | undefined {
    const details = this.#details;
    this.#details = undefined;
    return details;
  }

  /** Stop the worker (the session let go of its Room): a later join makes a new Room and worker. */
  dispose(): void {
    this.#worker?.terminate();
    this.#worker = this.#provider = undefined;
    this.#key = '';
    this.#details = undefined;
  }
}
