import { expect, fixture, html } from '@open-wc/testing';
import { ExternalE2EEKeyProvider, Room, RoomEvent, Track } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import {
  callRoot,
  isDecoding,
  tileOf,
  tokenFor,
  uniqueRoom,
  useLiveHooks,
  waitFor,
  waitForValue,
} from '../helpers/live.js';

/**
 * End-to-end encryption against the real SFU: `<media-room>` with a passphrase (a property) or
 * with the key the join route hands out, livekit-client's worker served from the package's assets.
 */

/** A `<media-room>` with the default UI, camera on, joined with `passphrase` (none: '' ). */
async function mountEncrypted(room: string, identity: string, passphrase: string) {
  const el = await fixture<MediaRoom>(html`
    <media-room
      skip-prejoin
      video
      token-url=${`/api/rooms/${room}/join`}
      identity=${identity}
      name=${identity}
      .e2eePassphrase=${passphrase}
    ></media-room>
  `);
  await waitFor(() => el.store.get().connection.phase === 'connected', `${identity} joins`, 20_000);
  await waitFor(() => !!callRoot(el)?.querySelector('layout-grid'), 'the default UI', 20_000);
  return el;
}

/** A plain livekit-client peer publishing its camera, encrypted with `passphrase`. */
async function encryptedPeer(room: string, identity: string, passphrase: string): Promise<Room> {
  const keyProvider = new ExternalE2EEKeyProvider();
  await keyProvider.setKey(passphrase);
  const worker = new Worker('/src/assets/e2ee-worker.js', { type: 'module' });
  const peer = new Room({ encryption: { keyProvider, worker } });
  peer.once(RoomEvent.Disconnected, () => worker.terminate());
  await peer.setE2EEEnabled(true);
  const { token, url } = await tokenFor(room, identity);
  await peer.connect(url, token);
  await peer.localParticipant.setCameraEnabled(true);
  return peer;
}

/**
 * Whether `video` decodes frames, waiting a bounded while for it to start: the first frames of an
 * encrypted track may reach the decoder before the decryptor knows the sender encrypts (ciphertext,
 * which the decoder refuses until the next key frame).
 */
async function decodesSoon(video: HTMLVideoElement): Promise<boolean> {
  for (let attempt = 0; attempt < 5; attempt += 1) if (await isDecoding(video)) return true;
  return false;
}

/** The tile's state, through its custom states. */
const hasState = (tile: Element, state: string) =>
  (tile as unknown as { matches(s: string): boolean }).matches(`:state(${state})`);

const shown: HTMLVideoElement[] = [];

/** The tile of `identity` and its video, once that video plays (the tile's own element). */
async function playingTile(el: MediaRoom, identity: string) {
  const tile = await waitForValue(() => tileOf(el, identity), `the tile of ${identity}`, 20_000);
  const video = await waitForValue(
    () => tile.shadowRoot?.querySelector('video'),
    `the video of ${identity}`,
    20_000,
  );
  await waitFor(() => video.videoWidth > 0, `${identity} plays`, 20_000);
  return { tile, video };
}

/** The remote camera of `identity` attached to a fresh video element (not the tile's). */
async function remoteVideo(el: MediaRoom, identity: string): Promise<HTMLVideoElement> {
  const track = await waitForValue(
    () => el.room.remoteParticipants.get(identity)?.getTrackPublication(Track.Source.Camera)?.track,
    `the camera of ${identity} is subscribed`,
    20_000,
  );
  // Shown on the page (adaptive stream would pause a video nobody sees).
  const video = document.createElement('video');
  video.muted = true;
  video.style.width = '320px';
  video.style.height = '180px';
  document.body.append(video);
  track.attach(video);
  shown.push(video);
  return video;
}

