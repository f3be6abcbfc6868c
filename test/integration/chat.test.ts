import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import { RoomEvent, type Room } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ChatPanel } from '../../src/components/chat-panel/chat-panel.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/chat-panel/chat-panel.js';
import { joinPeer, uniqueRoom, useLiveHooks, waitFor } from '../helpers/live.js';

interface Received {
  text: string;
  from: string;
  topic: string;
}

/** A plain livekit-client peer that reads `lk.chat` as LiveKit's own clients do. */
function listen(peer: Room): Received[] {
  const received: Received[] = [];
  peer.registerTextStreamHandler('lk.chat', async (reader, { identity }) => {
    received.push({ text: await reader.readAll(), from: identity, topic: reader.info.topic });
  });
  return received;
}

async function mountChat(room: string, identity: string) {
  const el = await fixture<MediaRoom>(html`
    <media-room skip-prejoin token-url="/api/rooms/${room}/join" identity=${identity}>
      <chat-panel style="height: 320px"></chat-panel>
    </media-room>
  `);
  await waitFor(() => el.store.get().connection.phase === 'connected', 'connected', 20_000);
  const panel = el.querySelector('chat-panel')! as ChatPanel;
  const input = () => panel.shadowRoot!.querySelector('textarea')!;
  const messages = () => [...panel.shadowRoot!.querySelectorAll<HTMLElement>('[part~="message"]')];
  await waitFor(() => !!panel.shadowRoot?.querySelector('textarea') && !input().disabled, 'ready');
  return { el, panel, input, messages };
}

