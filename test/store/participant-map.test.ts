import { expect } from '@open-wc/testing';
import { HAND_ATTRIBUTE } from '../../src/store/attributes.js';
import { RoomStore, selectRaisedHands, type RoomSnapshot } from '../../src/store/index.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

/** The raised hands computed from scratch (a plain Map is never derived from another). */
const handsAfresh = (s: RoomSnapshot) =>
  selectRaisedHands({ ...s, participants: new Map(s.participants) });

describe('RoomStore with many participants: snapshots derived from the last', () => {
  let script: ScriptedRoom;
  let store: RoomStore;

  beforeEach(async () => {
    script = await ScriptedRoom.create(0);
    script.joinMany(
      Array.from({ length: 300 }, (_, i) => ({ identity: `v${i}`, name: `V ${i}`, viewer: true })),
    );
    store = new RoomStore(script.room);
    await store.settled();
  });

  afterEach(async () => {
    store.destroy();
    await script.room.disconnect();
  });

  it('finds everyone by identity, in every snapshot as it was, through leaves and rejoins', async () => {
    const first = store.get();
    expect(first.participants.size).to.equal(301);
    expect([...first.participants.keys()].slice(0, 3)).to.deep.equal([
      script.room.localParticipant.identity,
      'v0',
      'v1',
    ]);
    expect(first.participants.get('v150')).to.equal(first.remotes[150]);

    script.leave('v150');
    await store.settled();
    const second = store.get();
    expect(second.participants.has('v150')).to.equal(false);
    expect(second.participants.get('v151')).to.equal(first.participants.get('v151'));
    expect(second.remotes).to.have.length(299);

    // Back: at the end of the join order, a new state; the older snapshots unchanged.
    script.joinMany([{ identity: 'v150', name: 'V 150 again', viewer: true }]);
    await store.settled();
    const third = store.get();
    expect(third.remotes[third.remotes.length - 1]!.identity).to.equal('v150');
    expect(third.participants.get('v150')!.name).to.equal('V 150 again');
    expect(first.participants.get('v150')!.name).to.equal('V 150');
    expect(second.participants.has('v150')).to.equal(false);
    expect([...third.participants.values()].map((p) => p.identity)).to.deep.equal([
      script.room.localParticipant.identity,
      ...third.remotes.map((p) => p.identity),
    ]);
    expect(third.numParticipants).to.equal(301);
  });

  it('keeps the raised hands as computed afresh, the same array while no hand moves', async () => {
    const at = (s: number) => new Date(Date.UTC(2026, 10, 22, 10, 0, s)).toISOString();
    script.setAttributes('v200', { [HAND_ATTRIBUTE]: at(5) });
    script.setAttributes('v10', { [HAND_ATTRIBUTE]: at(5) });
    script.setAttributes('v7', { [HAND_ATTRIBUTE]: at(1) });
    await store.settled();
    const hands = selectRaisedHands(store.get());
    // Equal times keep the join order.
    expect(hands).to.deep.equal(['v7', 'v10', 'v200']);
    expect(hands).to.deep.equal(handsAfresh(store.get()));

    script.update('v3', { name: 'Renamed' });
    await store.settled();
    expect(selectRaisedHands(store.get())).to.equal(hands);

    script.setAttributes('v10', { [HAND_ATTRIBUTE]: '' });
    script.leave('v7');
    script.setAttributes('v1', { [HAND_ATTRIBUTE]: at(9) });
    await store.settled();
    expect(selectRaisedHands(store.get())).to.deep.equal(['v200', 'v1']);
    expect(selectRaisedHands(store.get())).to.deep.equal(handsAfresh(store.get()));
  });
});
