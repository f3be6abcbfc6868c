import { expect } from '@open-wc/testing';
import {
  CAPABILITIES_ATTRIBUTE,
  RoomStore,
  capabilitiesOf,
  isModerator,
  isViewer,
  roomTypeFromMetadata,
  selectCanModerate,
  selectCanReact,
  selectLocalAudio,
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
