import { ParticipantInfo, ParticipantInfo_State } from '@livekit/protocol';
import { Room } from 'livekit-client';
import type { MediaRoom } from '../src/components/media-room/media-room.js';

const NAMES = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Katherine Johnson',
  'Edsger Dijkstra',
  'Barbara Liskov',
  'Donald Knuth',
  'Margaret Hamilton',
  'Tim Berners-Lee',
  'Radia Perlman',
  'Ken Thompson',
];

/**
 * Hand `el` a livekit-client Room populated by its own simulation (no server): `count` people,
 * named, the first `speaking` of them speaking. Simulated participants carry no video here
 * (Chromium forbids the `RTCRtpReceiver` that simulated video needs), so tiles show initials.
 */
export async function simulate(el: MediaRoom, count: number, speaking = 0): Promise<Room> {
  const room = new Room();
  await room.simulateParticipants({
    participants: { count, video: false, audio: false },
    publish: { audio: false, video: false },
  });
  [...room.remoteParticipants.values()].forEach((p, i) => {
    p.updateInfo(
      new ParticipantInfo({
        sid: p.sid,
        identity: p.identity,
        name: NAMES[i % NAMES.length],
        state: ParticipantInfo_State.ACTIVE,
        version: 1000 + i,
      }),
    );
    if (i < speaking) p.setIsSpeaking(true);
  });
  el.room = room;
  return room;
}
