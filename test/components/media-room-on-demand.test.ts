import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';

/**
 * This file imports `<media-room>` alone (each test file runs in a page of its own), so what is
 * defined shows what `<media-room>` loaded.
 */
describe('<media-room> loads the default UI only when it shows it', () => {
  it('as a provider for the page’s own layout, it loads no default-UI element; without children, it does', async () => {
    const script = await ScriptedRoom.create(1);
    const composed = await fixture<MediaRoom>(html`<media-room><p>My own layout</p></media-room>`);
    composed.room = script.room;
    await waitFor(() => composed.store.get().connection.phase === 'connected', 'in the room');
    // What it renders around any layout arrives on demand.
    await waitFor(() => !!customElements.get('room-audio'), 'room audio loaded');
    await waitFor(() => !!customElements.get('connection-banner'), 'the banner loaded');
    for (const tag of ['media-call', 'layout-grid', 'control-bar', 'pre-join', 'chat-panel']) {
      expect(customElements.get(tag), `<${tag}> not loaded`).to.equal(undefined);
    }

    const full = await fixture<MediaRoom>(html`<media-room skip-prejoin></media-room>`);
    full.room = script.room;
    await waitFor(() => !!customElements.get('media-call'), 'the default UI loaded on demand');
    await waitFor(
      () =>
        !!full.shadowRoot!.querySelector('media-call')?.shadowRoot?.querySelector('layout-grid'),
      'the default UI shown',
    );
    await script.room.disconnect();
  });
});
