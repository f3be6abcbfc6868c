import { expect } from '@open-wc/testing';
import { RoomStore, selectParticipant, selectSpeakerRecency } from '../../src/store/index.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

describe('RoomStore: speakers and how recently they spoke', () => {
  let script: ScriptedRoom;
  let store: RoomStore;

  beforeEach(async () => {
    script = await ScriptedRoom.create(4);
    store = new RoomStore(script.room);
  });

  afterEach(async () => {
    store.destroy();
    await script.room.disconnect();
  });

  it('numbers every speaker of a change, the loudest highest; silence keeps the numbers', async () => {
    const [a, b, c] = script.identities;
    expect(store.get().speakerRecency.size).to.equal(0);
    script.speakers([a!]);
    await store.settled();
    const first = store.get().speakerRecency.get(a!)!;
    expect(first).to.be.greaterThan(0);

    script.speakers([b!, a!]);
    await store.settled();
    const recency = store.get().speakerRecency;
    expect(recency.get(b!)).to.be.greaterThan(recency.get(a!)!);
    expect(recency.get(a!)).to.be.greaterThan(first);
    expect(recency.has(c!)).to.equal(false);

    script.speakers([]);
    await store.settled();
    expect(store.get().activeSpeakers).to.deep.equal([]);
    expect(store.get().speakerRecency, 'nobody spoke: same map').to.equal(recency);
  });

  it('a change of loudness only renumbers, it does not change the speakers’ states', async () => {
    const [a, b] = script.identities;
    script.speakers([a!, b!]);
    await store.settled();
    const before = store.get();
    let notified = 0;
    const offs = [a!, b!].map((id) =>
      store.select(selectParticipant(id)).listen(() => (notified += 1)),
    );
    let recencies = 0;
    offs.push(store.select(selectSpeakerRecency).listen(() => (recencies += 1)));

    script.speakers([b!, a!]);
    await store.settled();
    const after = store.get();
    expect(after.activeSpeakers).to.deep.equal([b, a]);
    expect(after.participants.get(a!)).to.equal(before.participants.get(a!));
    expect(after.participants.get(b!)).to.equal(before.participants.get(b!));
    expect(notified).to.equal(0);
    expect(recencies).to.equal(1);
    expect(after.speakerRecency.get(b!)).to.be.greaterThan(after.speakerRecency.get(a!)!);
    for (const off of offs) off();
  });

  it('forgets those who left', async () => {
    const [a, b] = script.identities;
    script.speakers([a!, b!]);
    await store.settled();
    script.speakers([]);
    script.leave(a!);
    await store.settled();
    expect([...store.get().speakerRecency.keys()]).to.deep.equal([b]);
  });
});
