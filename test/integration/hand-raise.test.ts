import { expect } from '@open-wc/testing';
import { HAND_ATTRIBUTE, selectRaisedHands } from '../../src/store/index.js';
import {
  joinPeer,
  mountRoom,
  uniqueRoom,
  useLiveHooks,
  waitFor,
  callRoot,
} from '../helpers/live.js';

describe('<hand-raise-button> against a real livekit-server', () => {
  const { peers } = useLiveHooks();

  it('raises and lowers the hand, seen by others, in the order hands went up', async () => {
    const room = uniqueRoom();
    const peer = await joinPeer(room, 'peer', {});
    peers.push(peer);
    const el = await mountRoom(room, 'alice');
    const button = callRoot(el)!.querySelector('control-bar')!.querySelector('hand-raise-button')!;
    await waitFor(() => el.store.get().participants.has('peer'), 'the peer is there');
    await expect(button).to.be.accessible();

    button.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => button.raised, 'raised');
    expect(button.shadowRoot!.querySelector('button')!.getAttribute('aria-pressed')).to.equal(
      'true',
    );
    await waitFor(
      () => !!peer.remoteParticipants.get('alice')?.attributes[HAND_ATTRIBUTE],
      'the peer sees the hand',
    );

    // The peer raises after alice: the queue keeps that order everywhere.
    await peer.localParticipant.setAttributes({ [HAND_ATTRIBUTE]: new Date().toISOString() });
    await waitFor(
      () => selectRaisedHands(el.store.get()).join() === 'alice,peer',
      'alice first, then the peer',
    );

    button.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => !button.raised, 'lowered');
    await waitFor(
      () => !peer.remoteParticipants.get('alice')?.attributes[HAND_ATTRIBUTE],
      'lowered for the peer',
    );
    expect(selectRaisedHands(el.store.get())).to.deep.equal(['peer']);
    await el.leave();
  });
});
