import type { LocalizeController } from '../../controllers/localize.js';
import { displayName } from '../../internal/text.js';
import { HAND_ATTRIBUTE, WAITING_ATTRIBUTE } from '../../store/attributes.js';
import type { RoomStoreEvent } from '../../store/room-store.js';

/**
 * What to say to screen-reader users, politely, about a room event: someone joined or left,
 * raised a hand, recording started or stopped; '' for anything else. (Reconnecting is said by
 * `<connection-banner>`.)
 */
export function announcementOf(event: RoomStoreEvent, t: LocalizeController): string {
  const nameOf = (p: { name?: string; identity: string }) => displayName(p.name, p.identity);
  switch (event.type) {
    // Waiting room: someone waiting is not in the call (hosts hear the knock); let in, they join.
    case 'participant-joined':
      return waiting(event.participant) ? '' : t.term('announceJoined', nameOf(event.participant));
    case 'participant-left':
      return waiting(event.participant) ? '' : t.term('announceLeft', nameOf(event.participant));
    case 'recording-status-changed':
      return event.recording ? t.term('announceRecording') : t.term('announceRecordingStopped');
    case 'attributes-changed':
      if (!event.participant.isLocal && event.changed[WAITING_ATTRIBUTE] === '') {
        return t.term('announceJoined', nameOf(event.participant));
      }
      return !event.participant.isLocal && event.changed[HAND_ATTRIBUTE]
        ? t.term('announceHand', nameOf(event.participant))
        : '';
    default:
      return '';
  }
}

/** Waiting to be let in: the server's mark on a participant who cannot write its own attributes. */
function waiting(p: {
  attributes: Record<string, string>;
  permissions?: { canUpdateMetadata: boolean };
}): boolean {
  return !!p.attributes[WAITING_ATTRIBUTE] && p.permissions?.canUpdateMetadata === false;
}
