import { expect } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantList } from '../../src/components/participant-list/participant-list.js';
import '../../src/index.js';
import {
  CAPABILITIES_ATTRIBUTE,
  HAND_ATTRIBUTE,
  isModerator,
  selectRaisedHands,
} from '../../src/store/index.js';
import {
  callRoot,
  joinWithToken,
  mountRoom,
  postHand,
  tileOf,
  uniqueRoom,
  useLiveHooks,
  waitFor,
} from '../helpers/live.js';

const FORGED_ROLE = 'Host (moderator)';

const list = (el: MediaRoom) => callRoot(el)!.querySelector<ParticipantList>('participant-list')!;
const row = (el: MediaRoom, identity: string) =>
  list(el).shadowRoot!.querySelector<HTMLElement>(`li[data-identity="${CSS.escape(identity)}"]`);
const badge = (el: MediaRoom, identity: string) =>
  row(el, identity)?.querySelector('[part~="role"]')?.textContent?.trim() ?? '';
const handLabel = (el: MediaRoom, identity: string) =>
  tileOf(el, identity)?.shadowRoot?.querySelector('[part="hand"]')?.getAttribute('aria-label');

async function openList(el: MediaRoom): Promise<void> {
  const bar = callRoot(el)!.querySelector('control-bar')!;
  bar.querySelector('participants-toggle')!.shadowRoot!.querySelector('button')!.click();
  await waitFor(() => !list(el).hidden, 'the participant list opens');
}

describe('what a participant can make others see about roles and hands (real livekit-server)', () => {
  const { peers } = useLiveHooks();

  it('the SFU tells everyone each participant’s permissions, canUpdateMetadata included', async () => {
    const room = uniqueRoom('perm');
    const el = await mountRoom(room, 'alice');
    const free = await joinWithToken(room, 'free', { raw: true });
    const bound = await joinWithToken(room, 'bound');
    peers.push(free.peer, bound.peer);

    const seen = (identity: string) =>
      el.store.get().participants.get(identity)?.permissions?.canUpdateMetadata;
    await waitFor(() => seen('free') !== undefined, 'the page knows free’s permissions');
    await waitFor(() => seen('bound') !== undefined, 'the page knows bound’s permissions');
    expect(seen('free')).to.equal(true);
    expect(seen('bound')).to.equal(false);
    // The same in plain livekit-client, between two other participants.
    await waitFor(
      () => !!free.peer.remoteParticipants.get('bound')?.permissions,
      'free sees bound',
    );
    expect(free.peer.remoteParticipants.get('bound')!.permissions!.canUpdateMetadata).to.equal(
      false,
    );
    await waitFor(
      () => !!bound.peer.remoteParticipants.get('free')?.permissions,
      'bound sees free',
    );
    expect(bound.peer.remoteParticipants.get('free')!.permissions!.canUpdateMetadata).to.equal(
      true,
    );
    await el.leave();
  });

  it('a participant that writes its own attributes shows no role and queues where it really raised', async () => {
    const room = uniqueRoom('forge');
    const el = await mountRoom(room, 'alice');
    const host = await joinWithToken(room, 'host', { role: 'host' });
    const early = await joinWithToken(room, 'early');
    const mallory = await joinWithToken(room, 'mallory', { raw: true });
    peers.push(host.peer, early.peer, mallory.peer);

    // An honest participant raises first, through the server (stamped with the server's time).
    expect(await postHand(room, early.token, true)).to.equal(200);
    await waitFor(() => selectRaisedHands(el.store.get()).join() === 'early', 'early’s hand');

    // Then the attacker claims a role and a place at the head of the queue.
    const lp = mallory.peer.localParticipant;
    await lp.setAttributes({ [CAPABILITIES_ATTRIBUTE]: 'moderate:participants' });
    await lp.setAttributes({ [HAND_ATTRIBUTE]: '0000' });
    await lp.setMetadata(JSON.stringify({ role: 'host', moderator: true }));
    await lp.setName(FORGED_ROLE);
    const seen = () => el.store.get().participants.get('mallory');
    await waitFor(
      () =>
        seen()?.attributes[HAND_ATTRIBUTE] === '0000' &&
        seen()?.attributes[CAPABILITIES_ATTRIBUTE] === 'moderate:participants' &&
        seen()?.name === FORGED_ROLE,
      'the page received every forged value',
    );

    expect(isModerator(seen()), 'no role from its own attributes').to.equal(false);
    expect(selectRaisedHands(el.store.get())).to.deep.equal(['early', 'mallory']);
    await waitFor(() => handLabel(el, 'mallory') === 'Hand raised (2 in line)', 'mallory second');
    expect(handLabel(el, 'early')).to.equal('Hand raised (1 in line)');

    await openList(el);
    await waitFor(() => !!row(el, 'mallory') && !!row(el, 'host'), 'both listed');
    await waitFor(() => badge(el, 'host').includes('Host'), 'the real host has the badge');
    expect(badge(el, 'mallory'), 'the forger has none').to.equal('');
    expect(badge(el, 'early')).to.equal('');
    const order = [...list(el).shadowRoot!.querySelectorAll('li[data-identity]')].map((li) =>
      li.getAttribute('data-identity'),
    );
    expect(order.indexOf('early')).to.be.below(order.indexOf('mallory'));
    await el.leave();
  });

  it('with the default grant the SFU refuses every forging call, and nothing changes', async () => {
    const room = uniqueRoom('refuse');
    const el = await mountRoom(room, 'alice');
    const bound = await joinWithToken(room, 'bound', { name: 'Bound' });
    peers.push(bound.peer);
    await waitFor(() => el.store.get().participants.has('bound'), 'bound is there');
    const before = el.store.get().participants.get('bound')!;

    const lp = bound.peer.localParticipant;
    const attempts = [
      lp.setAttributes({ [CAPABILITIES_ATTRIBUTE]: 'moderate:participants' }),
      lp.setAttributes({ [HAND_ATTRIBUTE]: '0000' }),
      lp.setMetadata(JSON.stringify({ role: 'host' })),
      lp.setName(FORGED_ROLE),
    ];
    const results = await Promise.allSettled(attempts);
    expect(results.map((r) => r.status)).to.deep.equal([
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);

    // A change that does go through the server arrives after anything sent before it.
    expect(await postHand(room, bound.token, true)).to.equal(200);
    await waitFor(
      () => !!el.store.get().participants.get('bound')?.attributes[HAND_ATTRIBUTE],
      'the server-raised hand arrives',
    );
    const after = el.store.get().participants.get('bound')!;
    expect(after.attributes[CAPABILITIES_ATTRIBUTE]).to.equal(
      before.attributes[CAPABILITIES_ATTRIBUTE],
    );
    expect(after.attributes[HAND_ATTRIBUTE]).to.not.equal('0000');
    expect(Number.isFinite(Date.parse(after.attributes[HAND_ATTRIBUTE]!))).to.equal(true);
    expect(after.name).to.equal('Bound');
    expect(after.metadata).to.equal(before.metadata);
    expect(isModerator(after)).to.equal(false);
    await el.leave();
  });
});
