// Screenshots of end-to-end encryption, to look at (not compared): a page holding the key sees one
// peer with the same key (decoded, a lock) and one with another key ("Cannot decrypt"); a page
// without a key is told why it sees nothing.
//   WTR_DEVICE=desktop npx wtr --config web-test-runner.mobile.config.mjs --files test/screens/e2ee.screens.ts
//   npx wtr --config web-test-runner.mobile.config.mjs --files test/screens/e2ee.screens.ts
// They are written to test-results/screens/.
import { fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { ExternalE2EEKeyProvider, Room, RoomEvent } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import { currentEngine } from '../engines.js';
import { phonePage } from '../mobile/call-page.js';
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

const phone = matchMedia('(pointer: coarse)').matches;
const shot = (name: string) =>
  executeServerCommand('screenshot', {
    name: `${currentEngine()}-${phone ? 'phone' : 'desktop'}-e2ee-${name}`,
  });

async function peer(room: string, identity: string, passphrase: string): Promise<Room> {
  const keyProvider = new ExternalE2EEKeyProvider();
  await keyProvider.setKey(passphrase);
  const worker = new Worker('/src/assets/e2ee-worker.js', { type: 'module' });
  const p = new Room({ encryption: { keyProvider, worker } });
  p.once(RoomEvent.Disconnected, () => worker.terminate());
  await p.setE2EEEnabled(true);
  const { token, url } = await tokenFor(room, identity);
  await p.connect(url, token);
  await p.localParticipant.setCameraEnabled(true);
  return p;
}

async function mount(room: string, identity: string, passphrase: string) {
  const el = await fixture<MediaRoom>(
    html`<media-room
      skip-prejoin
      style="height: 100dvh"
      token-url=${`/api/rooms/${room}/join`}
      identity=${identity}
      name=${identity}
      .e2eePassphrase=${passphrase}
    ></media-room>`,
  );
  await waitFor(() => el.store.get().connection.phase === 'connected', 'joined', 20_000);
  return el;
}

describe('end-to-end encryption screens', () => {
  const live = useLiveHooks();

  it('same key, another key, no key', async () => {
    phonePage();
    await setViewport(phone ? { width: 390, height: 844 } : { width: 1280, height: 800 });
    const room = uniqueRoom('e2ee-screens');
    live.peers.push(await peer(room, 'Ada', 'the key'), await peer(room, 'Bob', 'another key'));
    const el = await mount(room, 'reader', 'the key');
    const video = await waitForValue(
      () => tileOf(el, 'Ada')?.shadowRoot?.querySelector('video'),
      'Ada’s video',
      20_000,
    );
    await waitFor(() => video.videoWidth > 0, 'Ada plays', 20_000);
    await isDecoding(video);
    await waitFor(
      () => !!tileOf(el, 'Bob')?.shadowRoot?.querySelector('[part="undecryptable"]'),
      'Bob cannot be decrypted',
      20_000,
    );
    await waitFor(() => !!callRoot(el)?.querySelector('[part="encryption"]'), 'the badge');
    await shot('with-key');
    await el.leave();
    el.remove();

    const keyless = await mount(room, 'keyless', '');
    await waitFor(
      () => !!callRoot(keyless)?.querySelector('[part="encryption-notice"]'),
      'the notice',
      20_000,
    );
    await shot('no-key');
    await keyless.leave();
  });
});