describe('end-to-end encryption', () => {
  const live = useLiveHooks();
  const mounted: MediaRoom[] = [];

  afterEach(async () => {
    for (const video of shown.splice(0)) video.remove();
    for (const el of mounted.splice(0)) {
      await el.leave();
      el.remove();
    }
  });

  it('two pages with one passphrase decode each other’s video and chat, with a lock and a badge', async () => {
    const room = uniqueRoom('e2ee');
    const a = await mountEncrypted(room, 'e2ee-a', 'one shared passphrase');
    mounted.push(a);
    const b = await mountEncrypted(room, 'e2ee-b', 'one shared passphrase');
    mounted.push(b);

    for (const [el, other] of [
      [a, 'e2ee-b'],
      [b, 'e2ee-a'],
    ] as const) {
      const { tile, video } = await playingTile(el, other);
      expect(await decodesSoon(video), `${other} decodes`).to.equal(true);
      await waitFor(() => hasState(tile, 'encrypted'), `${other} shows a lock`);
      expect(tile.shadowRoot!.querySelector('[part="encrypted"]')).not.to.equal(null);
      // The publications really are encrypted (the SFU sees ciphertext).
      const pub = el.room.remoteParticipants.get(other)!.getTrackPublication(Track.Source.Camera)!;
      expect(pub.isEncrypted).to.equal(true);
      const badge = await waitForValue(
        () => callRoot(el)!.querySelector('[part="encryption"]'),
        'the encrypted badge',
      );
      expect(badge.getAttribute('aria-label')).to.equal('End-to-end encrypted');
      // The same way the wrong-key test looks for frames finds them here.
      const own = await remoteVideo(el, other);
      await waitFor(() => own.videoWidth > 0, `${other} plays in a video of the test`, 20_000);
      expect(await decodesSoon(own)).to.equal(true);
    }

    // Chat from a to b, encrypted on the data channel (livekit-client's `encryption` option).
    expect(a.room.localParticipant.isE2EEEnabled).to.equal(true);
    await a.session.sendChat('hello, privately');
    await waitFor(
      () => b.store.get().chat.some((m) => m.text === 'hello, privately' && !m.isLocal),
      'b receives the chat message',
    );
  });

  it('a page with another passphrase shows “cannot decrypt” and decodes no frame', async () => {
    const room = uniqueRoom('e2ee');
    const peer = await encryptedPeer(room, 'e2ee-right', 'the right passphrase');
    live.peers.push(peer);
    const wrong = await mountEncrypted(room, 'e2ee-wrong', 'a wrong passphrase');
    mounted.push(wrong);

    const tile = await waitForValue(() => tileOf(wrong, 'e2ee-right'), 'the tile', 20_000);
    await waitFor(() => hasState(tile, 'undecryptable'), 'the tile says it cannot decrypt', 20_000);
    const state = tile.shadowRoot!.querySelector('[part="undecryptable"]')!;
    expect(state.textContent!.trim()).to.equal('Cannot decrypt: another key');
    expect(state.querySelector('svg')).not.to.equal(null);
    expect(tile.shadowRoot!.querySelector('video:not([hidden])'), 'no black box').to.equal(null);
    // Its media arrives and cannot be decoded: no frame comes. (A new element may first present
    // the track's last frame: Firefox's decoder may have turned ciphertext that arrived before the
    // decryptor was told this participant encrypts into a frame; none comes after it.)
    const video = await remoteVideo(wrong, 'e2ee-right');
    await isDecoding(video);
    expect(await isDecoding(video), 'no decoded frame').to.equal(false);
    // The wrong-key page still encrypts its own media (its lock, its badge).
    await waitFor(() => wrong.store.get().encryption.enabled, 'its own media is encrypted');
  });

  it('a page without a key in an encrypted room is told why it sees nothing', async () => {
    const room = uniqueRoom('e2ee');
    const peer = await encryptedPeer(room, 'e2ee-keeper', 'a passphrase');
    live.peers.push(peer);
    const keyless = await mountEncrypted(room, 'e2ee-keyless', '');
    mounted.push(keyless);

    const notice = await waitForValue(
      () => callRoot(keyless)!.querySelector('[part="encryption-notice"]'),
      'the no-key notice',
      20_000,
    );
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent!.trim()).to.equal(
      'This call is end-to-end encrypted and you have no key: you cannot see or hear the others.',
    );
    const tile = await waitForValue(() => tileOf(keyless, 'e2ee-keeper'), 'the tile', 20_000);
    await waitFor(() => hasState(tile, 'undecryptable'), 'the tile says it cannot decrypt');
    expect(tile.shadowRoot!.querySelector('[part="undecryptable"]')!.textContent!.trim()).to.equal(
      'Cannot decrypt: no key',
    );
    expect(callRoot(keyless)!.querySelector('[part="encryption"]'), 'no badge').to.equal(null);
  });

  it('joins with the key the join route hands out, and decodes a peer holding it', async () => {
    const room = uniqueRoom('e2ee-key');
    const reply = (await (
      await fetch(`/api/rooms/${room}/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ identity: 'e2ee-probe' }),
      })
    ).json()) as { e2eeKey?: string };
    expect(reply.e2eeKey, 'the join reply carries a key').to.be.a('string').and.not.equal('');
    const peer = await encryptedPeer(room, 'e2ee-holder', reply.e2eeKey!);
    live.peers.push(peer);
    const el = await mountEncrypted(room, 'e2ee-fetched', '');
    mounted.push(el);

    await waitFor(() => el.store.get().encryption.enabled, 'its media is encrypted');
    const { tile, video } = await playingTile(el, 'e2ee-holder');
    expect(await decodesSoon(video)).to.equal(true);
    expect(hasState(tile, 'encrypted')).to.equal(true);
  });

  it('taken off the page and put back, joins encrypted again (a new worker)', async () => {
    const room = uniqueRoom('e2ee');
    const peer = await encryptedPeer(room, 'e2ee-stays', 'kept passphrase');
    live.peers.push(peer);
    const el = await mountEncrypted(room, 'e2ee-moves', 'kept passphrase');
    mounted.push(el);
    const parent = el.parentElement!;
    el.remove();
    await waitFor(() => el.store.get().connection.phase === 'disconnected', 'left when taken off');
    await el.store.settled();
    parent.append(el);
    await waitFor(() => el.store.get().connection.phase === 'connected', 'joined again', 20_000);
    await waitFor(() => el.store.get().encryption.enabled, 'encrypted again');
    const { video } = await playingTile(el, 'e2ee-stays');
    expect(await decodesSoon(video)).to.equal(true);
  });

  it('never puts the passphrase in the DOM nor exposes it again', async () => {
    const room = uniqueRoom('e2ee');
    const el = await mountEncrypted(room, 'e2ee-secret', 'do-not-show-this-passphrase');
    mounted.push(el);
    const everything = (root: Element | ShadowRoot): string => {
      let text = root instanceof Element ? root.outerHTML : root.innerHTML;
      for (const child of root.querySelectorAll('*')) {
        if (child.shadowRoot) text += everything(child.shadowRoot);
      }
      return text;
    };
    expect(everything(document.body)).not.to.contain('do-not-show-this-passphrase');
    expect(el.e2eePassphrase).to.equal('');
    expect(JSON.stringify(el.session.config)).not.to.contain('do-not-show-this-passphrase');
  });
});
