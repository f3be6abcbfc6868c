import { expect } from '@open-wc/testing';
import { RoomStore, selectChat } from '../../src/store/index.js';
import {
  encodeLegacyChat,
  LEGACY_CHAT_MAX_BYTES,
  LEGACY_CHAT_SEND_BYTES,
  LEGACY_CHAT_TOPIC,
  LEGACY_CHAT_UPDATE_TOPIC,
  parseLegacyChat,
} from '../../src/store/legacy-chat.js';
import { receiveData } from '../helpers/data-packet.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { receiveText } from '../helpers/text-stream.js';

/**
 * LiveKit's legacy chat packets (`lk-chat-topic`) next to `lk.chat` text streams, on a scripted
 * room fed the SFU's own data packets: what components-core 0.9 sends (packets only), what
 * components-core 0.12 sends (a stream, then a packet with its id, `ignoreLegacy` when the server
 * forwards streams), edits, deletions and hostile packets.
 */
const legacy = (fields: Record<string, unknown>) => JSON.stringify(fields);

function waitFor(predicate: () => boolean, timeout = 3_000): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (predicate()) resolve();
      else if (Date.now() - start > timeout) reject(new Error('timed out'));
      else setTimeout(tick, 10);
    };
    tick();
  });
}

describe('legacy chat packets (lk-chat-topic) in the store', () => {
  let script: ScriptedRoom;
  let store: RoomStore;
  let a: string;
  let b: string;
  let changes: number;
  let off: () => void;

  beforeEach(async () => {
    script = await ScriptedRoom.create(2);
    [a, b] = script.identities as [string, string];
    script.update(a, { name: 'Ada' });
    store = new RoomStore(script.room);
    await store.settled();
    changes = 0;
    off = store.select(selectChat).listen(() => (changes += 1));
  });

  afterEach(async () => {
    off();
    store.destroy();
    await script.room.disconnect();
  });

  const texts = () => store.get().chat.map((m) => m.text);

  it('shows a packet as components-core 0.9 sends it, with its id, sender and time', async () => {
    const timestamp = Date.now() - 60_000;
    receiveData(
      script.room,
      a,
      LEGACY_CHAT_TOPIC,
      legacy({ id: 'm1', timestamp, message: 'from an old kit' }),
    );
    await store.settled();
    expect(store.get().chat).to.have.length(1);
    expect(store.get().chat[0]).to.deep.include({
      id: 'm1',
      from: a,
      fromName: 'Ada',
      text: 'from an old kit',
      timestamp,
      isLocal: false,
    });
    expect(changes).to.equal(1);
  });

  for (const ignoreLegacy of [false, true]) {
    it(`a stream and its packet (ignoreLegacy: ${ignoreLegacy}) show once, the stream first`, async () => {
      const id = receiveText(script.room, a, 'said twice');
      await waitFor(() => store.get().chat.length === 1);
      const before = store.get().chat;
      receiveData(
        script.room,
        a,
        LEGACY_CHAT_TOPIC,
        legacy({ id, timestamp: Date.now(), message: 'said twice', ignoreLegacy }),
      );
      await store.settled();
      expect(store.get().chat, 'the copy changes nothing').to.equal(before);
      // A later message shows that the packet before it was handled.
      receiveData(script.room, a, LEGACY_CHAT_TOPIC, legacy({ id: 'next', message: 'next' }));
      await store.settled();
      expect(texts()).to.deep.equal(['said twice', 'next']);
    });

    it(`a stream and its packet (ignoreLegacy: ${ignoreLegacy}) show once, the packet first`, async () => {
      const id = crypto.randomUUID();
      receiveData(
        script.room,
        a,
        LEGACY_CHAT_TOPIC,
        legacy({ id, timestamp: Date.now(), message: 'said twice', ignoreLegacy }),
      );
      await store.settled();
      const copy = store.get().chat[0];
      expect(copy === undefined, 'a copy marked ignoreLegacy waits for its stream').to.equal(
        ignoreLegacy,
      );
      receiveText(script.room, a, 'said twice', { id });
      receiveText(script.room, a, 'next');
      await waitFor(() => texts().includes('next'));
      await store.settled();
      expect(texts()).to.deep.equal(['said twice', 'next']);
      if (copy) expect(store.get().chat[0], 'the stream changes nothing').to.equal(copy);
    });
  }

  it('a packet marked ignoreLegacy alone shows nothing (its stream is what is read)', async () => {
    receiveData(
      script.room,
      a,
      LEGACY_CHAT_TOPIC,
      legacy({ id: 'x', timestamp: 1, message: 'only a copy', ignoreLegacy: true }),
    );
    receiveText(script.room, a, 'the real one');
    await waitFor(() => store.get().chat.length === 1);
    await store.settled();
    expect(texts()).to.deep.equal(['the real one']);
  });

  it('edits by id on either topic (text replaced in place, first time kept); deleted takes it away; ids are per sender', async () => {
    const first = Date.now() - 5_000;
    receiveData(
      script.room,
      a,
      LEGACY_CHAT_TOPIC,
      legacy({ id: 'e1', timestamp: first, message: 'frist' }),
    );
    receiveData(script.room, b, LEGACY_CHAT_TOPIC, legacy({ id: 'e1', message: 'not an edit' }));
    receiveData(script.room, a, LEGACY_CHAT_TOPIC, legacy({ id: 'e2', message: 'second' }));
    await store.settled();
    expect(texts()).to.deep.equal(['frist', 'not an edit', 'second']);
    receiveData(
      script.room,
      a,
      LEGACY_CHAT_UPDATE_TOPIC,
      legacy({ id: 'e1', timestamp: Date.now(), message: 'first' }),
    );
    await store.settled();
    expect(texts()).to.deep.equal(['first', 'not an edit', 'second']);
    expect(store.get().chat[0]!.timestamp).to.equal(first);
    receiveData(
      script.room,
      a,
      LEGACY_CHAT_TOPIC,
      legacy({ id: 'e1', timestamp: Date.now(), message: 'first, again' }),
    );
    await store.settled();
    expect(texts()).to.deep.equal(['first, again', 'not an edit', 'second']);
    // The Python SDK's ChatManager deletes with `deleted: true` on the update topic.
    receiveData(
      script.room,
      a,
      LEGACY_CHAT_UPDATE_TOPIC,
      legacy({ id: 'e2', message: 'second', deleted: true }),
    );
    await store.settled();
    expect(texts()).to.deep.equal(['first, again', 'not an edit']);
  });

  it('packets without an id (the oldest senders) are each a message', async () => {
    receiveData(script.room, a, LEGACY_CHAT_TOPIC, legacy({ timestamp: 1, message: 'same' }));
    receiveData(script.room, a, LEGACY_CHAT_TOPIC, legacy({ message: 'same' }));
    await store.settled();
    expect(texts()).to.deep.equal(['same', 'same']);
    const [one, two] = store.get().chat;
    expect(one!.id).to.not.equal(two!.id);
    expect(one!.timestamp, 'a time on the sender’s clock').to.equal(1);
    expect(two!.timestamp, 'no time: when it arrived').to.be.closeTo(Date.now(), 5_000);
  });

  it('drops hostile packets safely and keeps reading', async () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    const hostile: Array<string | Uint8Array> = [
      'not json',
      '{"id":"h","message":"unterminated',
      new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]), // not UTF-8
      '[]',
      'null',
      '42',
      '"a string"',
      legacy({ id: 'h1', message: 42 }),
      legacy({ id: 'h2', message: null }),
      legacy({ id: 'h3', message: { text: 'nested' } }),
      legacy({ id: 'h4' }),
      legacy({ id: 7, message: 'numeric id' }),
      legacy({ id: '', message: 'empty id' }),
      legacy({ id: 'x'.repeat(257), message: 'long id' }),
      legacy({ id: ['h5'], message: 'array id' }),
      bytes(legacy({ id: 'big', message: 'A'.repeat(LEGACY_CHAT_MAX_BYTES) })),
      legacy({ id: 'blank', message: '\u200B \u2060' }),
      legacy({ id: 'ctl', message: '\u0000\u0001' }),
      '{"__proto__":{"polluted":true},"id":"proto","message":"proto"}',
    ];
    for (const payload of hostile) receiveData(script.room, a, LEGACY_CHAT_TOPIC, payload);
    // Wrong types beside a good message: the time falls back to arrival, the flag to false.
    receiveData(
      script.room,
      b,
      LEGACY_CHAT_TOPIC,
      legacy({ id: 'ok', message: 'fine', timestamp: 'yesterday', ignoreLegacy: 'yes' }),
    );
    receiveData(script.room, b, 'some-other-topic', legacy({ id: 'other', message: 'not chat' }));
    await store.settled();
    expect(texts()).to.deep.equal(['proto', 'fine']);
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
    const fine = store.get().chat[1]!;
    expect(fine.timestamp).to.be.closeTo(Date.now(), 5_000);
    expect(changes).to.equal(1);
  });

  it('reads and writes the packet as components-core 0.12 does', () => {
    const payload = encodeLegacyChat({ id: 'i', text: 'hé', timestamp: 5, ignoreLegacy: true })!;
    expect(JSON.parse(new TextDecoder().decode(payload))).to.deep.equal({
      id: 'i',
      timestamp: 5,
      message: 'hé',
      ignoreLegacy: true,
    });
    expect(parseLegacyChat(payload)).to.deep.equal({
      id: 'i',
      text: 'hé',
      timestamp: 5,
      ignoreLegacy: true,
    });
    const long = 'é'.repeat(LEGACY_CHAT_SEND_BYTES / 2);
    expect(encodeLegacyChat({ id: 'i', text: long, timestamp: 5, ignoreLegacy: false })).to.equal(
      undefined,
    );
  });
});
