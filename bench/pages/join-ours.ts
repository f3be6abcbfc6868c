/**
 * Ours: `<media-room>` with its default UI, straight into the room (`skip-prejoin`), publishing
 * nothing (no `audio` or `video` attribute). Taking it off the page leaves the room.
 */
import { RoomErrorEvent } from '../../src/index.js';
import type { JoinFn } from './join.js';

export const join: JoinFn = async (host, { tokenUrl, identity, name, maxTiles, plainRoom }) => {
  const room = document.createElement('media-room');
  if (plainRoom) room.roomOptions = { adaptiveStream: false, dynacast: false };
  room.setAttribute('token-url', tokenUrl);
  room.setAttribute('identity', identity);
  room.setAttribute('name', name);
  room.setAttribute('skip-prejoin', '');
  room.style.height = '100%';
  const connected = new Promise<void>((resolve, reject) => {
    room.addEventListener('connected', () => resolve(), { once: true });
    room.addEventListener('error', (event) => {
      if (event instanceof RoomErrorEvent && event.fatal) {
        reject(new Error(`media-room error ${event.code}`));
      }
    });
  });
  host.append(room);
  await connected;
  if (maxTiles) {
    // The default UI's <layout-grid> (part "layout") is rendered once connected; give it the
    // page size (its `max-tiles`, default 12).
    for (let i = 0; i < 250; i++) {
      const grid = room.shadowRoot
        ?.querySelector('media-call')
        ?.shadowRoot?.querySelector('layout-grid');
      if (grid) {
        grid.maxTiles = maxTiles;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return {
    async leave() {
      const left = new Promise<void>((resolve) => {
        room.addEventListener('disconnected', () => resolve(), { once: true });
        setTimeout(resolve, 5000);
      });
      room.remove();
      await left;
    },
  };
};
