import { expect } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/index.js';
import { HAND_ATTRIBUTE, selectRaisedHands } from '../../src/store/index.js';
import type { HandRaiseEvent } from '../../src/events/hand-events.js';
import {
  callRoot,
  joinPeer,
  joinWithToken,
  mountRoom,
  postHand,
  uniqueRoom,
  useLiveHooks,
  waitFor,
} from '../helpers/live.js';

const handButton = (el: MediaRoom) =>
  callRoot(el)!.querySelector('control-bar')!.querySelector('hand-raise-button')!;
/** The button is not busy with a request (a click while busy is ignored). */
const idle = (el: MediaRoom) =>
  handButton(el).shadowRoot!.querySelector('button')!.getAttribute('aria-busy') === 'false';

describe('<hand-raise-button> against a real livekit-server', () => {
  const { peers } = useLiveHooks();

  it('raises and lowers the hand through the server, seen by others, in the order hands went up', async () => {
    const room = uniqueRoom();
    const { peer, token } = await joinWithToken(room, 'peer');
    peers.push(peer);
    const el = await mountRoom(room, 'alice');
    const button = handButton(el);
    await waitFor(() => el.store.get().participants.has('peer'), 'the peer is there');
    await expect(button).to.be.accessible();
    // The default grant does not let alice write her own attributes: the server does it.
    expect(el.store.get().local?.permissions?.canUpdateMetadata).to.equal(false);
    expect(el.store.get().handServer).to.equal(true);

    const events: boolean[] = [];
    button.addEventListener('hand-raise', (e) => events.push((e as HandRaiseEvent).raised));
    button.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => button.raised, 'raised');
    expect(events).to.deep.equal([true]);
    expect(button.shadowRoot!.querySelector('button')!.getAttribute('aria-pressed')).to.equal(
      'true',
    );
    await waitFor(
      () => !!peer.remoteParticipants.get('alice')?.attributes[HAND_ATTRIBUTE],
      'the peer sees the hand',
    );
    // Stamped by the server: an ISO time.
    const stamp = peer.remoteParticipants.get('alice')!.attributes[HAND_ATTRIBUTE]!;
    expect(new Date(stamp).toISOString()).to.equal(stamp);

    // The peer raises after alice: the queue keeps that order everywhere.
    expect(await postHand(room, token, true)).to.equal(200);
    await waitFor(
      () => selectRaisedHands(el.store.get()).join() === 'alice,peer',
      'alice first, then the peer',
    );
    // Raising again keeps the first time (and the place).
    expect(await postHand(room, token, true)).to.equal(200);
    expect(selectRaisedHands(el.store.get())).to.deep.equal(['alice', 'peer']);

    await waitFor(() => idle(el), 'the request is answered');
    button.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => !button.raised, 'lowered');
    expect(events).to.deep.equal([true, false]);
    await waitFor(
      () => !peer.remoteParticipants.get('alice')?.attributes[HAND_ATTRIBUTE],
      'lowered for the peer',
    );
    expect(selectRaisedHands(el.store.get())).to.deep.equal(['peer']);
    expect(el.store.get().error).to.equal(undefined);
    await el.leave();
  });

  it('a failing hand endpoint is reported, recoverably, and the button stays lowered', async () => {
    const room = uniqueRoom();
    const el = await mountRoom(room, 'alice');
    // A hand endpoint that refuses: the page's own transport, replaced.
    el.session.setHandRaiser(async () => {
      throw new Error('HTTP 403: the token does not allow raising a hand in this room');
    });
    const button = handButton(el);
    button.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => el.store.get().error?.code === 'hand-raise-failed', 'reported');
    expect(el.store.get().error?.fatal).to.equal(false);
    expect(button.raised).to.equal(false);
    expect(el.store.get().connection.phase).to.equal('connected');
    el.session.clearError();
    await el.leave();
  });

  it('the server refuses a hand without a token, without hand:raise, or for another room', async () => {
    const room = uniqueRoom();
    const peer = await joinPeer(room, 'peer', {});
    peers.push(peer);
    const raw = await joinWithToken(room, 'raw', { raw: true });
    peers.push(raw.peer);
    const response = await fetch(`/api/rooms/${room}/hand`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ raised: true }),
    });
    expect(response.status).to.equal(401);
    // A token that lists no capabilities (from elsewhere) does not allow it either.
    expect(await postHand(room, raw.token, true)).to.equal(403);
    // A valid token for another room does not count here.
    const other = await joinWithToken(uniqueRoom(), 'peer');
    peers.push(other.peer);
    expect(await postHand(room, other.token, true)).to.equal(403);
    expect(peer.localParticipant.attributes[HAND_ATTRIBUTE] ?? '').to.equal('');
  });

  it('without a hand endpoint, a participant whose token allows it writes its own hand', async () => {
    const room = uniqueRoom();
    const watcher = await joinPeer(room, 'watcher', {});
    peers.push(watcher);
    // A token from elsewhere: no server helper beside it, and it may write its own attributes.
    const el = await mountRoom(room, 'alice', { raw: true });
    await waitFor(() => !!callRoot(el)?.querySelector('control-bar'), 'the call is shown');
    await waitFor(() => el.store.get().connection.phase === 'connected', 'alice joins');
    expect(el.store.get().handServer).to.equal(false);
    const button = handButton(el);
    button.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => button.raised, 'raised');
    await waitFor(
      () => !!watcher.remoteParticipants.get('alice')?.attributes[HAND_ATTRIBUTE],
      'the watcher sees the hand',
    );
    await waitFor(() => idle(el), 'the request is answered');
    button.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => !button.raised, 'lowered');
    expect(el.store.get().error).to.equal(undefined);
    await el.leave();
  });
});
