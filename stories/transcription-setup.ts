import type { Room } from 'livekit-client';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import { openTranscription, receiveTranscription } from '../test/helpers/transcription.js';
import { simulate } from './simulated-room.js';

/** Simulated participants speak (as an agent's `lk.transcription` streams would arrive). */
export async function speak(el: MediaRoom, live = false): Promise<Room> {
  const room = await simulate(el, 3);
  const [a, b, c] = [...room.remoteParticipants.keys()] as [string, string, string];
  receiveTranscription(room, a, 'Good morning, everyone. Shall we start with the numbers?', {
    segment: 'a1',
    final: true,
  });
  receiveTranscription(room, b, 'שלום לכולם, המספרים מוכנים.', { segment: 'b1', final: true });
  receiveTranscription(room, c, 'مرحبا بالجميع', { segment: 'c1', final: true });
  if (live) {
    const stream = openTranscription(room, a, { segment: 'a2', final: false });
    stream.push('Then the road');
  }
  return room;
}
