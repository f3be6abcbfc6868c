import { en } from './en.js';

/**
 * The English words of end-to-end encryption in `<participant-tile>` (lock, can't-decrypt state)
 * and `<media-call>` (badge, no-key notice), which load with them rather than with `<media-room>`.
 * Every other locale holds them in its one object as usual.
 */
export const e2eeEn = {
  e2eeBadge: 'End-to-end encrypted',
  tileEncrypted: 'Encrypted',
  tileCantDecrypt: 'Cannot decrypt: another key',
  tileNoKey: 'Cannot decrypt: no key',
  e2eeNoKey:
    'This call is end-to-end encrypted and you have no key: you cannot see or hear the others.',
};

/** Adds them to English (every language's fallback); the tile and the call call it as they load. */
export function englishE2ee(): void {
  Object.assign(en, e2eeEn);
}
