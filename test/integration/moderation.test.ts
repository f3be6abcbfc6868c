import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { RemoteAudioTrack } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantList } from '../../src/components/participant-list/participant-list.js';
import '../../src/index.js';
import type { ReactionEvent, RoomMetadataChangedEvent } from '../../src/events/room-events.js';
import { HAND_ATTRIBUTE } from '../../src/store/index.js';
import {
  joinPeer,
  tileOf,
  uniqueRoom,
  useLiveHooks,
  waitFor,
  waitForValue,
  callRoot,
} from '../helpers/live.js';

/**
 * Joins `room` through the dev token route with a role (`host`, `viewer` or none) and, for the
 * first joiner of a room, its type in the room metadata (dev/roles.ts: tests and demo only).
 */
async function mountAs(
  room: string,
  identity: string,
  options: { role?: string; roomType?: string; type?: string; audio?: boolean } = {},
): Promise<MediaRoom> {
  const query = new URLSearchParams();
  if (options.role) query.set('role', options.role);
  if (options.roomType) query.set('type', options.roomType);
  const el = await fixture<MediaRoom>(html`
    <media-room
      skip-prejoin
      style="height: 36rem"
      token-url="/api/rooms/${room}/join?${query}"
      identity=${identity}
      name=${`Name of ${identity}`}
      type=${options.type ?? ''}
      ?audio=${options.audio ?? false}
    ></media-room>
  `);
  if (!options.type) el.type = undefined;
  await waitUntil(() => el.store.get().connection.phase === 'connected', `${identity} joins`, {
    timeout: 20_000,
  });
  return el;
}

const bar = (el: MediaRoom) => callRoot(el)!.querySelector('control-bar')!;
const barPart = (el: MediaRoom, part: string) =>
  bar(el).shadowRoot!.querySelector(`[part~="${part}"]`);
const inBar = (el: MediaRoom, tag: string) => bar(el).querySelector(tag);
const list = (el: MediaRoom) => callRoot(el)!.querySelector<ParticipantList>('participant-list')!;
const row = (el: MediaRoom, identity: string) =>
  list(el).shadowRoot!.querySelector<HTMLElement>(`li[data-identity="${CSS.escape(identity)}"]`);
const action = (el: MediaRoom, identity: string, name: string) =>
  row(el, identity)?.querySelector<HTMLButtonElement>(`button[part~="${name}"]`) ?? null;

/** Opens the default UI's participant list through its toggle. */
async function openList(el: MediaRoom): Promise<void> {
  const toggle = inBar(el, 'participants-toggle')!;
  toggle.shadowRoot!.querySelector('button')!.click();
  await waitFor(() => !list(el).hidden, 'the participant list opens');
}

