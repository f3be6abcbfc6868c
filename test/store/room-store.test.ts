import { expect } from '@open-wc/testing';
import { ParticipantPermission } from '@livekit/protocol';
import { RoomEvent } from 'livekit-client';
import {
  RoomStore,
  selectActiveSpeakers,
  selectCanChat,
  selectChat,
  selectIdentities,
  selectParticipant,
  type RoomSnapshot,
  type RoomStoreEvent,
} from '../../src/store/index.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { receiveText } from '../helpers/text-stream.js';

const ALL_EVENTS = Object.values(RoomEvent);

/**
 * The SFU forwards a text stream from `identity` on `topic` (header, one chunk, trailer), through
 * the Room's own data-packet handler, as a remote livekit-client's `sendText` produces it.
 */
function listenerCounts(script: ScriptedRoom): number {
  return ALL_EVENTS.reduce((n, e) => n + script.room.listenerCount(e), 0);
}

describe('RoomStore on a scripted room', () => {
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

  it('reads the room whole: phase, local, remotes in join order, their tracks', () => {
    const s = store.get();
    expect(s.connection.phase).to.equal('connected');
    expect(s.local?.identity).to.equal('simulated-local');
    expect(s.local?.isLocal).to.equal(true);
    expect(s.remotes.map((p) => p.identity)).to.deep.equal(script.identities);
    expect(s.remotes).to.have.length(4);
    const first = s.remotes[0]!;
    expect(first.tracks.camera?.kind).to.equal('video');
    expect(first.tracks.camera?.subscribed).to.equal(false);
    expect(first.tracks.camera?.muted).to.equal(false);
    expect(first.tracks.microphone).to.equal(undefined);
    expect(s.participants.size).to.equal(5);
    expect(s.numParticipants).to.equal(5);
    expect(s.numPublishers).to.equal(4);
    expect(Object.isFrozen(s)).to.equal(true);
    expect(Object.isFrozen(s.remotes)).to.equal(true);
  });

  it('keeps the identity of every participant an event did not touch', async () => {
    const before = store.get();
    const [a, b] = script.identities;
    script.update(a!, { name: 'Ada Lovelace' });
    await store.settled();
    const after = store.get();
    expect(after).not.to.equal(before);
    expect(after.participants.get(a!)?.name).to.equal('Ada Lovelace');
    expect(after.participants.get(a!)).not.to.equal(before.participants.get(a!));
    expect(after.participants.get(b!)).to.equal(before.participants.get(b!));
    expect(after.local).to.equal(before.local);
    expect(after.room).to.equal(before.room);
    expect(after.devices).to.equal(before.devices);
    // The unchanged parts of the changed participant are shared too.
    expect(after.participants.get(a!)?.tracks).to.equal(before.participants.get(a!)?.tracks);
  });

  it('commits a burst of events in one task as one notification', async () => {
    const seen: RoomSnapshot[] = [];
    const unsubscribe = store.listen((s) => seen.push(s));
    const commits = store.commits;
    const ids = script.identities;
    for (const [i, id] of ids.entries()) script.update(id, { metadata: `m${i}` });
    script.speakers([ids[0]!]);
    script.join('late-comer');
    await store.settled();
    expect(store.commits - commits).to.equal(1);
    expect(seen).to.have.length(1);
    expect(seen[0]!.remotes.map((p) => p.metadata).slice(0, 4)).to.deep.equal([
      'm0',
      'm1',
      'm2',
      'm3',
    ]);
    expect(seen[0]!.remotes.at(-1)?.identity).to.equal('late-comer');
    unsubscribe();
  });

  it('does not notify a slice subscriber when another slice changed', async () => {
    const [a, b] = script.identities;
    let aCalls = 0;
    let bCalls = 0;
    const offA = store.select(selectParticipant(a!)).listen(() => (aCalls += 1));
    const offB = store.select(selectParticipant(b!)).listen(() => (bCalls += 1));
    script.update(b!, { attributes: { hand: 'raised' } });
    await store.settled();
    expect(aCalls).to.equal(0);
    expect(bCalls).to.equal(1);
    expect(store.get().participants.get(b!)?.attributes).to.deep.equal({ hand: 'raised' });
    offA();
    offB();
  });

  it('a derived list that rebuilds equal does not notify (shallow equality)', async () => {
    let calls = 0;
    const identities = store.select(selectIdentities);
    const off = identities.listen(() => (calls += 1));
    const first = identities.get();
    script.update(script.identities[0]!, { name: 'Renamed' });
    await store.settled();
    expect(calls).to.equal(0);
    expect(identities.get()).to.equal(first);
    script.join('newcomer');
    await store.settled();
    expect(calls).to.equal(1);
    expect(identities.get().at(-1)).to.equal('newcomer');
    off();
  });

  it('an active-speaker change in a 20-participant room re-selects only the two tiles it touches', async () => {
    store.destroy();
    await script.room.disconnect();
    script = await ScriptedRoom.create(19);
    store = new RoomStore(script.room);
    const ids = script.identities;
    expect(store.get().numParticipants).to.equal(20);
    // The SFU's speaker update names participants by sid: each needs one of its own.
    const sids = [...store.get().participants.values()].map((p) => p.sid);
    expect(new Set(sids).size, 'distinct sids').to.equal(20);
    script.speakers([ids[3]!]);
    await store.settled();

    const notified: string[] = [];
    const offs = [...store.get().participants.keys()].map((id) =>
      store.select(selectParticipant(id)).listen(() => notified.push(id)),
    );
    let speakerLists = 0;
    offs.push(store.select(selectActiveSpeakers).listen(() => (speakerLists += 1)));
    let snapshots = 0;
    offs.push(store.listen(() => (snapshots += 1)));
    const commits = store.commits;

    script.speakers([ids[7]!]);
    await store.settled();

    expect(store.commits - commits).to.equal(1);
    expect(snapshots).to.equal(1);
    expect(speakerLists).to.equal(1);
    expect(notified.sort()).to.deep.equal([ids[3]!, ids[7]!].sort());
    expect(store.get().participants.get(ids[7]!)?.isSpeaking).to.equal(true);
    expect(store.get().participants.get(ids[3]!)?.isSpeaking).to.equal(false);
    expect(store.get().activeSpeakers).to.deep.equal([ids[7]]);
    for (const off of offs) off();
  });

  it('reflects a camera mute and unmute from the SFU', async () => {
    const id = script.identities[1]!;
    const events: string[] = [];
    store.onEvent((e) => events.push(e.type));
    script.setCameraMuted(id, true);
    await store.settled();
    expect(store.get().participants.get(id)?.tracks.camera?.muted).to.equal(true);
    script.setCameraMuted(id, false);
    await store.settled();
    expect(store.get().participants.get(id)?.tracks.camera?.muted).to.equal(false);
    expect(events).to.include.members(['track-muted', 'track-unmuted']);
  });

  it('removes a participant who left, and tells so after the snapshot is committed', async () => {
    const id = script.identities[2]!;
    const seen: Array<{ event: RoomStoreEvent; present: boolean }> = [];
    store.onEvent((event) => seen.push({ event, present: store.get().participants.has(id) }));
    script.leave(id);
    await store.settled();
    expect(store.get().remotes.map((p) => p.identity)).not.to.include(id);
    expect(store.get().participants.has(id)).to.equal(false);
    const left = seen.find((s) => s.event.type === 'participant-left');
    expect(left, 'participant-left event').to.not.equal(undefined);
    expect(left!.present).to.equal(false);
  });

  it('keeps the join order as people come and go', async () => {
    const [a, b] = script.identities;
    script.join('x');
    script.join('y');
    script.leave(a!);
    await store.settled();
    const order = store.get().remotes.map((p) => p.identity);
    expect(order[0]).to.equal(b);
    expect(order.slice(-2)).to.deep.equal(['x', 'y']);
  });

  it('honours the Svelte store contract', async () => {
    const values: RoomSnapshot[] = [];
    const unsubscribe = store.subscribe((s) => values.push(s));
    expect(values).to.have.length(1);
    expect(values[0]).to.equal(store.get());
    expect(typeof unsubscribe).to.equal('function');
    script.join('svelte-fan');
    await store.settled();
    expect(values).to.have.length(2);
    unsubscribe();
    script.join('after-unsubscribe');
    await store.settled();
    expect(values).to.have.length(2);
  });

  it('records errors and clears them', async () => {
    store.reportError({ code: 'camera-denied', fatal: false });
    await store.settled();
    expect(store.get().error).to.deep.equal({ code: 'camera-denied', fatal: false });
    expect(store.get().connection.phase).to.equal('connected');
    store.clearError();
    await store.settled();
    expect(store.get().error).to.equal(undefined);
  });

  it('reports a disconnect with its reason and empties the room', async () => {
    const events: RoomStoreEvent[] = [];
    store.onEvent((e) => events.push(e));
    await script.room.disconnect();
    await store.settled();
    const s = store.get();
    expect(s.connection).to.deep.equal({ phase: 'disconnected', reason: 'client-initiated' });
    expect(s.remotes).to.have.length(0);
    expect(s.local, 'no local participant outside a room').to.equal(undefined);
    expect(s.participants.size).to.equal(0);
    expect(events.map((e) => e.type)).to.include('disconnected');
  });

  it('adds one listener per room event and removes them all on destroy', () => {
    const fresh = new ScriptedRoom();
    const baseline = new Map(ALL_EVENTS.map((e) => [e, fresh.room.listenerCount(e)]));
    const s = new RoomStore(fresh.room);
    const added = ALL_EVENTS.map((e) => fresh.room.listenerCount(e) - baseline.get(e)!);
    expect(Math.max(...added)).to.equal(1);
    expect(added.filter((n) => n === 1).length).to.be.greaterThan(20);
    s.destroy();
    expect(listenerCounts(fresh)).to.equal([...baseline.values()].reduce((a, b) => a + b, 0));
  });

  describe('chat (lk.chat text streams)', () => {
    it('appends a received message, frozen, with sender and name, in one commit', async () => {
      const [a] = script.identities;
      script.update(a!, { name: 'Ada' });
      await store.settled();
      const before = store.get();
      receiveText(script.room, a!, 'hello <b>there</b>');
      await waitChat(store, 1);
      const s = store.get();
      expect(s.chat).to.have.length(1);
      const m = s.chat[0]!;
      expect(m).to.include({
        from: a,
        fromName: 'Ada',
        text: 'hello <b>there</b>',
        isLocal: false,
      });
      expect(m.timestamp).to.be.closeTo(Date.now(), 5_000);
      expect(Object.isFrozen(s.chat)).to.equal(true);
      expect(Object.isFrozen(m)).to.equal(true);
      // Nothing else changed identity.
      expect(s.participants).to.equal(before.participants);
      expect(s.room).to.equal(before.room);
    });

    it('ignores other topics, and treats a repeated stream id from the same sender as an edit', async () => {
      const [a, b] = script.identities;
      receiveText(script.room, a!, 'not chat', { topic: 'some-other-topic' });
      const id = receiveText(script.room, a!, 'first');
      receiveText(script.room, b!, 'second');
      await waitChat(store, 2);
      receiveText(script.room, a!, 'first, edited', { id });
      await waitFor(() => store.get().chat[0]?.text === 'first, edited');
      expect(store.get().chat.map((m) => m.text)).to.deep.equal(['first, edited', 'second']);
    });

    it('records a message sent again (same sender, id and text) once, without a change', async () => {
      const [a, b] = script.identities;
      const id = receiveText(script.room, a!, 'sent before the node died');
      await waitChat(store, 1);
      const before = store.get().chat;
      let calls = 0;
      const off = store.select(selectChat).listen(() => (calls += 1));
      // Sent again after a rejoin, and once more to someone who came back later.
      receiveText(script.room, a!, 'sent before the node died', { id });
      receiveText(script.room, a!, 'sent before the node died', { id });
      // The same id from someone else is another message (nobody can replace another's).
      receiveText(script.room, b!, 'sent before the node died', { id });
      await waitChat(store, 2);
      off();
      const chat = store.get().chat;
      expect(chat.map((m) => m.from)).to.deep.equal([a, b]);
      expect(chat[0]).to.equal(before[0]);
      expect(calls, 'one change: the message from the other sender').to.equal(1);
      // Your own message: pending, then sent, then the same again.
      const mine = {
        id: 'own-1',
        from: 'me',
        fromName: 'Me',
        text: 'hi',
        timestamp: 1,
        isLocal: true,
      };
      store.addChat({ ...mine, delivery: 'pending' });
      store.addChat(mine);
      await store.settled();
      const sent = store.get().chat.at(-1)!;
      expect(sent.delivery).to.equal(undefined);
      store.addChat(mine);
      await store.settled();
      expect(store.get().chat.at(-1)).to.equal(sent);
      expect(store.get().chat).to.have.length(3);
    });

    it('keeps only the last 500 messages', async () => {
      const [a] = script.identities;
      for (let i = 0; i < 510; i += 1) receiveText(script.room, a!, `m${i}`);
      await waitFor(() => store.get().chat.at(-1)?.text === 'm509');
      const chat = store.get().chat;
      expect(chat).to.have.length(500);
      expect(chat[0]!.text).to.equal('m10');
    });

    it('a chat slice notifies only on chat changes', async () => {
      let calls = 0;
      const off = store.select(selectChat).listen(() => (calls += 1));
      script.update(script.identities[0]!, { name: 'Renamed' });
      await store.settled();
      expect(calls).to.equal(0);
      receiveText(script.room, script.identities[0]!, 'hi');
      await waitChat(store, 1);
      expect(calls).to.equal(1);
      off();
    });

    it("canChat follows the local participant's canPublishData", async () => {
      expect(selectCanChat(store.get())).to.equal(true);
      script.room.localParticipant.setPermissions(
        new ParticipantPermission({ canPublish: true, canSubscribe: true, canPublishData: false }),
      );
      await waitFor(() => !selectCanChat(store.get()));
      expect(store.get().local?.permissions?.canPublishData).to.equal(false);
    });

    it('keeps the history after a disconnect', async () => {
      receiveText(script.room, script.identities[0]!, 'before leaving');
      await waitChat(store, 1);
      await script.room.disconnect();
      await store.settled();
      expect(store.get().connection.phase).to.equal('disconnected');
      expect(store.get().chat.map((m) => m.text)).to.deep.equal(['before leaving']);
    });

    it('registers one lk.chat handler per Room, shared by its stores; the last destroy unregisters it', async () => {
      const second = new RoomStore(script.room);
      receiveText(script.room, script.identities[0]!, 'to both');
      await waitChat(store, 1);
      await waitChat(second, 1);
      store.destroy();
      receiveText(script.room, script.identities[0]!, 'to the second');
      await waitChat(second, 2);
      expect(store.get().chat).to.have.length(1);
      second.destroy();
      // Unregistered: the Room takes a new handler for the topic again.
      let got = '';
      script.room.registerTextStreamHandler('lk.chat', async (reader) => {
        got = await reader.readAll();
      });
      receiveText(script.room, script.identities[0]!, 'to the page');
      await waitFor(() => got === 'to the page');
      script.room.unregisterTextStreamHandler('lk.chat');
    });
  });
});

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

function waitChat(store: RoomStore, n: number): Promise<void> {
  return waitFor(() => store.get().chat.length >= n);
}
