/**
 * The floor: the least a page on livekit-client does to show a room's video. Fetch a token, make
 * a `Room` with the default options, connect, and attach each subscribed track to an element.
 */
import { Room, RoomEvent, Track } from 'livekit-client';
import type { JoinFn } from './join.js';
import { fetchToken } from './join-token.js';

export const join: JoinFn = async (host, { tokenUrl, identity, name }) => {
  const { token, url } = await fetchToken(tokenUrl, identity, name);
  const box = document.createElement('div');
  box.style.cssText = 'display:flex;flex-wrap:wrap;gap:4px';
  host.append(box);
  const room = new Room();
  room.on(RoomEvent.TrackSubscribed, (track) => {
    const element = track.attach();
    if (track.kind === Track.Kind.Video) element.style.width = '320px';
    box.append(element);
  });
  room.on(RoomEvent.TrackUnsubscribed, (track) => {
    for (const element of track.detach()) element.remove();
  });
  await room.connect(url, token);
  return {
    async leave() {
      await room.disconnect();
      box.remove();
    },
  };
};
