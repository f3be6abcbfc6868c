import {
  KeyProviderEvent,
  RoomEvent,
  type BaseKeyProvider,
  type CryptorError,
  type Participant,
} from 'livekit-client';
import type { Slice, SliceHost } from '../slice.js';
import type { EncryptionState, RoomSnapshot } from '../types.js';

const NONE: readonly string[] = Object.freeze([]);
const INITIAL: EncryptionState = Object.freeze({
  enabled: false,
  hasKey: false,
  encrypted: NONE,
  undecryptable: NONE,
});

/**
 * End-to-end encryption as this page sees it: whether its own media is encrypted, whether it holds
 * a key, whose media arrives encrypted (their publications say so, or livekit-client's encryption
 * status) and whose cannot be decrypted here (livekit-client's `EncryptionError` naming them:
 * another key). A new key given (the key provider's `setKey`) clears the latter: their media is
 * tried again with it, and an error comes again if it still fails.
 */
export class EncryptionSlice implements Slice<'encryption'> {
  readonly keys: readonly 'encryption'[] = ['encryption'];
  readonly initial: Pick<RoomSnapshot, 'encryption'> = Object.freeze({ encryption: INITIAL });

  readonly #host: SliceHost;
  readonly #provider: BaseKeyProvider | undefined;
  /** Remote participants livekit-client said encrypt (or not). */
  readonly #status = new Map<string, boolean>();
  readonly #failed = new Set<string>();
  #state = INITIAL;

  constructor(host: SliceHost) {
    this.#host = host;
    const { events, room } = host;
    const options = room.options.encryption ?? room.options.e2ee;
    this.#provider = options && 'keyProvider' in options ? options.keyProvider : undefined;
    this.#provider?.on(KeyProviderEvent.SetKey, this.#onKey);
    const touch = () => host.invalidate(this);
    events.on(RoomEvent.ParticipantEncryptionStatusChanged, (enabled, participant) => {
      if (participant && !participant.isLocal) this.#status.set(participant.identity, enabled);
      touch();
    });
    events.on(RoomEvent.EncryptionError, (error, participant) => {
      const identity = participant?.identity ?? (error as CryptorError).participantIdentity;
      if (!identity || identity === room.localParticipant.identity) return;
      this.#failed.add(identity);
      touch();
    });
    events.on(RoomEvent.ParticipantDisconnected, (participant) => {
      this.#forget(participant);
      touch();
    });
    events.on(RoomEvent.Disconnected, () => {
      this.#status.clear();
      this.#failed.clear();
      touch();
    });
    for (const event of [
      RoomEvent.Connected,
      RoomEvent.TrackPublished,
      RoomEvent.TrackUnpublished,
      RoomEvent.TrackSubscribed,
    ] as const) {
      events.on(event, touch);
    }
  }

  readonly #onKey = (): void => {
    this.#failed.clear();
    this.#host.invalidate(this);
  };

  #forget(participant: Participant): void {
    this.#status.delete(participant.identity);
    this.#failed.delete(participant.identity);
  }

  build(): Pick<RoomSnapshot, 'encryption'> {
    const room = this.#host.room;
    const encrypted: string[] = [];
    for (const p of room.remoteParticipants.values()) {
      const publications = [...p.trackPublications.values()];
      if (this.#status.get(p.identity) ?? publications.some((pub) => pub.isEncrypted)) {
        encrypted.push(p.identity);
      }
    }
    const failed = [...this.#failed].filter((id) => room.remoteParticipants.has(id));
    const next: EncryptionState = {
      enabled: room.isE2EEEnabled,
      hasKey: !!this.#provider,
      encrypted: same(encrypted, this.#state.encrypted),
      undecryptable: same(failed, this.#state.undecryptable),
    };
    const prev = this.#state;
    if (
      next.enabled !== prev.enabled ||
      next.hasKey !== prev.hasKey ||
      next.encrypted !== prev.encrypted ||
      next.undecryptable !== prev.undecryptable
    ) {
      this.#state = Object.freeze(next);
    }
    return { encryption: this.#state };
  }

  destroy(): void {
    this.#provider?.off(KeyProviderEvent.SetKey, this.#onKey);
  }
}

/** `list`, or `prev` when it holds the same identities in the same order (kept for its identity). */
function same(list: string[], prev: readonly string[]): readonly string[] {
  if (list.length === prev.length && list.every((id, i) => id === prev[i])) return prev;
  return list.length ? Object.freeze(list) : NONE;
}

/**
 * How a participant's media stands with end-to-end encryption here: `encrypted` (a lock), it
 * arrives encrypted and cannot be decrypted here (`undecryptable`: another key; `no-key`: this page
 * has none), or `none`.
 */
export type ParticipantEncryption = 'encrypted' | 'undecryptable' | 'no-key' | 'none';

export function encryptionOf(
  s: RoomSnapshot,
  identity: string,
  isLocal: boolean,
): ParticipantEncryption {
  const e = s.encryption;
  if (isLocal) return e.enabled ? 'encrypted' : 'none';
  if (!e.encrypted.includes(identity) && !e.undecryptable.includes(identity)) return 'none';
  if (!e.hasKey) return 'no-key';
  return e.undecryptable.includes(identity) ? 'undecryptable' : 'encrypted';
}

/** Someone's media arrives encrypted and this page has no key: it sees and hears nothing of it. */
export const selectMissingKey = (s: RoomSnapshot): boolean =>
  !s.encryption.hasKey && s.encryption.encrypted.length > 0;
