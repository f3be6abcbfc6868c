import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/index.js';
import {
  isDecoding,
  joinPeer,
  tileOf,
  uniqueRoom,
  useLiveHooks,
  waitFor,
  waitForValue,
  callRoot,
} from '../helpers/live.js';

describe('a cut signal connection, against a real livekit-server behind a loopback proxy', () => {
  const { peers } = useLiveHooks();

  it('shows reconnecting, recovers without a reload, remote video resumes, and the draft is kept', async () => {
    const room = uniqueRoom('cut');
    const el = await fixture<MediaRoom>(html`
      <media-room
        skip-prejoin
        style="height: 36rem"
        token-url="/test-api/proxy-join/${room}?identity=alice"
        name="Alice"
      ></media-room>
    `);
    await waitFor(() => el.store.get().connection.phase === 'connected', 'joined via the proxy');
    peers.push(await joinPeer(room, 'peer', { camera: true }));
    const video = () =>
      tileOf(el, 'peer')?.shadowRoot?.querySelector<HTMLVideoElement>('video') ?? null;
    await waitForValue(video, 'the peer video');
    await waitFor(() => video()!.videoWidth > 0, 'the peer video plays', 20_000);

    // Something typed before the cut.
    callRoot(el)!.querySelector('chat-toggle')!.shadowRoot!.querySelector('button')!.click();
    const input = await waitForValue(
      () =>
        callRoot(el)
          ?.querySelector('chat-panel')
          ?.shadowRoot?.querySelector<HTMLTextAreaElement>('[part="input"]'),
      'the chat input',
    );
    input.value = 'half-written thought';
    input.dispatchEvent(new Event('input', { bubbles: true }));

    const phases: string[] = [];
    const off = el.store.subscribe((s) => phases.push(s.connection.phase));
    const cut = await fetch('/test-api/proxy-cut/10000');
    expect(cut.status).to.equal(200);
    await waitFor(() => el.store.get().connection.phase === 'reconnecting', 'reconnecting');
    const banner = el.shadowRoot!.querySelector('connection-banner')!;
    await waitFor(
      () => !!banner.shadowRoot!.textContent?.includes('Connection lost. Reconnecting…'),
      'the banner says so',
    );

    await waitFor(() => el.store.get().connection.phase === 'connected', 'back', 45_000);
    off();
    expect(phases, 'never disconnected on the way').to.not.include('disconnected');
    expect(el.store.get().participants.has('peer')).to.equal(true);
    await waitFor(() => !!video(), 'the peer tile is there');
    expect(await isDecoding(video()!), 'remote video resumes').to.equal(true);
    expect(input.isConnected, 'the same chat input').to.equal(true);
    expect(input.value, 'the draft is kept').to.equal('half-written thought');
    expect(el.name).to.equal('Alice');
    await el.leave();
  });
});
