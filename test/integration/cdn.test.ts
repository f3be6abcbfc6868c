import { expect } from '@open-wc/testing';
import type { Room } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import { joinPeer, uniqueRoom, waitFor, callRoot } from '../helpers/live.js';

/**
 * The built CDN bundles (`npm run build` runs before the browser tests), each alone in a plain
 * page: they define every element and join the real SFU with nothing but a token URL.
 */
for (const [bundle, page] of [
  ['ESM', '/test/fixtures/cdn-esm.html'],
  ['IIFE', '/test/fixtures/cdn-iife.html'],
] as const) {
  describe(`the ${bundle} CDN bundle`, () => {
    let frame: HTMLIFrameElement;
    let peer: Room | undefined;

    beforeEach(async () => {
      frame = document.createElement('iframe');
      frame.style.width = '800px';
      frame.style.height = '500px';
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve));
      frame.src = page;
      document.body.append(frame);
      await loaded;
    });

    afterEach(async () => {
      await peer?.disconnect();
      frame.remove();
    });

    it('defines every element and joins with a token URL, showing the other participant', async () => {
      const win = frame.contentWindow!;
      await waitFor(() => !!win.customElements.get('media-room'), 'media-room defined');
      expect(win.customElements.get('participant-tile'), 'participant-tile').to.not.equal(
        undefined,
      );
      const el = frame.contentDocument!.querySelector('media-room') as MediaRoom;
      const room = uniqueRoom('cdn');
      el.setAttribute('token-url', `/api/rooms/${room}/join`);
      await waitFor(() => el.store.get().connection.phase === 'connected', 'connected');
      peer = await joinPeer(room, 'cdn-peer', { camera: true });
      await waitFor(
        () =>
          !!callRoot(el)
            ?.querySelector('layout-grid')
            ?.shadowRoot?.querySelector('participant-tile[identity="cdn-peer"]'),
        'a tile for the other participant',
      );
    });
  });
}

/** An iframe showing `page`, resolved once it has loaded. */
async function frameOf(page: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '500px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve));
  frame.src = page;
  document.body.append(frame);
  await loaded;
  return frame;
}

describe('the CDN autoloader', () => {
  let frame: HTMLIFrameElement | undefined;
  let peer: Room | undefined;

  afterEach(async () => {
    await peer?.disconnect();
    peer = undefined;
    frame?.remove();
  });

  it('defines a <media-room> on the page, which joins with a token URL and shows the other participant', async () => {
    frame = await frameOf('/test/fixtures/cdn-autoload.html');
    const win = frame.contentWindow!;
    await waitFor(() => !!win.customElements.get('media-room'), 'media-room defined');
    const el = frame.contentDocument!.querySelector('media-room') as MediaRoom;
    const room = uniqueRoom('autoload');
    el.setAttribute('token-url', `/api/rooms/${room}/join`);
    await waitFor(() => el.store.get().connection.phase === 'connected', 'connected');
    peer = await joinPeer(room, 'autoload-peer', { camera: true });
    await waitFor(
      () =>
        !!callRoot(el)
          ?.querySelector('layout-grid')
          ?.shadowRoot?.querySelector('participant-tile[identity="autoload-peer"]'),
      'a tile for the other participant',
    );
  });

  it('loads only the tags on the page, and a tag when it is added later', async () => {
    frame = await frameOf('/test/fixtures/cdn-autoload-one.html');
    const win = frame.contentWindow!;
    await waitFor(() => !!win.customElements.get('leave-button'), 'leave-button defined');
    // Give any other load time to happen: none should. A fixed window on purpose: there is no
    // event to wait for when nothing should load.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const defined = (tag: string) => win.customElements.get(tag) !== undefined;
    expect(defined('media-room'), 'media-room is not on the page').to.equal(false);
    expect(defined('participant-list')).to.equal(false);

    frame.contentDocument!.body.append(frame.contentDocument!.createElement('chat-toggle'));
    await waitFor(() => defined('chat-toggle'), 'chat-toggle loaded on arrival');
    expect(defined('media-room')).to.equal(false);
  });
});