describe('chat against a real livekit-server', () => {
  const live = useLiveHooks();

  it('two participants chat both ways on lk.chat; Enter sends', async () => {
    const room = uniqueRoom('chat');
    const { el, panel, input, messages } = await mountChat(room, 'alice');
    const peer = await joinPeer(room, 'bob', {});
    live.peers.push(peer);
    const received = listen(peer);
    await waitFor(() => el.store.get().remotes.some((p) => p.identity === 'bob'), 'bob seen');
    await waitFor(() => peer.remoteParticipants.has('alice'), 'alice seen by bob');

    await peer.localParticipant.sendText('Hello from Bob', { topic: 'lk.chat' });
    await waitFor(() => messages().length === 1, 'bob’s message shown');
    expect(messages()[0]!.querySelector('[part="sender"]')!.textContent).to.equal('bob');
    expect(messages()[0]!.querySelector('[part="text"]')!.textContent).to.equal('Hello from Bob');
    expect(el.store.get().chat[0]).to.include({ from: 'bob', isLocal: false });

    input().focus();
    await sendKeys({ type: 'Hi Bob' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => received.length === 1, 'bob receives alice’s message');
    expect(received[0]).to.deep.equal({ text: 'Hi Bob', from: 'alice', topic: 'lk.chat' });
    await waitFor(() => messages().length === 2, 'own message shown once');
    expect(messages()[1]!.querySelector('[part="sender"]')!.textContent).to.equal('You');
    expect(input().value).to.equal('');
    await expect(panel).to.be.accessible();
  });

  it('shows hostile text as text, with only the https link clickable', async () => {
    const room = uniqueRoom('chat-hostile');
    const { el, panel, messages } = await mountChat(room, 'carol');
    const peer = await joinPeer(room, 'mallory', {});
    live.peers.push(peer);
    await waitFor(() => el.store.get().remotes.some((p) => p.identity === 'mallory'), 'seen');
    const hostile = [
      '<img src=x onerror="window.__chatPwned=1">',
      'javascript:alert(1)',
      'https://example.test/?q=<b>',
    ].join(' ');
    await peer.localParticipant.sendText(hostile, { topic: 'lk.chat' });
    await waitFor(() => messages().length === 1, 'shown');
    const text = messages()[0]!.querySelector('[part="text"]')!;
    // The link reads as its real, encoded address (test/integration/bidi.test.ts).
    expect(text.textContent).to.equal(hostile.replace('q=<b>', 'q=%3Cb%3E'));
    expect(text.querySelector('img, b, script')).to.equal(null);
    const links = [...text.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).to.deep.equal(['https://example.test/?q=%3Cb%3E']);
    expect(links[0]!.protocol).to.equal('https:');
    expect(links[0]!.rel).to.equal('noopener noreferrer');
    expect(links[0]!.target).to.equal('_blank');
    expect((window as unknown as { __chatPwned?: number }).__chatPwned).to.equal(undefined);
    await expect(panel).to.be.accessible();
  });

  it('a LiveKit client that sends only legacy packets (components-core 0.9) and ours chat both ways, each message once', async () => {
    const room = uniqueRoom('chat-legacy');
    const { el, input, messages } = await mountChat(room, 'dora');
    const peer = await joinPeer(room, 'old-kit', {});
    live.peers.push(peer);
    const legacyReceived: Array<Record<string, unknown>> = [];
    peer.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
      if (topic !== 'lk-chat-topic' || participant?.identity !== 'dora') return;
      legacyReceived.push(JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>);
    });
    const streams = listen(peer);
    await waitFor(() => el.store.get().remotes.some((p) => p.identity === 'old-kit'), 'seen');
    await waitFor(() => peer.remoteParticipants.has('dora'), 'dora seen by the old kit');

    // As components-core 0.9 sends: a JSON packet on lk-chat-topic, no ignoreLegacy, no stream.
    const legacy = (fields: Record<string, unknown>) =>
      peer.localParticipant.publishData(new TextEncoder().encode(JSON.stringify(fields)), {
        reliable: true,
        topic: 'lk-chat-topic',
      });
    await legacy({ id: 'old-1', timestamp: Date.now(), message: 'Hello from an old kit' });
    await waitFor(() => messages().length === 1, 'the legacy message is shown');
    const text = () => messages().map((m) => m.querySelector('[part="text"]')!.textContent);
    expect(messages()[0]!.querySelector('[part="sender"]')!.textContent).to.equal('old-kit');
    // Its edit (components-core 0.9's update topic) replaces it in place.
    await peer.localParticipant.publishData(
      new TextEncoder().encode(
        JSON.stringify({ id: 'old-1', timestamp: Date.now(), message: 'Hello from an old kit!' }),
      ),
      { reliable: true, topic: 'lk-chat-update-topic' },
    );
    await waitFor(() => text()[0] === 'Hello from an old kit!', 'the edit is shown');
    expect(messages()).to.have.length(1);

    input().focus();
    await sendKeys({ type: 'Hi, old kit' });
    await sendKeys({ press: 'Enter' });
    await waitFor(() => legacyReceived.length === 1, 'the old kit receives a legacy packet');
    await waitFor(() => streams.length === 1, 'and a stream reader the stream');
    const own = el.store.get().chat.find((m) => m.isLocal)!;
    expect(legacyReceived[0]).to.deep.equal({
      id: own.id,
      timestamp: own.timestamp,
      message: 'Hi, old kit',
      // livekit-server 1.13 forwards streams: readers of lk.chat skip the copy.
      ignoreLegacy: true,
    });
    expect(text()).to.deep.equal(['Hello from an old kit!', 'Hi, old kit']);
  });

  it('a stream and a legacy packet with the same id show once, in either order', async () => {
    const room = uniqueRoom('chat-pair');
    const { el, messages } = await mountChat(room, 'erin');
    const peer = await joinPeer(room, 'new-kit', {});
    live.peers.push(peer);
    await waitFor(() => el.store.get().remotes.some((p) => p.identity === 'new-kit'), 'seen');
    const lp = peer.localParticipant;
    const packet = (id: string, message: string, ignoreLegacy: boolean) =>
      lp.publishData(
        new TextEncoder().encode(
          JSON.stringify({ id, timestamp: Date.now(), message, ignoreLegacy }),
        ),
        { reliable: true, topic: 'lk-chat-topic' },
      );
    // components-core 0.12: the stream, then its copy (ignoreLegacy, as the server forwards streams).
    const first = await lp.sendText('stream, then packet', { topic: 'lk.chat' });
    await packet(first.id, 'stream, then packet', true);
    // The same against a server without streams (ignoreLegacy false): both are read.
    const second = await lp.sendText('stream, then unmarked packet', { topic: 'lk.chat' });
    await packet(second.id, 'stream, then unmarked packet', false);
    // The packet first, then a stream with its id.
    const id = crypto.randomUUID();
    await packet(id, 'packet, then stream', false);
    const writer = await lp.streamText({ streamId: id, topic: 'lk.chat' });
    await writer.write('packet, then stream');
    await writer.close();
    await lp.sendText('last', { topic: 'lk.chat' });
    await waitFor(
      () => el.store.get().chat.some((m) => m.text === 'last'),
      'every message arrived',
    );
    const text = () => messages().map((m) => m.querySelector('[part="text"]')!.textContent);
    await waitFor(() => text().includes('last'), 'the last one is shown');
    expect(text()).to.deep.equal([
      'stream, then packet',
      'stream, then unmarked packet',
      'packet, then stream',
      'last',
    ]);
  });

  it('hostile legacy packets through the SFU are dropped or shown as text only', async () => {
    const room = uniqueRoom('chat-legacy-hostile');
    const { el, panel, messages } = await mountChat(room, 'fay');
    const peer = await joinPeer(room, 'mallory', {});
    live.peers.push(peer);
    await waitFor(() => el.store.get().remotes.some((p) => p.identity === 'mallory'), 'seen');
    const publish = (payload: string | Uint8Array<ArrayBuffer>) =>
      peer.localParticipant.publishData(
        typeof payload === 'string' ? new TextEncoder().encode(payload) : payload,
        { reliable: true, topic: 'lk-chat-topic' },
      );
    for (const payload of [
      'not json',
      new Uint8Array([0xc3, 0x28, 0x7b, 0x7d]),
      '[1,2]',
      JSON.stringify({ id: 'n', message: 12 }),
      JSON.stringify({ id: 5, message: 'numeric id' }),
      JSON.stringify({ id: 'blank', message: '\u200B' }),
    ]) {
      await publish(payload);
    }
    const markup = '<img src=x onerror="window.__legacyPwned=1">';
    await publish(JSON.stringify({ id: 'x1', timestamp: 'soon', message: markup }));
    await waitFor(() => messages().length === 1, 'the one valid packet is shown');
    const text = messages()[0]!.querySelector('[part="text"]')!;
    expect(text.textContent).to.equal(markup);
    expect(text.querySelector('img')).to.equal(null);
    expect((window as unknown as { __legacyPwned?: number }).__legacyPwned).to.equal(undefined);
    expect(el.store.get().chat.map((m) => m.id)).to.deep.equal(['x1']);
    await expect(panel).to.be.accessible();
  });
});
