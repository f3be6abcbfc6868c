import { expect } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import { loadLocale } from '../../src/controllers/localize.js';
import { HAND_ATTRIBUTE } from '../../src/store/index.js';
import {
  joinPeer,
  joinWithToken,
  mountRoom,
  postHand,
  uniqueRoom,
  useLiveHooks,
  waitFor,
} from '../helpers/live.js';

const announcer = (el: MediaRoom) => el.shadowRoot!.querySelector('[part="announcer"]')!;
const said = (el: MediaRoom) => announcer(el).textContent?.trim() ?? '';

describe('<media-room> announcements against a real livekit-server', () => {
  const { peers } = useLiveHooks();

  it('tells screen-reader users, politely, who joined, raised a hand and left', async () => {
    const room = uniqueRoom('announce');
    const el = await mountRoom(room, 'alice');
    expect(announcer(el).getAttribute('role')).to.equal('status');
    expect(announcer(el).getAttribute('aria-live')).to.equal('polite');
    // Visually hidden, but in the accessibility tree.
    expect(announcer(el).getBoundingClientRect().width).to.be.at.most(1);

    const { peer, token } = await joinWithToken(room, 'bob');
    peers.push(peer);
    await waitFor(() => said(el) === 'bob joined', 'the join is said');

    // Hands go through the server helper's hand endpoint.
    expect(await postHand(room, token, true)).to.equal(200);
    await waitFor(() => said(el) === 'bob raised their hand', 'the hand is said');
    // Lowering is not worth an interruption.
    expect(await postHand(room, token, false)).to.equal(200);
    await waitFor(
      () => !el.store.get().participants.get('bob')?.attributes[HAND_ATTRIBUTE],
      'the hand is down',
    );

    await peer.disconnect();
    await waitFor(() => said(el) === 'bob left', 'the leave is said');
    await expect(el).to.be.accessible();
    await el.leave();
  });

  it('says it in the page language', async () => {
    const room = uniqueRoom('announce-de');
    const el = await mountRoom(room, 'alice');
    el.lang = 'de';
    // The announcement is worded when the join happens: have German (a chunk loaded on first use)
    // by then.
    await loadLocale('de');
    const peer = await joinPeer(room, 'bob', {});
    peers.push(peer);
    await waitFor(() => said(el) === 'bob ist beigetreten', 'in German');
    await el.leave();
  });
});
