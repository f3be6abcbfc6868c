import type { RoomSnapshot } from './types.js';

/* Selectors of the encryption slice (slices/encryption.ts), apart from it: the elements that show
   encryption use them, and they load with those elements. */

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
