import { expect } from '@open-wc/testing';
import {
  CAPABILITIES_ATTRIBUTE,
  HAND_ATTRIBUTE,
  RoomStore,
  capabilitiesOf,
  isModerator,
  isServerSet,
  isViewer,
  roomTypeFromMetadata,
  selectCanModerate,
  selectCanRaiseHand,
  selectCanReact,
  selectLocalAudio,
  selectRaisedHands,
  type RoomSnapshot,
} from '../../src/store/index.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

describe('RoomStore: local audio, moderation availability and roles', () => {
  let script: ScriptedRoom;
  let store: RoomStore;

  beforeEach(async () => {
    script = await ScriptedRoom.create(2);
    store = new RoomStore(script.room);
  });

  afterEach(async () => {
    store.destroy();
    await script.room.disconnect();
  });

  it('deafens and sets per-participant volumes in one slice, clamped, 1 meaning unlisted', async () => {
    const [a, b] = script.identities;
    const audio = store.select(selectLocalAudio);
    const seen: RoomSnapshot['audio'][] = [];
    const off = audio.listen((v) => seen.push(v));

    store.setVolume(a!, 0.25);
    store.setVolume(b!, 7);
    store.setDeafened(true);
    await store.settled();
    expect(store.get().audio).to.deep.equal({ deafened: true, volumes: { [a!]: 0.25 } });
    expect(seen, 'three changes, one commit').to.have.length(1);

    store.setVolume(a!, 1);
    store.setVolume(b!, -3);
    store.setVolume(b!, Number.NaN); // not a number: back to full volume
    store.setDeafened(false);
    await store.settled();
    expect(store.get().audio).to.deep.equal({ deafened: false, volumes: {} });

    // Setting what is already set commits nothing.
    const commits = store.commits;
    store.setDeafened(false);
    store.setVolume(a!, 1);
    await store.settled();
    expect(store.commits).to.equal(commits);
    off();
  });

  it('tells moderators, viewers and capabilities from the token-set attributes and grant', async () => {
    const [a] = script.identities;
    script.update(a!, {
      attributes: { [CAPABILITIES_ATTRIBUTE]: 'subscribe:all,moderate:participants' },
    });
    await store.settled();
    const p = store.get().participants.get(a!);
    expect(capabilitiesOf(p)).to.deep.equal(['subscribe:all', 'moderate:participants']);
    expect(isModerator(p)).to.equal(true);
    expect(isViewer(p)).to.equal(false);
    // The local participant lists no capabilities (a token from elsewhere): it may react, and
    // may moderate only once it is a moderator and a moderator is configured.
    expect(capabilitiesOf(store.get().local)).to.equal(undefined);
    expect(selectCanReact(store.get())).to.equal(true);
    store.setModeration(true);
    await store.settled();
    expect(selectCanModerate(store.get())).to.equal(false);
  });

  it('counts a role only when the participant cannot write its own attributes', async () => {
    const [a] = script.identities;
    const forger = script.join('forger', 'Host (moderator)', { canUpdateMetadata: true });
    for (const identity of [a!, forger.identity]) {
      script.setAttributes(identity, { [CAPABILITIES_ATTRIBUTE]: 'moderate:participants' });
    }
    await store.settled();
    const honest = store.get().participants.get(a!);
    const forged = store.get().participants.get('forger');
    expect(isServerSet(honest)).to.equal(true);
    expect(isModerator(honest)).to.equal(true);
    expect(isServerSet(forged)).to.equal(false);
    expect(forged?.attributes[CAPABILITIES_ATTRIBUTE]).to.equal('moderate:participants');
    expect(capabilitiesOf(forged), 'its list counts for nothing').to.equal(undefined);
    expect(isModerator(forged)).to.equal(false);

    // livekit-client emits no event when only `canUpdateMetadata` changes: the store reads it
    // again with the participant's next change. A participant that gains the grant can only
    // use it through such a change (an attribute, its name, its metadata), so it never shows a
    // role or a hand time it wrote itself.
    script.setPermissions(a!, { canUpdateMetadata: true });
    script.setAttributes(a!, { [HAND_ATTRIBUTE]: '0000' });
    await store.settled();
    expect(isModerator(store.get().participants.get(a!))).to.equal(false);
    expect(store.get().participants.get(a!)!.handRaisedAt).to.be.greaterThan(0);
    // The other way round: a grant taken away counts from the participant's next change.
    script.setPermissions('forger', { canUpdateMetadata: false });
    script.update('forger', { name: 'Forger' });
    await store.settled();
    expect(isModerator(store.get().participants.get('forger'))).to.equal(true);
  });

  it('queues server-set hands by the server’s stamp, the others by when this store saw them', async () => {
    const [a, b] = script.identities;
    script.join('self', 'self', { canUpdateMetadata: true });
    // b raised before a on the server's clock, though a's update arrives first.
    script.setAttributes(a!, { [HAND_ATTRIBUTE]: new Date(Date.now() - 1000).toISOString() });
    await store.settled();
    script.setAttributes(b!, { [HAND_ATTRIBUTE]: new Date(Date.now() - 5000).toISOString() });
    await store.settled();
    expect(selectRaisedHands(store.get())).to.deep.equal([b, a]);
    const seenAt = store.get().participants.get(a!)!.handRaisedAt;
    expect(seenAt).to.be.greaterThan(0);

    // A participant writing its own attributes claims the earliest time there is: it is seen last.
    script.setAttributes('self', { [HAND_ATTRIBUTE]: '0000' });
    await store.settled();
    expect(selectRaisedHands(store.get())).to.deep.equal([b, a, 'self']);
    const self = store.get().participants.get('self')!;
    expect(self.handRaisedAt).to.be.at.least(seenAt);
    // Changing its claim while raised does not move it either.
    script.setAttributes('self', { [HAND_ATTRIBUTE]: '0001' });
    await store.settled();
    expect(store.get().participants.get('self')!.handRaisedAt).to.equal(self.handRaisedAt);
    expect(selectRaisedHands(store.get())).to.deep.equal([b, a, 'self']);

    // Lowered, the time is forgotten; raised again, it goes to the back of the queue.
    script.setAttributes(a!, { [HAND_ATTRIBUTE]: '' });
    await store.settled();
    expect(store.get().participants.get(a!)!.handRaisedAt).to.equal(0);
    script.setAttributes(a!, { [HAND_ATTRIBUTE]: new Date(Date.now() + 1000).toISOString() });
    await store.settled();
    expect(selectRaisedHands(store.get())).to.deep.equal([b, 'self', a]);
  });

  it('a store made when hands are already up counts them as seen then', async () => {
    const [a] = script.identities;
    script.join('early', 'early', { canUpdateMetadata: true });
    script.setAttributes('early', { [HAND_ATTRIBUTE]: '0000' });
    script.setAttributes(a!, { [HAND_ATTRIBUTE]: new Date(Date.now() - 60_000).toISOString() });
    const late = new RoomStore(script.room);
    await late.settled();
    expect(late.get().participants.get('early')!.handRaisedAt).to.be.greaterThan(0);
    // The server-stamped hand a minute ago comes before the one first seen now.
    expect(selectRaisedHands(late.get())).to.deep.equal([a, 'early']);
    late.destroy();
  });

  it('may raise a hand through the server, or without one only when it may write its attributes', async () => {
    const local = script.room.localParticipant.identity;
    script.setPermissions(local, {});
    await store.settled();
    expect(selectCanRaiseHand(store.get()), 'no endpoint, no grant').to.equal(false);
    store.setHandServer(true);
    await store.settled();
    expect(store.get().handServer).to.equal(true);
    expect(selectCanRaiseHand(store.get()), 'through the server').to.equal(true);
    script.makeModerator(local);
    script.setAttributes(local, { [CAPABILITIES_ATTRIBUTE]: 'subscribe:all' });
    await store.settled();
    expect(selectCanRaiseHand(store.get()), 'the token lacks hand:raise').to.equal(false);
    store.setHandServer(false);
    script.setPermissions(local, { canUpdateMetadata: true });
    script.setAttributes(local, { [CAPABILITIES_ATTRIBUTE]: '' });
    await store.settled();
    expect(selectCanRaiseHand(store.get()), 'writes its own attribute').to.equal(true);
  });
});

describe('room type from metadata', () => {
  it('reads a known type from JSON metadata and ignores anything else', () => {
    expect(roomTypeFromMetadata('{"type":"webinar"}')).to.equal('webinar');
    expect(roomTypeFromMetadata('{"type":"1to1","topic":"x"}')).to.equal('1to1');
    expect(roomTypeFromMetadata('{"type":"party"}')).to.equal(undefined);
    expect(roomTypeFromMetadata('webinar')).to.equal(undefined);
    expect(roomTypeFromMetadata('null')).to.equal(undefined);
    expect(roomTypeFromMetadata('')).to.equal(undefined);
  });
});
