import { expect } from '@open-wc/testing';
import { RoomStore } from '../../src/store/index.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { receiveText } from '../helpers/text-stream.js';

function waitFor(predicate: () => boolean, timeout = 3_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const tick = () => {
      if (predicate()) resolve();
      else if (performance.now() - start > timeout) reject(new Error('timed out'));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/** Names and chat text from others, as the store records them for every element to show. */
describe('RoomStore: remote text made fit to show, once', () => {
  let script: ScriptedRoom;
  let store: RoomStore;

  beforeEach(async () => {
    script = await ScriptedRoom.create(0);
    store = new RoomStore(script.room);
    await store.settled();
  });

  afterEach(async () => {
    store.destroy();
    await script.room.disconnect();
  });

  it('gives each participant a displayName, the identity when the name shows nothing', async () => {
    const names: Record<string, string> = {
      disguised: '\u202Eexe.tnemucod\u202C victim',
      blank: '   \t ',
      invisible: '\u200B\u3164\u2800\uFEFF\u115F\u1160\u2060',
      plain: 'Ada Lovelace',
      unnamed: '',
    };
    for (const [identity, name] of Object.entries(names)) script.join(identity, name);
    await waitFor(() => store.get().remotes.length === 5);
    const state = (id: string) => store.get().participants.get(id)!;
    expect(state('disguised').displayName).to.equal('exe.tnemucod victim');
    expect(state('disguised').displayName).to.not.match(BIDI_CONTROL);
    expect(state('disguised').name, 'the raw name stays for apps').to.equal(names.disguised);
    expect(state('blank').displayName).to.equal('blank');
    expect(state('invisible').displayName).to.equal('invisible');
    expect(state('plain').displayName).to.equal('Ada Lovelace');
    expect(state('unnamed').displayName).to.equal('unnamed');

    const before = state('plain');
    script.update('plain', { metadata: 'x' });
    await waitFor(() => state('plain').metadata === 'x');
    expect(state('plain').displayName).to.equal('Ada Lovelace');
    script.update('plain', { name: ' \u2066Grace\u2069 ' });
    await waitFor(() => state('plain').name !== before.name);
    expect(state('plain').displayName).to.equal('Grace');
  });

  it('records chat text made fit to show and leaves out messages that show nothing', async () => {
    script.join('peer', '\u202Eexe.tnemucod\u202C victim');
    await waitFor(() => store.get().remotes.length === 1);
    receiveText(script.room, 'peer', ' \u200B\n\u3164 ');
    receiveText(script.room, 'peer', '   ');
    receiveText(script.room, 'peer', 'get https://ok.example/\u202Efdp.exe\u0000 now');
    await waitFor(() => store.get().chat.length > 0);
    // Streams are read in order: had the blank ones been recorded, they would be here first.
    await store.settled();
    expect(store.get().chat.map((m) => [m.fromName, m.text])).to.deep.equal([
      ['exe.tnemucod victim', 'get https://ok.example/%E2%80%AEfdp.exe now'],
    ]);
  });

  it('a message that outran its sender reads as the name once the sender is known', async () => {
    receiveText(script.room, 'early', 'first!');
    await waitFor(() => store.get().chat.length === 1);
    expect(store.get().chat[0]!.fromName, 'no name known yet').to.equal('early');
    script.join('early', 'Ada \u202Eevil');
    await waitFor(() => store.get().chat[0]!.fromName !== 'early');
    expect(store.get().chat[0]!.fromName).to.equal('Ada evil');
    script.update('early', { name: 'Grace' });
    await waitFor(() => store.get().participants.get('early')?.displayName === 'Grace');
    expect(store.get().chat[0]!.fromName, 'a known name is kept as it was').to.equal('Ada evil');
  });

  it('an edit to nothing takes the message away; addChat sanitizes as well', async () => {
    const message = {
      id: 'm1',
      from: 'someone',
      fromName: ' \u200B',
      text: 'Z' + '\u0301'.repeat(60),
      timestamp: 1,
      isLocal: false,
    };
    store.addChat(message);
    store.addChat({ ...message, id: 'm2', text: '\u2800' });
    await store.settled();
    expect(store.get().chat.map((m) => [m.id, m.fromName, [...m.text].length])).to.deep.equal([
      ['m1', 'someone', 4], // Ź (composed) and three of its marks
    ]);
    store.addChat({ ...message, text: '\uFEFF ' });
    await store.settled();
    expect(store.get().chat).to.deep.equal([]);
  });
});
