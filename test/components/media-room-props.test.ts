import { expect, fixture, html } from '@open-wc/testing';
import { Room } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';

describe('<media-room> set by property, as frameworks do', () => {
  it('takes a string `room` as the room name and keeps its livekit-client Room', async () => {
    const el = await fixture<MediaRoom>(html`<media-room skip-prejoin></media-room>`);
    const before = el.room;
    el.room = 'standup';
    expect(el.roomName).to.equal('standup');
    expect(el.room).to.equal(before);
    expect(el.room).to.be.instanceOf(Room);
  });
});

describe('<media-room> roomOptions', () => {
  it('makes its Room with the roomOptions given before it is put on the page', async () => {
    const el = await fixture<MediaRoom>(
      html`<media-room
        skip-prejoin
        .roomOptions=${{ dynacast: false, stopLocalTrackOnUnpublish: false }}
      ></media-room>`,
    );
    expect(el.room.options.dynacast).to.equal(false);
    expect(el.room.options.stopLocalTrackOnUnpublish).to.equal(false);
    // Its own defaults stay where the page said nothing.
    expect(el.room.options.adaptiveStream).to.not.equal(false);
  });
});
