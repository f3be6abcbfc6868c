import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/media-call/media-call.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { callRoot, waitFor, waitForValue } from '../helpers/live.js';

describe('<media-call> on a scripted room', () => {
  it('is the default UI of a <media-room> without children, and composes among your own elements', async () => {
    const script = await ScriptedRoom.create(2);
    const el = await fixture<MediaRoom>(html`
      <media-room style="height: 30rem">
        <h2>My own header</h2>
        <media-call layout="speaker"></media-call>
      </media-room>
    `);
    el.room = script.room;
    const call = el.querySelector('media-call')!;
    // With children, <media-room> renders no default UI of its own: only the page's.
    expect(el.shadowRoot!.querySelector('media-call')).to.equal(null);
    const grid = await waitForValue(
      () => call.shadowRoot?.querySelector('layout-grid'),
      'the composed call shows the tiles',
    );
    expect(grid.layout).to.equal('speaker');
    expect(call.roomType).to.equal('meeting');
    await expect(call).to.be.accessible();
    await script.room.disconnect();
  });

  it('on a phone, an open side panel takes the whole stage and the tiles come back when it closes', async () => {
    const script = await ScriptedRoom.create(2);
    const el = await fixture<MediaRoom>(
      html`<media-room skip-prejoin style="width: 360px; height: 640px"></media-room>`,
    );
    el.room = script.room;
    const root = await waitForValue(
      () => (callRoot(el)?.querySelector('chat-toggle') ? callRoot(el) : undefined),
      'the default UI',
    );
    const grid = root.querySelector('layout-grid')!;
    const chat = root.querySelector('chat-panel')!;
    const stage = root.querySelector<HTMLElement>('.stage')!;
    expect(getComputedStyle(grid).display).to.not.equal('none');
    root.querySelector('chat-toggle')!.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => !chat.hidden, 'the chat opens');
    await waitFor(() => getComputedStyle(grid).display === 'none', 'the tiles make way');
    expect(chat.closest('.sheet')!.getBoundingClientRect().width).to.be.closeTo(
      stage.clientWidth,
      1,
    );
    root.querySelector('chat-toggle')!.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => chat.hidden, 'the chat closes');
    await waitFor(() => getComputedStyle(grid).display !== 'none', 'the tiles are back');
    await script.room.disconnect();
  });
});
