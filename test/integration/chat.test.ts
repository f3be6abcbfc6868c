import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import type { Room } from 'livekit-client';
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
});
