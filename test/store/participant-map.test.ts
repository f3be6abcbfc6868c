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

  it('derives a burst of changes, leaves and arrivals at once, and every snapshot keeps finding its own', async () => {
    /** Every remote of `s` found by identity in `s`, and nobody else. */
    const findsItsOwn = (s: RoomSnapshot) => {
      for (const p of s.remotes) expect(s.participants.get(p.identity)).to.equal(p);
      expect(s.participants.size).to.equal(s.remotes.length + 1);
      expect(Object.isFrozen(s.remotes)).to.equal(true);
    };
    const ids = (s: RoomSnapshot) => s.remotes.map((p) => p.identity);
    const snapshots = [store.get()];
    for (let round = 0; round < 4; round++) {
      // One burst: a hand up, someone leaves, the one who left last round comes back, a newcomer.
      script.setAttributes(`v${100 + round}`, { [HAND_ATTRIBUTE]: new Date().toISOString() });
      script.leave(`v${20 + round}`);
      if (round > 0) script.joinMany([{ identity: `v${19 + round}`, viewer: true }]);
      script.joinMany([{ identity: `new${round}`, viewer: true }]);
      await store.settled();
      const before = snapshots[snapshots.length - 1]!;
      const now = store.get();
      snapshots.push(now);
      const expected = ids(before).filter((id) => id !== `v${20 + round}`);
      if (round > 0) expected.push(`v${19 + round}`);
      expected.push(`new${round}`);
      expect(ids(now)).to.deep.equal(expected);
      expect(now.participants.get(`v${100 + round}`)!.attributes[HAND_ATTRIBUTE]).to.be.a('string');
      expect(now.participants.get(`v${99 + round}`)).to.equal(
        before.participants.get(`v${99 + round}`),
      );
    }
    // Many come and go (the table of join numbers is renewed), then one who left long ago returns.
    const crowd = Array.from({ length: 700 }, (_, i) => ({ identity: `c${i}`, viewer: true }));
    script.joinMany(crowd);
    await store.settled();
    snapshots.push(store.get());
    for (const { identity } of crowd) script.leave(identity);
    await store.settled();
    snapshots.push(store.get());
    script.joinMany([
      { identity: 'v23', viewer: true },
      { identity: 'c5', viewer: true },
    ]);
    await store.settled();
    snapshots.push(store.get());
    expect(ids(store.get()).slice(-2)).to.deep.equal(['v23', 'c5']);
    for (const s of snapshots) findsItsOwn(s);
    expect(snapshots[0]!.participants.has('new0')).to.equal(false);
    expect(snapshots[snapshots.length - 2]!.participants.has('c5')).to.equal(false);
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
