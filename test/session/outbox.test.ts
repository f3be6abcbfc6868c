import { expect } from '@open-wc/testing';
import { Encryption_Type } from '@livekit/protocol';
import { ConnectionState, RoomEvent, type Room, type TextStreamWriter } from 'livekit-client';
import { ChatOutbox, LOSS_MARGIN_MS } from '../../src/session/outbox.js';
import { RoomStore } from '../../src/store/room-store.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

type StreamTextOptions = Parameters<Room['localParticipant']['streamText']>[0];

interface Sent {
  how: 'new' | 'again';
  id: string;
  text: string;
  to?: string[];
}

/** A legacy copy (`lk-chat-topic`) as sent. */
interface Copy {
  id: string;
  message: string;
  timestamp: number;
  ignoreLegacy: boolean;
  to?: string[];
}

/**
 * What the outbox hands to livekit-client: `sendText` for a new message (a new stream id), and
 * `streamText` with the stream id for one sent again; `publishData` for legacy copies (`copies`).
 * `fail` makes all three reject; `failCopies` only `publishData`.
 */
function recordSends(room: Room) {
  const sent: Sent[] = [];
  const copies: Copy[] = [];
  const control = { fail: false, failCopies: false };
  const lp = room.localParticipant;
  let n = 0;
  lp.publishData = async (payload, options) => {
    if (control.fail || control.failCopies) throw new Error('data channel closed');
    expect(options).to.include({ reliable: true, topic: 'lk-chat-topic' });
    const copy = JSON.parse(new TextDecoder().decode(payload)) as Copy;
    copies.push(
      options?.destinationIdentities ? { ...copy, to: options.destinationIdentities } : copy,
    );
  };
  lp.sendText = async (text) => {
    if (control.fail) throw new Error('data channel closed');
    const id = `stream-${(n += 1)}`;
    sent.push({ how: 'new', id, text });
    return {
      id,
      timestamp: Date.now(),
      mimeType: 'text/plain',
      topic: 'lk.chat',
      encryptionType: Encryption_Type.NONE,
    };
  };
  lp.streamText = async (options?: StreamTextOptions) => {
    if (control.fail) throw new Error('data channel closed');
    let text = '';
    return {
      write: async (chunk: string) => void (text += chunk),
      close: async () =>
        void sent.push({
          how: 'again',
          id: options!.streamId!,
          text,
          ...(options?.destinationIdentities ? { to: options.destinationIdentities } : {}),
        }),
    } as unknown as TextStreamWriter;
  };
  return { sent, copies, control };
}

/** The Room's connection state, as livekit-client sets it. */
function setState(room: Room, state: ConnectionState): void {
  (room as unknown as { state: ConnectionState }).state = state;
}