describe('room types, capabilities and moderation against a real livekit-server', () => {
  const { peers } = useLiveHooks();

  it('a webinar viewer gets no publish controls; the host brings them onto the stage and they appear live', async () => {
    const room = uniqueRoom('webinar');
    const host = await mountAs(room, 'host', { role: 'host', roomType: 'webinar' });
    const viewer = await mountAs(room, 'viewer', { role: 'viewer' });

    // The type came from the room's metadata (no type attribute on either element).
    expect(viewer.roomType).to.equal('webinar');
    expect(callRoot(viewer)!.querySelector('layout-grid')!.layout).to.equal('stage');
    await viewer.updateComplete;
    expect(barPart(viewer, 'microphone'), 'no microphone toggle').to.equal(null);
    expect(barPart(viewer, 'camera'), 'no camera toggle').to.equal(null);
    expect(barPart(viewer, 'screen-share'), 'no screen share').to.equal(null);
    expect(inBar(viewer, 'hand-raise-button'), 'a webinar viewer may raise a hand').to.not.equal(
      null,
    );
    const notice = () => callRoot(viewer)!.querySelector('[part="role-notice"]')?.textContent;
    expect(notice()).to.contain('You are in the audience');
    // The host has them all.
    expect(barPart(host, 'microphone')).to.not.equal(null);
    expect(barPart(host, 'camera')).to.not.equal(null);

    // The viewer asks for the stage; the host sees them in the audience and brings them onto it.
    inBar(viewer, 'hand-raise-button')!.shadowRoot!.querySelector('button')!.click();
    await openList(host);
    await waitFor(() => !!action(host, 'viewer', 'lower-hand'), 'the host sees the hand');
    await waitFor(() => !!action(host, 'viewer', 'promote'), 'the host is offered "promote"');
    expect(list(host).shadowRoot!.textContent).to.contain('Audience');
    action(host, 'viewer', 'promote')!.click();

    await waitFor(() => !!barPart(viewer, 'microphone'), 'the microphone toggle appears');
    await waitFor(() => !!barPart(viewer, 'camera'), 'the camera toggle appears');
    await waitFor(() => !!notice()?.includes('You are on the stage'), 'the viewer is told');
    await waitFor(() => !action(host, 'viewer', 'promote'), 'no longer offered to the host');
    await waitFor(
      () => !viewer.store.get().local?.attributes[HAND_ATTRIBUTE],
      'the hand is answered: lowered',
    );

    // The new grant works: the promoted viewer publishes a microphone the host receives.
    const toggle = barPart(viewer, 'microphone')!.shadowRoot!.querySelector('button')!;
    toggle.click();
    await waitFor(
      () => !!host.store.get().participants.get('viewer')?.tracks.microphone,
      'the host sees the microphone',
    );
    await Promise.all([host.leave(), viewer.leave()]);
  });

  it('a host mutes a participant from the list; the participant cannot undo the server mute silently', async () => {
    const room = uniqueRoom('mute');
    const host = await mountAs(room, 'host', { role: 'host' });
    const peer = await joinPeer(room, 'peer', { microphone: true });
    peers.push(peer);
    await openList(host);
    await waitFor(() => !!action(host, 'peer', 'mute'), 'the host is offered "mute"');
    await expect(list(host)).to.be.accessible();

    action(host, 'peer', 'mute')!.click();
    const mic = () => [...peer.localParticipant.audioTrackPublications.values()][0];
    await waitFor(() => mic()?.isMuted === true, 'the peer is muted by the server');
    await waitFor(
      () => host.store.get().participants.get('peer')?.tracks.microphone?.muted === true,
      'the host sees it muted',
    );
    await waitFor(() => !action(host, 'peer', 'mute'), 'nothing left to mute');
    expect(row(host, 'peer')!.querySelector('[part~="mic"]')!.getAttribute('part')).to.contain(
      'off',
    );
    await host.leave();
  });

  it('a host removes a participant after confirming; the removed one reads why', async () => {
    const room = uniqueRoom('remove');
    const host = await mountAs(room, 'host', { role: 'host' });
    const guest = await mountAs(room, 'guest');
    await openList(host);
    await waitFor(() => !!action(host, 'guest', 'remove'), 'the host is offered "remove"');

    action(host, 'guest', 'remove')!.click();
    await host.updateComplete;
    const confirm = await waitForValue(
      () => row(host, 'guest')?.querySelector<HTMLButtonElement>('[part~="confirm"]'),
      'asks to confirm',
    );
    expect(guest.store.get().connection.phase, 'nothing happens before confirming').to.equal(
      'connected',
    );
    confirm.click();

    await waitFor(() => guest.store.get().connection.phase === 'disconnected', 'guest removed');
    expect(guest.store.get().connection.reason).to.equal('participant-removed');
    const banner = guest.shadowRoot!.querySelector('connection-banner')!;
    await waitFor(
      () => !!banner.shadowRoot!.textContent?.includes('You were removed from the room.'),
      'the guest reads why',
    );
    await waitFor(() => !row(host, 'guest'), 'gone from the host list');
    await host.leave();
  });

  it('a host lowers a raised hand; a participant without the grant is offered no action and refused by the server', async () => {
    const room = uniqueRoom('hands');
    const host = await mountAs(room, 'host', { role: 'host' });
    const guest = await mountAs(room, 'guest');

    const hand = inBar(guest, 'hand-raise-button')!;
    hand.shadowRoot!.querySelector('button')!.click();
    await openList(host);
    await waitFor(() => !!action(host, 'guest', 'lower-hand'), 'the host sees the hand');
    action(host, 'guest', 'lower-hand')!.click();
    await waitFor(
      () => !guest.store.get().local?.attributes[HAND_ATTRIBUTE],
      'the hand is lowered for the guest',
    );
    await waitFor(() => !action(host, 'guest', 'lower-hand'), 'and in the host list');

    // The guest is not a moderator: no actions in its list…
    await openList(guest);
    await waitFor(() => !!row(guest, 'host'), 'the guest lists the host');
    expect(list(guest).shadowRoot!.querySelectorAll('[part~="actions"] button')).to.have.length(0);
    expect(row(guest, 'host')!.querySelector('[part~="role"]')?.textContent).to.contain('Host');
    // …and the server refuses the request even when sent anyway, with a readable notice.
    let refused: unknown;
    await guest.session
      .moderate({ action: 'remove', identity: 'host' })
      .catch((error: unknown) => (refused = error));
    expect(String(refused)).to.contain('403');
    await waitFor(
      () => guest.store.get().error?.code === 'moderation-failed',
      'the failure is reported',
    );
    expect(guest.shadowRoot!.querySelector('[part="notice"]')?.textContent).to.contain(
      'The action could not be carried out.',
    );
    expect(host.store.get().connection.phase).to.equal('connected');
    await Promise.all([host.leave(), guest.leave()]);
  });

  it('a reaction sent from the control bar is seen over the sender tile on the other side', async () => {
    const room = uniqueRoom('react');
    const alice = await mountAs(room, 'alice');
    const bob = await mountAs(room, 'bob');
    const seen: string[] = [];
    bob.addEventListener('reaction', (e) => seen.push((e as ReactionEvent).reaction.emoji));

    const button = inBar(alice, 'reaction-button')!;
    button.shadowRoot!.querySelector<HTMLButtonElement>('[part="base"]')!.click();
    const emoji = await waitForValue(
      () =>
        button.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="emoji"]')[1] ?? undefined,
      'the picker opens',
    );
    const sent = emoji.textContent!.trim();
    emoji.click();

    await waitFor(() => seen.length === 1, 'bob receives it');
    expect(seen).to.deep.equal([sent]);
    const overAlice = () =>
      tileOf(bob, 'alice')?.shadowRoot?.querySelector('[part~="reaction"]')?.textContent;
    await waitFor(() => overAlice()?.trim() === sent, 'shown over alice in bob view');
    expect(tileOf(bob, 'bob')?.shadowRoot?.querySelector('[part~="reaction"]')).to.equal(null);
    await Promise.all([alice.leave(), bob.leave()]);
  });

  it('deafen and a per-participant volume act on the real remote audio', async () => {
    const room = uniqueRoom('audio');
    const listener = await mountAs(room, 'listener');
    const peer = await joinPeer(room, 'talker', { microphone: true });
    peers.push(peer);
    const audioTrack = () =>
      listener.store.get().participants.get('talker')?.tracks.microphone?.publication.track as
        RemoteAudioTrack | undefined;
    await waitFor(() => !!audioTrack(), 'the talker is heard');

    await openList(listener);
    const slider = await waitForValue(
      () => row(listener, 'talker')?.querySelector<HTMLInputElement>('input[type="range"]'),
      'a volume slider',
    );
    slider.value = '40';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    slider.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => Math.abs((audioTrack()!.getVolume() ?? 1) - 0.4) < 0.01, 'plays at 40 %');

    const deafen = inBar(listener, 'deafen-button')!;
    deafen.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => audioTrack()!.getVolume() === 0, 'deafened');
    deafen.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => Math.abs((audioTrack()!.getVolume() ?? 1) - 0.4) < 0.01, 'back to 40 %');
    await listener.leave();
  });

  it('follows the room type when the server changes the room metadata mid-call', async () => {
    const room = uniqueRoom('retype');
    const el = await mountAs(room, 'alice');
    expect(el.roomType).to.equal('meeting');
    expect(callRoot(el)!.querySelector('layout-grid')!.layout).to.equal('grid');
    const changed = new Promise<string>((resolve) =>
      el.addEventListener('room-metadata-changed', (e) =>
        resolve((e as RoomMetadataChangedEvent).metadata),
      ),
    );
    const metadata = JSON.stringify({ type: 'webinar' });
    const answer = await fetch(
      `/test-api/room-metadata/${room}?metadata=${encodeURIComponent(metadata)}`,
    );
    expect(answer.status).to.equal(200);
    expect(await changed).to.equal(metadata);
    expect(el.store.get().room.metadata).to.equal(metadata);
    await waitFor(
      () => callRoot(el)!.querySelector('layout-grid')?.layout === 'stage',
      'the stage layout',
    );
    expect(el.roomType).to.equal('webinar');
    await el.leave();
  });

  it('a one-to-one room uses picture-in-picture with no hand raise or participant list', async () => {
    const room = uniqueRoom('pair');
    const a = await mountAs(room, 'a', { type: '1to1' });
    expect(a.roomType).to.equal('1to1');
    expect(callRoot(a)!.querySelector('layout-grid')!.layout).to.equal('pip');
    expect(inBar(a, 'hand-raise-button')).to.equal(null);
    expect(inBar(a, 'participants-toggle')).to.equal(null);
    expect(inBar(a, 'chat-toggle')).to.not.equal(null);
    await a.leave();
  });

  it('a live room audience watches, chats and reacts, with no hand to raise', async () => {
    const room = uniqueRoom('live');
    const viewer = await mountAs(room, 'fan', { role: 'viewer', type: 'live' });
    await viewer.updateComplete;
    expect(callRoot(viewer)!.querySelector('layout-grid')!.layout).to.equal('stage');
    expect(inBar(viewer, 'hand-raise-button')).to.equal(null);
    expect(barPart(viewer, 'microphone')).to.equal(null);
    expect(inBar(viewer, 'reaction-button')).to.not.equal(null);
    expect(inBar(viewer, 'chat-toggle')).to.not.equal(null);
    await viewer.leave();
  });
});
