import {
  KeyProviderEvent,
  RoomEvent,
  type BaseKeyProvider,
  type CryptorError,
} from 'livekit-client';
import type { Slice, SliceHost } from '../slice.js';
import type { EncryptionState, RoomSnapshot } from '../types.js';

const INITIAL: EncryptionState = Object.freeze({
  enabled: false,
  hasKey: false,
  encrypted: Object.freeze([]),
  undecryptable: Object.freeze([]),
});

/**
 * End-to-end encryption as this page sees it: whether its own media is encrypted, whether it holds
 * a key, whose media arrives encrypted (their publications say so) and whose cannot be decrypted
 * here (livekit-client's `EncryptionError` naming them: another key). Rebuilt with the
 * participants (their publications come and go there). A new key given (the key provider's
 * `setKey`) clears the failures: their media is tried again with it, and an error comes again if
 * it still fails; a participant who leaves is forgotten.
 */
export class EncryptionSlice implements Slice<'encryption'> {
  readonly keys: readonly 'encryption'[] = ['encryption'];
  readonly reads: readonly 'participants'[] = ['participants'];
  readonly initial: Pick<RoomSnapshot, 'encryption'> = Object.freeze({ encryption: INITIAL });

  readonly #host: SliceHost;
  readonly #provider: BaseKeyProvider | undefined;
  readonly #failed = new Set<string>();
  #state = INITIAL;

  constructor(host: SliceHost) {
    const { events, room } = (this.#host = host);
    const options = room.options.encryption ?? room.options.e2ee;
    this.#provider = options && 'keyProvider' in options ? options.keyProvider : undefined;
    this.#provider?.on(KeyProviderEvent.SetKey, this.#clear);
    events.on(RoomEvent.EncryptionError, (error, participant) => {
      const identity = participant?.identity ?? (error as CryptorError).participantIdentity;
      if (identity && identity !== room.localParticipant.identity) this.#failed.add(identity);
      host.invalidate(this);
    });
    events.on(RoomEvent.ParticipantEncryptionStatusChanged, () => host.invalidate(this));
  }

  readonly #clear = (): void => {
    this.#failed.clear();
    this.#host.invalidate(this);
  };

  build(): Pick<RoomSnapshot, 'encryption'> {
    const room = this.#host.room;
    const remotes = room.remoteParticipants;
    for (const id of this.#failed) if (!remotes.has(id)) this.#failed.delete(id);
    const next = {
      enabled: room.isE2EEEnabled,
      hasKey: !!this.#provider,
      encrypted: Object.freeze(
        [...remotes.values()]
          .filter((p) => [...p.trackPublications.values()].some((pub) => pub.isEncrypted))
          .map((p) => p.identity),
      ),
      undecryptable: Object.freeze([...this.#failed]),
    };
    // Unchanged, the same object (structural sharing).
    if (JSON.stringify(next) !== JSON.stringify(this.#state)) this.#state = Object.freeze(next);
    return { encryption: this.#state };
  }

  destroy(): void {
    this.#provider?.off(KeyProviderEvent.SetKey, this.#clear);
  }
}