describe('ChatOutbox: your chat messages across a lost connection and a rejoin', () => {
  let script: ScriptedRoom;
  let store: RoomStore;
  let outbox: ChatOutbox;
  let joining: boolean;

  beforeEach(async () => {
    script = await ScriptedRoom.create(2);
    store = new RoomStore(script.room);
    joining = true;
    outbox = new ChatOutbox({
      room: () => script.room,
      store: () => store,
      joining: () => joining,
    });
    outbox.follow(script.room);
    await store.settled();
  });

  afterEach(async () => {
    outbox.dispose();
    store.destroy();
    await script.room.disconnect();
  });

  const mine = () => store.get().chat.filter((m) => m.isLocal);
  const waitFor = async (predicate: () => boolean) => {
    for (let i = 0; i < 100 && !predicate(); i++) await new Promise((r) => setTimeout(r, 10));
    expect(predicate(), 'waited for').to.equal(true);
  };
  const settled = async (sent: Sent[], n: number) => {
    for (let i = 0; i < 100 && sent.length < n; i++) await new Promise((r) => setTimeout(r, 10));
    await store.settled();
  };

  it('a message sent just before the loss is sent again, with its id, once back', async () => {
    const { sent, copies } = recordSends(script.room);
    await outbox.send('sent as the node died');
    expect(sent).to.deep.equal([{ how: 'new', id: 'stream-1', text: 'sent as the node died' }]);
    // Its legacy copy follows, with the stream's id and the time it is shown with.
    const shown = mine()[0]!.timestamp;
    const copy = { id: 'stream-1', message: 'sent as the node died', timestamp: shown };
    expect(copies).to.have.length(1);
    expect(copies[0]).to.include(copy);
    outbox.onEvent({ type: 'reconnecting' }, false);
    outbox.onEvent({ type: 'reconnected' }, false);
    await settled(sent, 2);
    expect(sent[1]).to.deep.equal({ how: 'again', id: 'stream-1', text: 'sent as the node died' });
    await waitFor(() => copies.length === 2);
    expect(copies[1], 'the copy goes out again with it').to.include(copy);
    // Shown once, as sent.
    expect(mine().map((m) => [m.id, m.text, m.delivery])).to.deep.equal([
      ['stream-1', 'sent as the node died', undefined],
    ]);
  });

  it('while the connection is lost a message is pending, then sent with its id once back', async () => {
    const { sent } = recordSends(script.room);
    outbox.onEvent({ type: 'reconnecting' }, false);
    setState(script.room, ConnectionState.Reconnecting);
    await outbox.send('written while reconnecting');
    await store.settled();
    expect(sent, 'nothing sent while lost').to.deep.equal([]);
    const [pending] = mine();
    expect(pending).to.include({ text: 'written while reconnecting', delivery: 'pending' });
    setState(script.room, ConnectionState.Connected);
    outbox.onEvent({ type: 'reconnected' }, false);
    await settled(sent, 1);
    expect(sent).to.deep.equal([
      { how: 'again', id: pending!.id, text: 'written while reconnecting' },
    ]);
    expect(mine().map((m) => [m.id, m.delivery])).to.deep.equal([[pending!.id, undefined]]);
  });

  it('someone who was there before and comes back later gets the recent messages too', async () => {
    const { sent, copies } = recordSends(script.room);
    const [a, b] = script.identities as [string, string];
    await outbox.send('hello');
    outbox.onEvent({ type: 'reconnecting' }, false);
    // Back on a new connection where only `a` is yet: `b` rejoins later.
    script.room.remoteParticipants.delete(b);
    outbox.onEvent({ type: 'reconnected' }, false);
    await settled(sent, 2);
    script.room.emit(RoomEvent.ParticipantActive, { identity: b } as never);
    await settled(sent, 3);
    expect(sent.slice(1)).to.deep.equal([
      { how: 'again', id: 'stream-1', text: 'hello' },
      { how: 'again', id: 'stream-1', text: 'hello', to: [b] },
    ]);
    await waitFor(() => copies.length === 3);
    expect(copies.map((c) => [c.id, c.to])).to.deep.equal([
      ['stream-1', undefined],
      ['stream-1', undefined],
      ['stream-1', [b]],
    ]);
    // Once per person; someone new is not sent the past.
    script.room.emit(RoomEvent.ParticipantActive, { identity: b } as never);
    script.room.emit(RoomEvent.ParticipantActive, { identity: 'newcomer' } as never);
    script.room.emit(RoomEvent.ParticipantActive, { identity: a } as never);
    await new Promise((r) => setTimeout(r, 50));
    expect(sent).to.have.length(3);
  });

  it('messages sent long before the loss are not sent again', async () => {
    const { sent } = recordSends(script.room);
    const now = Date.now;
    try {
      Date.now = () => now() - LOSS_MARGIN_MS - 1_000;
      await outbox.send('long ago');
    } finally {
      Date.now = now;
    }
    await outbox.send('just now');
    outbox.onEvent({ type: 'reconnecting' }, false);
    outbox.onEvent({ type: 'reconnected' }, false);
    await settled(sent, 3);
    expect(sent.map((s) => `${s.how} ${s.text}`)).to.deep.equal([
      'new long ago',
      'new just now',
      'again just now',
    ]);
  });

  it('giving up marks pending messages not sent; Send again sends one with its id', async () => {
    const { sent, copies } = recordSends(script.room);
    outbox.onEvent({ type: 'reconnecting' }, false);
    setState(script.room, ConnectionState.Reconnecting);
    await outbox.send('never went out');
    // The session stops rejoining: the message is not sent, and says so.
    joining = false;
    setState(script.room, ConnectionState.Disconnected);
    outbox.onEvent({ type: 'disconnected', reason: 'reconnect-failed' }, false);
    await store.settled();
    const [failed] = mine();
    expect(failed).to.include({ text: 'never went out', delivery: 'failed' });
    // Retrying while not in a call fails again, and says so.
    let error: unknown;
    await outbox.retry(failed!.id).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
    expect(store.get().error?.code).to.equal('chat-send-failed');
    expect(mine()[0]!.delivery).to.equal('failed');
    // Back in a call: Send again.
    joining = true;
    setState(script.room, ConnectionState.Connected);
    await outbox.retry(failed!.id);
    await store.settled();
    expect(sent).to.deep.equal([{ how: 'again', id: failed!.id, text: 'never went out' }]);
    expect(mine().map((m) => [m.id, m.delivery])).to.deep.equal([[failed!.id, undefined]]);
    expect(copies.map((c) => [c.id, c.message])).to.deep.equal([[failed!.id, 'never went out']]);
  });

  it('a legacy copy that cannot be sent loses nothing else: the message is sent and recorded once', async () => {
    const { sent, copies, control } = recordSends(script.room);
    control.failCopies = true;
    await outbox.send('no copy for old kits');
    await store.settled();
    expect(sent.map((s) => s.text)).to.deep.equal(['no copy for old kits']);
    expect(copies).to.deep.equal([]);
    expect(mine().map((m) => [m.text, m.delivery])).to.deep.equal([
      ['no copy for old kits', undefined],
    ]);
    expect(store.get().error).to.equal(undefined);
  });

  it('the copy says ignoreLegacy only when the server forwards text streams (after 1.8.2, or Cloud)', async () => {
    const { copies } = recordSends(script.room);
    const info = script.room as unknown as { serverInfo?: { version?: string; edition?: number } };
    for (const [serverInfo, ignoreLegacy] of [
      [{ version: '1.13.5' }, true],
      [{ version: '1.8.2' }, false],
      [{ version: '1.4.0', edition: 1 }, true],
      [undefined, false],
    ] as const) {
      info.serverInfo = serverInfo;
      await outbox.send(`to a server ${JSON.stringify(serverInfo)}`);
      expect(copies.at(-1)!.ignoreLegacy, JSON.stringify(serverInfo)).to.equal(ignoreLegacy);
    }
  });

  it('a send that fails while connected is reported and rejects (the draft is kept)', async () => {
    const { control } = recordSends(script.room);
    control.fail = true;
    let error: unknown;
    await outbox.send('refused').catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
    expect(store.get().error?.code).to.equal('chat-send-failed');
    expect(mine()).to.deep.equal([]);
  });
});
