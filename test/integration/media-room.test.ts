import { expect, fixture, html } from '@open-wc/testing';
import { Track } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import {
  isDecoding,
  joinPeer,
  mountRoom,
  nextEvent,
  tileOf,
  uniqueRoom,
  waitFor,
  useLiveHooks,
  callRoot,
} from '../helpers/live.js';

describe('<media-room> against a real livekit-server', () => {
  const { peers } = useLiveHooks();

  it('joins a room from its token URL and is accessible', async () => {
    const room = uniqueRoom();
    const el = await fixture<MediaRoom>(html`
      <media-room
        skip-prejoin
        token-url="/api/rooms/${room}/join"
        identity="alice"
        name="Alice"
      ></media-room>
    `);
    await nextEvent(el, 'connected');
    const s = el.store.get();
    expect(s.connection.phase).to.equal('connected');
    expect(s.room.name).to.equal(room);
    expect(s.local?.identity).to.equal('alice');
    expect(s.local?.name).to.equal('Alice');
    await waitFor(() => el.store.get().room.sid.startsWith('RM_'), 'room sid arrives');
    await expect(el).to.be.accessible();
    await el.leave();
  });

  it('shows a second participant with subscribed tracks and decoding video', async () => {
    const room = uniqueRoom();
    const el = await mountRoom(room, 'alice');
    const joined = nextEvent(el, 'participant-joined');
    peers.push(await joinPeer(room, 'bob'));
    expect((await joined).participant.identity).to.equal('bob');

    await waitFor(() => {
      const bob = el.store.get().participants.get('bob');
      return !!bob?.tracks.camera?.subscribed && !!bob.tracks.microphone?.subscribed;
    }, 'bob camera and microphone subscribed');
    const bob = el.store.get().participants.get('bob')!;
    expect(bob.isLocal).to.equal(false);
    expect(el.store.get().remotes.map((p) => p.identity)).to.deep.equal(['bob']);
    expect(el.store.get().numPublishers).to.equal(1);

    const tile = tileOf(el, 'bob');
    expect(tile, 'a tile for bob').to.not.equal(null);
    await waitFor(() => !!tile!.shadowRoot?.querySelector('video:not([hidden])'), 'video shown');
    const video = tile!.shadowRoot!.querySelector('video')!;
    await waitFor(() => video.videoWidth > 0, 'video has frames', 15_000);
    expect(await isDecoding(video)).to.equal(true);
    await expect(el).to.be.accessible();
    await el.leave();
  });

  it('reflects a remote mute and unmute, with events', async () => {
    const room = uniqueRoom();
    const el = await mountRoom(room, 'alice');
    const peer = await joinPeer(room, 'carol');
    peers.push(peer);
    await waitFor(
      () => !!el.store.get().participants.get('carol')?.tracks.camera?.subscribed,
      'carol camera subscribed',
    );

    const muted = nextEvent(el, 'track-muted');
    await peer.localParticipant.getTrackPublication(Track.Source.Camera)!.mute();
    expect((await muted).participant.identity).to.equal('carol');
    await waitFor(
      () => el.store.get().participants.get('carol')?.tracks.camera?.muted === true,
      'camera muted in the store',
    );
    const tile = tileOf(el, 'carol')!;
    await waitFor(() => !!tile.shadowRoot?.querySelector('[part="avatar"]'), 'avatar instead');

    const unmuted = nextEvent(el, 'track-unmuted');
    await peer.localParticipant.getTrackPublication(Track.Source.Camera)!.unmute();
    await unmuted;
    await waitFor(
      () => el.store.get().participants.get('carol')?.tracks.camera?.muted === false,
      'camera unmuted in the store',
    );
    await peer.localParticipant.setMicrophoneEnabled(false);
    await waitFor(
      () => el.store.get().participants.get('carol')?.tracks.microphone?.muted === true,
      'microphone muted in the store',
    );
    await el.leave();
  });

  it('removes a participant who leaves', async () => {
    const room = uniqueRoom();
    const el = await mountRoom(room, 'alice');
    const peer = await joinPeer(room, 'dave', { camera: true });
    await waitFor(() => el.store.get().participants.has('dave'), 'dave appears');
    const left = nextEvent(el, 'participant-left');
    await peer.disconnect();
    expect((await left).participant.identity).to.equal('dave');
    await waitFor(() => el.store.get().remotes.length === 0, 'dave is gone');
    expect(tileOf(el, 'dave')).to.equal(null);
    await el.leave();
  });

  it('publishes its own camera and microphone when asked, seen by the other side', async () => {
    const room = uniqueRoom();
    const watcher = await joinPeer(room, 'watcher', {});
    peers.push(watcher);
    const el = await mountRoom(room, 'alice', { audio: true, video: true });
    await waitFor(() => {
      const local = el.store.get().local;
      return !!local?.tracks.camera && !!local.tracks.microphone;
    }, 'local camera and microphone published');
    await waitFor(() => {
      const alice = watcher.remoteParticipants.get('alice');
      return !!alice?.getTrackPublication(Track.Source.Camera)?.isSubscribed;
    }, 'the watcher receives alice');
    const tile = tileOf(el, 'alice')!;
    await waitFor(
      () => !!tile.shadowRoot?.querySelector('video.mirrored:not([hidden])'),
      'self view',
    );
    await el.leave();
    await waitFor(() => !watcher.remoteParticipants.has('alice'), 'alice left for the watcher');
  });

  it('leaves when removed from the page, but not when moved within it', async () => {
    const room = uniqueRoom();
    const el = await mountRoom(room, 'alice');
    const other = document.createElement('div');
    document.body.append(other);
    other.append(el); // a move: disconnected and connected in one task
    // A fixed window on purpose: this proves it does not leave, and there is nothing to wait for.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(el.room.state).to.equal('connected');
    const disconnected = nextEvent(el, 'disconnected');
    other.remove();
    expect((await disconnected).reason).to.equal('client-initiated');
    expect(el.room.state).to.equal('disconnected');

    // Put back on the page, it joins again.
    const rejoined = nextEvent(el, 'connected');
    document.body.append(el);
    await rejoined;
    expect(el.store.get().local?.identity).to.equal('alice');
    await el.leave();
    el.remove();
  });

  it('leave() shows that you left, and Rejoin joins again', async () => {
    const room = uniqueRoom();
    const el = await mountRoom(room, 'alice');
    await el.leave();
    await waitFor(() => el.store.get().connection.phase === 'disconnected', 'left');
    await el.updateComplete;
    const banner = el.shadowRoot!.querySelector('connection-banner')!;
    await waitFor(
      () => !!banner.shadowRoot?.querySelector('[part="message"]')?.textContent?.includes('left'),
      'the banner says you left',
    );
    expect(banner.shadowRoot!.querySelector('[part="message"]')!.textContent).to.contain(
      'You left the room.',
    );
    const rejoin = banner.shadowRoot!.querySelector<HTMLButtonElement>('[part="rejoin"]')!;
    expect(rejoin.textContent?.trim()).to.equal('Rejoin');
    const connected = nextEvent(el, 'connected');
    rejoin.click();
    await connected;
    expect(el.store.get().local?.identity).to.equal('alice');
    await el.leave();
  });

  it('two elements on one page join two rooms independently', async () => {
    const roomA = uniqueRoom('a');
    const roomB = uniqueRoom('b');
    const [a, b] = await Promise.all([mountRoom(roomA, 'alice'), mountRoom(roomB, 'bruno')]);
    expect(a.store).to.not.equal(b.store);
    expect(a.room).to.not.equal(b.room);
    expect(a.store.get().room.name).to.equal(roomA);
    expect(b.store.get().room.name).to.equal(roomB);
    peers.push(await joinPeer(roomA, 'only-in-a', { camera: true }));
    await waitFor(() => a.store.get().participants.has('only-in-a'), 'a sees its peer');
    expect(b.store.get().participants.has('only-in-a')).to.equal(false);
    await Promise.all([a.leave(), b.leave()]);
  });

  it('joins with a token and server URL given directly, and with the other reply shape', async () => {
    const room = uniqueRoom();
    const response = await fetch('/api/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ room, identity: 'direct' }),
    });
    const { token, url } = (await response.json()) as { token: string; url: string };
    // Everything written to the console meanwhile (livekit-client logs there too).
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
    const originals = methods.map((m) => console[m]);
    methods.forEach((m, i) => {
      console[m] = (...args: unknown[]) => {
        logged.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));
        (originals[i] as (...a: unknown[]) => void)(...args);
      };
    });
    const direct = await fixture<MediaRoom>(
      html`<media-room skip-prejoin token=${token} server-url=${url}></media-room>`,
    );
    await nextEvent(direct, 'connected');
    methods.forEach((m, i) => (console[m] = originals[i]!));
    expect(
      logged.filter((line) => line.includes(token)),
      'the token is never logged',
    ).to.deep.equal([]);
    expect(direct.store.get().local?.identity).to.equal('direct');
    // The token is not left in the DOM: no attribute, an empty property, nothing in the markup.
    expect(direct.hasAttribute('token')).to.equal(false);
    expect(direct.token).to.equal('');
    expect(direct.outerHTML).to.not.contain(token);
    // It is kept privately: leaving and joining again works.
    await direct.leave();
    void direct.connect();
    await nextEvent(direct, 'connected');
    expect(direct.store.get().local?.identity).to.equal('direct');
    await direct.leave();

    const alt = await fixture<MediaRoom>(
      html`<media-room skip-prejoin token-url="/test-api/alt-shape"></media-room>`,
    );
    await nextEvent(alt, 'connected');
    expect(alt.store.get().room.name).to.equal('edge-cases');
    await alt.leave();
  });

  it('renders only its children when it has some, and provides the store to them', async () => {
    const room = uniqueRoom();
    const el = await fixture<MediaRoom>(html`
      <media-room token-url="/api/rooms/${room}/join" identity="alice">
        <participant-tile identity="alice"></participant-tile>
      </media-room>
    `);
    await nextEvent(el, 'connected');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="grid"]')).to.equal(null);
    const tile = el.querySelector('participant-tile')!;
    await waitFor(
      () => !!tile.shadowRoot?.querySelector('[part="name"]')?.textContent?.includes('alice'),
      'the slotted tile reads the store',
    );
    await el.leave();
  });

  it('joins through the pre-join screen, publishing the very tracks it previewed', async () => {
    const room = uniqueRoom();
    const watcher = await joinPeer(room, 'watcher', {});
    peers.push(watcher);
    const el = await fixture<MediaRoom>(
      html`<media-room token-url="/api/rooms/${room}/join" identity="pat"></media-room>`,
    );
    const preJoin = callRoot(el)!.querySelector('pre-join')!;
    expect(preJoin, 'the pre-join screen').to.not.equal(null);
    expect(el.store.get().connection.phase).to.equal('idle');
    await waitFor(() => !!preJoin.tracks.video && !!preJoin.tracks.audio, 'preview tracks');
    const previewCamera = preJoin.tracks.video!.mediaStreamTrack;
    const previewMicrophone = preJoin.tracks.audio!.mediaStreamTrack;
    await expect(el).to.be.accessible();

    const input = preJoin.shadowRoot!.querySelector<HTMLInputElement>('[part="name-input"]')!;
    input.value = 'Pat Doe';
    const connected = nextEvent(el, 'connected');
    preJoin.shadowRoot!.querySelector<HTMLButtonElement>('[part="join"]')!.click();
    await connected;
    await waitFor(() => {
      const local = el.store.get().local;
      return !!local?.tracks.camera && !!local.tracks.microphone;
    }, 'camera and microphone published');
    const local = el.store.get().local!;
    expect(local.name).to.equal('Pat Doe');
    expect(local.tracks.camera!.publication.track!.mediaStreamTrack).to.equal(previewCamera);
    expect(local.tracks.microphone!.publication.track!.mediaStreamTrack).to.equal(
      previewMicrophone,
    );
    await el.updateComplete;
    expect(callRoot(el)?.querySelector('pre-join') ?? null).to.equal(null);
    await waitFor(
      () => !!watcher.remoteParticipants.get('pat')?.getTrackPublication(Track.Source.Camera),
      'the other side sees the camera',
    );
    await el.leave();
    expect(previewCamera.readyState).to.equal('ended');
  });

  it('a join cancelled by a listener on the page keeps the pre-join screen and joins nothing', async () => {
    const room = uniqueRoom();
    const el = await fixture<MediaRoom>(
      html`<media-room token-url="/api/rooms/${room}/join" identity="pat"></media-room>`,
    );
    const preJoin = callRoot(el)!.querySelector('pre-join')!;
    await waitFor(() => !!preJoin.tracks.video && !!preJoin.tracks.audio, 'preview tracks');
    const cancelled: Event[] = [];
    // <media-call> hears the join first (it is inside); it must still not join.
    el.addEventListener(
      'join',
      (e) => {
        e.preventDefault();
        cancelled.push(e);
      },
      { once: true },
    );
    preJoin.shadowRoot!.querySelector<HTMLButtonElement>('[part="join"]')!.click();
    await waitFor(() => cancelled.length === 1, 'join fired');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(el.store.get().connection.phase).to.equal('idle');
    expect(callRoot(el)?.querySelector('pre-join')).to.equal(preJoin);
    expect(preJoin.tracks.video!.mediaStreamTrack.readyState).to.equal('live');
    el.remove();
  });

  it('sets and deletes its own attributes, seen by the other side (when its token allows)', async () => {
    const room = uniqueRoom();
    const watcher = await joinPeer(room, 'watcher', {});
    peers.push(watcher);
    // The server helper's grant does not let a participant write its own attributes; this one does.
    const el = await mountRoom(room, 'alice', { raw: true });
    await waitFor(() => el.store.get().connection.phase === 'connected', 'alice joins');
    await waitFor(() => watcher.remoteParticipants.has('alice'), 'alice seen');
    await el.setAttributes({ 'mr.hand': 'raised', mood: 'fine' });
    await waitFor(
      () => watcher.remoteParticipants.get('alice')?.attributes['mr.hand'] === 'raised',
      'the other side sees the attribute',
    );
    await waitFor(() => el.store.get().local?.attributes.mood === 'fine', 'own store too');
    await el.deleteAttributes('mr.hand');
    await waitFor(
      () => !('mr.hand' in (watcher.remoteParticipants.get('alice')?.attributes ?? {})),
      'deleted for the other side',
    );
    expect(watcher.remoteParticipants.get('alice')?.attributes.mood).to.equal('fine');
    await el.leave();
  });
});
