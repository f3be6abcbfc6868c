import { expect } from '@open-wc/testing';
import { RoomStore } from '../../src/store/index.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

describe('RoomStore: recording chat messages and reactions without sending', () => {
  let script: ScriptedRoom;
  let store: RoomStore;

  beforeEach(async () => {
    script = await ScriptedRoom.create(1);
    store = new RoomStore(script.room);
  });

  afterEach(async () => {
    store.destroy();
    await script.room.disconnect();
  });

  it('addChat appends a frozen copy and treats a repeated id from the same sender as an edit', async () => {
    const message = {
      id: 'm1',
      from: 'someone',
      fromName: 'Someone',
      text: 'hello',
      timestamp: 1_700_000_000_000,
      isLocal: false,
    };
    store.addChat(message);
    store.addChat({ ...message, text: 'hello, edited', timestamp: 1_800_000_000_000 });
    const commits = store.commits;
    await store.settled();
    expect(store.commits - commits).to.equal(1);
    expect(store.get().chat).to.deep.equal([{ ...message, text: 'hello, edited' }]);
    expect(Object.isFrozen(store.get().chat[0])).to.equal(true);
  });

  it('addReaction records one of REACTIONS, tells it after the commit, and drops anything else', async () => {
    const seen: Array<{ type: string; count: number }> = [];
    store.onEvent((e) => seen.push({ type: e.type, count: store.get().reactions.length }));
    store.addReaction('someone', '👍');
    store.addReaction('someone', 'not an emoji');
    await store.settled();
    expect(store.get().reactions.map((r) => [r.from, r.emoji, r.isLocal])).to.deep.equal([
      ['someone', '👍', false],
    ]);
    expect(seen).to.deep.equal([{ type: 'reaction', count: 1 }]);
  });
});
